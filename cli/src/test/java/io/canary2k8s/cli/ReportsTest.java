package io.canary2k8s.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.canary2k8s.render.BundleWriter;
import io.canary2k8s.testkit.Reports;
import io.canary2k8s.text.Escape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Markdown reports as a reader gets them: every golden REVIEW.md, review page and DNS README,
 * and DIFF.md of a change, read by a CommonMark parser with GFM tables (every row has its header's
 * cells) and every diagram by Mermaid's parser; then the same for an estate whose AWS names and tag
 * values are hostile (table pipes, line ends, HTML, backticks, Mermaid syntax, terminal escape
 * sequences, bidi overrides, zero-width characters), with no such character reaching any file or
 * stderr raw.
 */
class ReportsTest {
  static final ObjectMapper JSON = new ObjectMapper();

  /**
   * ELB and ASG names that break a report written without escaping ({@code myapp-canary} names an
   * ELB and an ASG; ELB names hold no {@code /}, which cannot name the ELB's attributes file).
   */
  static final Map<String, String> HOSTILE =
      Map.of(
          "myapp",
          "my|app <script>alert(1)<!-- `x` ]] \u001b[2J\u001b[1;1HOK",
          "myapp-canary",
          "myapp\u202e-canary\u200d \"q\" %% --> [x] {y} #quot; *b* _i_ ~s~ $m$ @team #1",
          "myapp-main",
          "my-app\u2066\u200b\u0085\u009b[31m|<script>alert(1)</script>||\\|");

  static final String APP_TAG = "team|app\nsecond line <b>`x`</b> \u202e\u200b\u001b[2J";
  static final String POLICY = "cpu|50\r\n\u001b]0;title\u0007 ```mermaid";

  @BeforeAll
  static void fixedVersion() {
    System.setProperty("canary2k8s.version", "0.0.0-test");
  }

  @Test
  void everyGoldenReportReadsWellAndEveryDiagramParses() throws IOException {
    List<Path> markdown = new ArrayList<>();
    for (String sample : Samples.names()) {
      for (String target : Samples.TARGETS) {
        Path golden = Samples.expected(sample, target);
        for (var e : BundleWriter.read(golden).entrySet()) {
          String name = sample + "/" + target + "/" + e.getKey();
          Reports.checkNothingHidden(name, e.getValue());
          if (e.getKey().endsWith(".md")) {
            Reports.checkTables(name, e.getValue());
            markdown.add(golden.resolve(e.getKey()));
          }
        }
      }
    }
    assertThat(markdown).anyMatch(p -> p.toString().contains("/review/"));
    assertThat(Reports.checkMermaid(markdown)).isGreaterThanOrEqualTo(21);
  }

  /** DIFF.md of a change of weights, for every target: its tables and its diagrams. */
  @Test
  void diffReportsReadWellAndTheirDiagramsParse(@TempDir Path tmp) throws IOException {
    Path capture = tmp.resolve("capture");
    BadInputTest.copyTree(Samples.capture("razorpay-myapp"), capture);
    Path asgs = capture.resolve("autoscaling/describe-auto-scaling-groups.json");
    JsonNode tree = JSON.readTree(asgs.toFile());
    for (JsonNode g : tree.get("AutoScalingGroups")) {
      if (g.get("AutoScalingGroupName").asText().equals("myapp-canary")) {
        ((ObjectNode) g).put("MinSize", 3).put("DesiredCapacity", 3).put("MaxSize", 3);
      }
    }
    Files.writeString(asgs, JSON.writeValueAsString(tree));
    List<Path> reports = new ArrayList<>();
    for (String target : Samples.TARGETS) {
      Path out = tmp.resolve(target);
      Cli run =
          Cli.run(
              "migrate",
              "--from-aws-cli",
              capture.toString(),
              "--out",
              out.toString(),
              "--target",
              target,
              "--previous",
              Samples.expected("razorpay-myapp", target).toString());
      assertThat(run.exit()).as(run.err()).isZero();
      String diff = Files.readString(out.resolve("DIFF.md"));
      assertThat(diff).contains("```mermaid");
      Reports.checkTables(target + "/DIFF.md", diff);
      reports.add(out.resolve("DIFF.md"));
    }
    assertThat(Reports.checkMermaid(reports)).isEqualTo(3);
  }

  /**
   * The razorpay estate with hostile names: every report of every target reads well, every diagram
   * parses, and no control, bidi or zero-width character is in any file or on stderr; the names are
   * there, as their visible escapes.
   */
  @Test
  void hostileNamesReachNoReportRaw(@TempDir Path tmp) throws IOException {
    Path capture = hostileCapture(tmp.resolve("capture"));
    List<Path> markdown = new ArrayList<>();
    for (String target : Samples.TARGETS) {
      Path out = tmp.resolve(target);
      Cli run =
          Cli.run(
              "migrate",
              "--from-aws-cli",
              capture.toString(),
              "--out",
              out.toString(),
              "--target",
              target,
              "--previous",
              Samples.expected("razorpay-myapp", target).toString());
      assertThat(run.exit()).as(run.err()).isZero();
      Reports.checkNothingHidden(target + " stderr", run.err());
      assertThat(run.err()).contains(Escape.visible(HOSTILE.get("myapp")));
      Map<String, String> files = BundleWriter.read(out);
      for (var e : files.entrySet()) {
        String name = target + "/" + e.getKey();
        Reports.checkNothingHidden(name, e.getValue());
        if (e.getKey().endsWith(".md")) {
          Reports.checkTables(name, e.getValue());
          markdown.add(out.resolve(e.getKey()));
        }
      }
      String page =
          files.entrySet().stream()
              .filter(e -> e.getKey().startsWith("review/") && !e.getKey().contains("/_"))
              .map(Map.Entry::getValue)
              .findFirst()
              .orElseThrow();
      for (String name : HOSTILE.values()) {
        assertThat(page).contains(Escape.visible(name).replace("|", "\\|"));
      }
      assertThat(files.get("DIFF.md")).isNotNull();

      Cli diff =
          Cli.run("diff", Samples.expected("razorpay-myapp", target).toString(), out.toString());
      assertThat(diff.exit()).as(diff.err()).isEqualTo(1);
      Reports.checkNothingHidden(target + " diff", diff.out() + diff.err());
      Reports.checkTables(target + " diff", diff.out());
    }
    assertThat(Reports.checkMermaid(markdown)).isGreaterThanOrEqualTo(6);
  }

