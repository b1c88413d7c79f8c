package io.canary2k8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.canary2k8s.inventory.SecretPatterns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Secrets to plant and where they must not show up: the tools of {@link PlantedSecretsTest}. Each
 * kind makes any number of distinct secrets of its shape; a planted input is then searched for
 * every one of them in every output file, file name, stdout and stderr.
 */
final class PlantedSecrets {
  private PlantedSecrets() {}

  static final ObjectMapper JSON = new ObjectMapper();

  /** A kind of secret, and how to make the n-th one. */
  enum Kind {
    ACCESS_KEY_ID {
      @Override
      String make(int n) {
        return String.format(Locale.ROOT, "AKIAPLANTED%09d", n);
      }
    },
    SECRET_ACCESS_KEY {
      /** Random keys of the real alphabet but {@code /}, which no capture file name may hold. */
      @Override
      String make(int n) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+";
        Random random = new Random(n);
        while (true) {
          StringBuilder key = new StringBuilder();
          for (int i = 0; i < 40; i++) {
            key.append(alphabet.charAt(random.nextInt(alphabet.length())));
          }
          if (SecretPatterns.find(key.toString()).size() == 1) {
            return key.toString();
          }
        }
      }

      /** Discovery lower-cases DNS names: a key does not survive it (nor can it be used after). */
      @Override
      boolean caseMatters() {
        return true;
      }
    },
    PRIVATE_KEY {
      @Override
      String make(int n) {
        return "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAplanted"
            + n
            + "x\n-----END RSA PRIVATE KEY-----";
      }

      @Override
      String mustNotShow(String planted) {
        return planted.substring(planted.indexOf('\n') + 1, planted.lastIndexOf('\n'));
      }
    },
    /** A classic GitHub token of an obviously fake body: never a live one. */
    GITHUB_TOKEN {
      @Override
      String make(int n) {
        return String.format(Locale.ROOT, "ghp_FAKEplanted%025d", n);
      }
    },
    /** A Slack bot token of an obviously fake secret part. */
    SLACK_TOKEN {
      @Override
      String make(int n) {
        return String.format(Locale.ROOT, "xoxb-1234567890-%013d-FAKEplantedFAKEplanted", n);
      }
    },
    PASSWORD_PAIR {
      @Override
      String make(int n) {
        return "password=plantedPw" + n + "q";
      }

      @Override
      String mustNotShow(String planted) {
        return planted.substring(planted.indexOf('=') + 1);
      }
    };

    abstract String make(int n);

    /** The part of a planted value that is the secret. */
    String mustNotShow(String planted) {
      return planted;
    }

    /** Whether only the secret's own case counts as showing it. */
    boolean caseMatters() {
      return false;
    }

