package io.canary2k8s.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.canary2k8s.oracle.aws.Answer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The notes of a bundle, and which of them excuse a probe the bundle does not route as AWS does: a
 * note of the required severity that names the AWS item the difference concerns. For an HTTP probe
 * (ERROR or WARNING): its subject names the host, a name on its resolution (a chain, a wildcard
 * record) or a target group it reaches; or the note names a load balancer it reaches together with
 * the host, a target group it reaches, or the rule AWS chose ({@code rule 10}, {@code default
 * rule}). For a listener probe (ERROR only, as the acceptance asks): the note names the load
 * balancer and the listener ({@code TCP:5432}); but for HTTP:80 and HTTPS:443 of a load balancer
 * that no record points at, which no host rule could carry, an ERROR or WARNING whose subject names
 * the load balancer. Only notes of the stages that decide the routing count (discover, translate),
 * never those of the rendering of DNS batches or overlays.
 */
final class Excuses {
  record Note(String severity, String stage, String subject, String message) {
    @Override
    public String toString() {
      return severity + " [" + subject + "] " + message;
    }
  }

  private final List<Note> notes;

  private Excuses(List<Note> notes) {
    this.notes = notes;
  }

  static Excuses read(Path notesJson) throws IOException {
    List<Note> out = new ArrayList<>();
    JsonNode root = new ObjectMapper().readTree(Files.readString(notesJson));
    for (JsonNode n : root.path("notes")) {
      out.add(
          new Note(
              n.path("severity").asText(),
              n.path("stage").asText(),
              n.path("subject").asText(),
              n.path("message").asText()));
    }
    return new Excuses(out);
  }

  List<Note> all() {
    return notes;
  }

  /**
   * The first note that excuses {@code probe}, or null. Notes of the render stages (DNS cutover
   * batches, overlays) say nothing about how today's traffic is routed and excuse nothing.
   */
  Note excuse(Probe probe, Answer aws) {
    for (Note n : notes) {
      if (n.stage().startsWith("render/")) {
        continue;
      }
      if (probe.isHttp() ? httpExcuse(n, probe, aws) : listenerExcuse(n, probe)) {
        return n;
      }
    }
    return null;
  }

  private static boolean httpExcuse(Note n, Probe p, Answer aws) {
    if (!Set.of("ERROR", "WARNING").contains(n.severity())) {
      return false;
    }
    String all = n.subject() + " " + n.message();
    if (names(n.subject(), p.host())) {
      return true;
    }
    for (String name : aws.names()) {
      if (names(n.subject(), name)) {
        return true;
      }
    }
    for (String tg : aws.targetGroups()) {
      if (names(n.subject(), tg)) {
        return true;
      }
    }
    List<String> rules = new ArrayList<>(); // the rules AWS chose, as the notes name them
    for (String item : aws.items()) {
      int space = item.indexOf(' ');
      String lb = item.substring(0, space);
      String what = item.substring(space + 1);
      if (what.startsWith("rule ") || what.equals("default rule")) {
        if (names(all, lb) && names(all, what)) {
          return true;
        }
        rules.add(what);
      }
    }
    // a note about other rules of the load balancer does not explain this request
    boolean otherRules = RULE.matcher(all).find() && rules.stream().noneMatch(r -> names(all, r));
    for (String lb : aws.loadBalancers()) {
      if (!otherRules && names(all, lb) && names(all, p.host())) {
        return true;
      }
      for (String tg : aws.targetGroups()) {
        if (!otherRules && names(all, lb) && names(all, tg)) {
          return true;
        }
      }
    }
    return false;
  }

  private static final Pattern RULE = Pattern.compile("\\b(rule \\d+|default rule)\\b");

  private static boolean listenerExcuse(Note n, Probe p) {
    String all = n.subject() + " " + n.message();
    if (p.unnamedWeb()) { // no host to route by: a warning that names the load balancer will do
      return Set.of("ERROR", "WARNING").contains(n.severity()) && names(n.subject(), p.lb());
    }
    return n.severity().equals("ERROR")
        && names(all, p.lb())
        && names(all, p.protocol() + ":" + p.port());
  }

  /** Whether {@code text} names {@code token} as a whole (not inside a longer name or number). */
  static boolean names(String text, String token) {
    return Pattern.compile(
            "(?<![A-Za-z0-9_*.-])" + Pattern.quote(token) + "(?![A-Za-z0-9_*-]|\\.[A-Za-z0-9])")
        .matcher(text)
        .find();
  }
}