  /** The checks can fail: a broken row, a raw control character, a diagram Mermaid rejects. */
  @Test
  void theChecksRejectBrokenReports(@TempDir Path tmp) throws IOException {
    String table = "| A | B |\n|---|---|\n| x | y |\n";
    assertThat(Reports.checkTables("ok", table)).isEqualTo(1);
    assertThatThrownBy(() -> Reports.checkTables("pipe", table + "| a|b | c |\n"))
        .hasMessageContaining("more cells");
    assertThatThrownBy(() -> Reports.checkTables("short", table + "| a |\n"))
        .hasMessageContaining("1 of 2 cells");
    assertThatThrownBy(() -> Reports.checkNothingHidden("bidi", "my-app\u202e"))
        .hasMessageContaining("U+202E");
    Path good = tmp.resolve("good.md");
    Files.writeString(good, "```mermaid\nflowchart TB\n  a[\"x\"] --> b\n```\n");
    Path bad = tmp.resolve("bad.md");
    Files.writeString(bad, "```mermaid\nflowchart TB\n  a[\"x\"y\"] --> b\n```\n");
    assertThat(Reports.checkMermaid(List.of(good))).isEqualTo(1);
    assertThatThrownBy(() -> Reports.checkMermaid(List.of(good, bad)))
        .hasMessageContaining("bad.md:1");
  }

  /** An error that quotes a hostile name (an ELB name with a slash) is one clean line. */
  @Test
  void anErrorQuotingAHostileNameIsOneCleanLine(@TempDir Path tmp) throws IOException {
    Path capture = tmp.resolve("capture");
    BadInputTest.copyTree(Samples.capture("razorpay-myapp"), capture);
    Path elbs = capture.resolve("elb/describe-load-balancers.json");
    String bad = "evil/\u001b[2J\u001b[1;1Hcanary2k8s: OK\n\u202e";
    JsonNode tree = JSON.readTree(elbs.toFile());
    rename(tree, Map.of("myapp-canary", bad));
    Files.writeString(elbs, JSON.writeValueAsString(tree));
    Cli run =
        Cli.run(
            "migrate", "--from-aws-cli", capture.toString(), "--out", tmp.resolve("o").toString());
    assertThat(run.exit()).as(run.err()).isEqualTo(2);
    Reports.checkNothingHidden("stderr", run.err());
    assertThat(run.err().strip().split("\n")).hasSize(1);
  }

  /**
   * razorpay-myapp's capture with the ELB, ASG and policy names of {@link #HOSTILE}, and hostile
   * app tags (a line end among them).
   */
  static Path hostileCapture(Path capture) throws IOException {
    BadInputTest.copyTree(Samples.capture("razorpay-myapp"), capture);
    List<Path> json;
    try (Stream<Path> s = Files.walk(capture)) {
      json = s.filter(p -> p.toString().endsWith(".json")).toList();
    }
    for (Path f : json) {
      JsonNode tree = JSON.readTree(f.toFile());
      rename(tree, HOSTILE);
      if (f.endsWith("describe-tags.json")) {
        for (JsonNode d : tree.get("TagDescriptions")) {
          for (JsonNode t : d.get("Tags")) {
            if (t.get("Key").asText().equals("canary2k8s.io/app")) {
              ((ObjectNode) t).put("Value", APP_TAG);
            }
          }
        }
      }
      if (f.endsWith("describe-policies.json")) {
        for (JsonNode p : tree.get("ScalingPolicies")) {
          ((ObjectNode) p).put("PolicyName", POLICY);
        }
      }
      Files.writeString(f, JSON.writeValueAsString(tree));
    }
    Path attributes = capture.resolve("elb/attributes");
    for (var e : HOSTILE.entrySet()) {
      Path from = attributes.resolve(e.getKey() + ".json");
      if (Files.exists(from)) {
        Files.move(from, attributes.resolve(e.getValue() + ".json"));
      }
    }
    return capture;
  }

  /** Every string of {@code tree} equal to a key of {@code names} becomes its value. */
  static void rename(JsonNode tree, Map<String, String> names) {
    if (tree instanceof ObjectNode o) {
      List<String> fields = new ArrayList<>();
      o.fieldNames().forEachRemaining(fields::add);
      for (String f : fields) {
        JsonNode v = o.get(f);
        if (v.isTextual() && names.containsKey(v.asText())) {
          o.set(f, new TextNode(names.get(v.asText())));
        } else {
          rename(v, names);
        }
      }
    } else if (tree instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        JsonNode v = a.get(i);
        if (v.isTextual() && names.containsKey(v.asText())) {
          a.set(i, new TextNode(names.get(v.asText())));
        } else {
          rename(v, names);
        }
      }
    }
  }
}