    /** The planted values that {@code text} shows. */
    List<String> shownIn(String text, Iterable<String> planted) {
      List<String> out = new ArrayList<>();
      String folded = caseMatters() ? text : text.toLowerCase(Locale.ROOT);
      for (String p : planted) {
        String secret = mustNotShow(p);
        if (folded.contains(caseMatters() ? secret : secret.toLowerCase(Locale.ROOT))) {
          out.add(p);
        }
      }
      return out;
    }
  }

  /** Where a planted value must never show: every file's path and content under {@code dirs}. */
  static List<String> leaks(Kind kind, Iterable<String> planted, Path... dirs) throws IOException {
    List<String> out = new ArrayList<>();
    for (Path dir : dirs) {
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path f : (Iterable<Path>) s::iterator) {
          String name = dir.relativize(f).toString();
          for (String p : kind.shownIn(name, planted)) {
            out.add("file name " + name + " shows " + excerpt(p));
          }
          if (Files.isRegularFile(f)) {
            String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
            for (String p : kind.shownIn(text, planted)) {
              out.add(name + " shows " + excerpt(p));
            }
          }
        }
      }
    }
    return out;
  }

  static String excerpt(String s) {
    return s.length() <= 14 ? s : s.substring(0, 14) + "…";
  }

  /** {@code run}'s stdout and stderr show none of {@code planted}. */
  static void assertQuiet(Cli run, Kind kind, Iterable<String> planted) {
    assertThat(kind.shownIn(run.out(), planted)).as("stdout").isEmpty();
    assertThat(kind.shownIn(run.err(), planted)).as("stderr: %s", run.err()).isEmpty();
  }

  /**
   * Copies {@code from} to {@code to}, each file name and each JSON string edited by {@code edit}.
   */
  static void copyEdited(Path from, Path to, UnaryOperator<String> edit) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path rel = from.relativize(p);
        Path t = to;
        for (Path segment : rel) {
          if (!segment.toString().isEmpty()) {
            t = t.resolve(edit.apply(segment.toString()));
          }
        }
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          JsonNode doc = JSON.readTree(p.toFile());
          Files.writeString(
              t, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(edited(doc, edit)));
        }
      }
    }
  }

  private static JsonNode edited(JsonNode node, UnaryOperator<String> edit) {
    if (node.isTextual()) {
      return TextNode.valueOf(edit.apply(node.asText()));
    }
    if (node.isArray()) {
      ArrayNode out = JSON.createArrayNode();
      node.forEach(n -> out.add(edited(n, edit)));
      return out;
    }
    if (node.isObject()) {
      ObjectNode out = JSON.createObjectNode();
      node.fields().forEachRemaining(e -> out.set(e.getKey(), edited(e.getValue(), edit)));
      return out;
    }
    return node;
  }

  /** Each of {@code plants}' keys replaced by its value wherever it occurs, longest first. */
  static UnaryOperator<String> replacing(Map<String, String> plants) {
    if (plants.isEmpty()) {
      return s -> s;
    }
    Pattern any =
        Pattern.compile(
            plants.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote)
                .collect(Collectors.joining("|")));
    return s -> any.matcher(s).replaceAll(m -> Matcher.quoteReplacement(plants.get(m.group())));
  }

  /**
   * A string of inventory.json and where it is: its top-level list, and the path inside an item.
   */
  record Place(String component, String field, String value, boolean key) {
    /** The path without list indices or map keys, which redaction may reorder: {@code tags[]}. */
    String shape() {
      return component + " " + field.replaceAll("\\[[^\\]]*\\]", "[]");
    }
  }

  /** The maps of inventory.json (their keys are data); every other object is a record. */
  static final Set<String> MAPS = Set.of("tags", "attributes", "config");

  /** The fields that hold enum constants, not input. */
  static final Set<String> ENUMS = Set.of("crossZone", "severity");

  /** Every string of an inventory.json tree, with its place. */
  static List<Place> places(JsonNode inventory) {
    List<Place> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = inventory.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isArray()) {
        for (int i = 0; i < e.getValue().size(); i++) {
          places(e.getValue().get(i), e.getKey(), "", false, out);
        }
      } else if (e.getValue().isObject()) {
        places(e.getValue(), e.getKey(), "", false, out);
      }
    }
    return out;
  }

  private static void places(
      JsonNode node, String component, String field, boolean map, List<Place> out) {
    if (node.isTextual()) {
      String leaf = field.substring(field.lastIndexOf('.') + 1);
      if (!ENUMS.contains(leaf)) {
        out.add(new Place(component, field, node.asText(), false));
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        places(node.get(i), component, field + "[" + i + "]", false, out);
      }
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String at;
        if (map) {
          at = field + "[" + e.getKey() + "]";
          out.add(new Place(component, at, e.getKey(), true));
        } else {
          at = field.isEmpty() ? e.getKey() : field + "." + e.getKey();
        }
        places(e.getValue(), component, at, MAPS.contains(e.getKey()) && !map, out);
      }
    }
  }

  /** The kinds of item a warning names, and the top-level list of inventory.json they are in. */
  private static final Map<String, String> ITEM_KINDS = new LinkedHashMap<>();

  static {
    ITEM_KINDS.put("classic ELB", "classicLoadBalancers");
    ITEM_KINDS.put("load balancer", "loadBalancersV2");
    ITEM_KINDS.put("target group", "targetGroups");
    ITEM_KINDS.put("Auto Scaling group", "autoScalingGroups");
    ITEM_KINDS.put("hosted zone", "hostedZones");
    ITEM_KINDS.put("DNS record", "dnsRecords");
    ITEM_KINDS.put("the discovery note", "notes");
    ITEM_KINDS.put("the inventory's", "provenance");
  }

  private static final Pattern WARNING =
      Pattern.compile(
          "Fields? (.+?) of ("
              + ITEM_KINDS.keySet().stream().map(Pattern::quote).collect(Collectors.joining("|"))
              + ")[ (].*",
          Pattern.DOTALL);

  /** The {@link Place#shape()}s the redaction warnings of a notes.json name. */
  static Set<String> warnedShapes(Path notesJson) throws IOException {
    Set<String> out = new TreeSet<>();
    for (JsonNode n : JSON.readTree(notesJson.toFile()).get("notes")) {
      if (!n.get("stage").asText().equals("discover/secrets")) {
        continue;
      }
      assertThat(n.get("severity").asText()).isEqualTo("WARNING");
      Matcher m = WARNING.matcher(n.get("message").asText());
      assertThat(m.matches()).as(n.get("message").asText()).isTrue();
      String component = ITEM_KINDS.get(m.group(2));
      for (String field : m.group(1).split(", ")) {
        String f = field.endsWith(" (its key)") ? field.substring(0, field.length() - 10) : field;
        out.add(new Place(component, f, "", false).shape());
      }
    }
    return out;
  }
}
