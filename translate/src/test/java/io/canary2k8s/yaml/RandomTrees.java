package io.canary2k8s.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Random;

/**
 * Random manifest-like trees whose strings exercise YAML quoting: indicators, reserved words,
 * numbers, escapes, Unicode, line breaks. Shared by the writer's and the reader's property tests.
 */
final class RandomTrees {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /**
   * Pieces that exercise quoting: indicators, reserved words, numbers, escapes, Unicode, line
   * breaks.
   */
  static final List<String> PIECES =
      List.of(
          "a",
          "app",
          "x-y",
          "v1",
          "apps/v1",
          "app.kubernetes.io/name",
          "/",
          "/healthz",
          "_",
          ".",
          "..",
          "-",
          "--",
          "---",
          "...",
          ":",
          ": ",
          " ",
          "  ",
          "#",
          " #",
          "?",
          "!",
          "&",
          "*",
          "|",
          ">",
          "%",
          "@",
          "`",
          "'",
          "\"",
          "\\",
          ",",
          "[",
          "]",
          "{",
          "}",
          "(",
          ")",
          "=",
          "+",
          "~",
          "0",
          "1",
          "42",
          "007",
          "1.5",
          ".5",
          "1e3",
          "0x1F",
          "0o17",
          "1_000",
          "-1",
          "+1",
          "yes",
          "no",
          "on",
          "off",
          "y",
          "n",
          "Y",
          "N",
          "true",
          "False",
          "NULL",
          "null",
          "Yes",
          "é",
          "→",
          "\t",
          "\n",
          "\r",
          "Host(`a.example.com`)",
          " && ",
          "PathPrefix(`/`)",
          "- op: replace\n",
          "  path: /spec\n",
          "line\nline",
          "\n\n",
          "x \n",
          "nginx:1.25",
          "http://x",
          "100m",
          "128Mi",
          "TCP",
          "IfNotPresent",
          "<<",
          "=",
          "%2F");

  private RandomTrees() {}

  static String text(Random r) {
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(4);
    for (int i = 0; i < n; i++) {
      sb.append(PIECES.get(r.nextInt(PIECES.size())));
    }
    if (r.nextInt(10) == 0) {
      sb.append("x".repeat(r.nextInt(200))); // long keys become complex keys
    }
    return sb.toString();
  }

  static JsonNode value(Random r, int depth) {
    int k = r.nextInt(depth > 3 ? 5 : 8);
    switch (k) {
      case 0:
        return F.numberNode(r.nextInt(70000) - 100);
      case 1:
        return F.numberNode(r.nextLong());
      case 2:
        return F.booleanNode(r.nextBoolean());
      case 3:
      case 4:
        return F.textNode(text(r));
      case 5:
        return object(r, depth + 1);
      case 6:
        ArrayNode a = F.arrayNode();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
          a.add(r.nextInt(6) == 0 ? F.arrayNode() : value(r, depth + 1));
        }
        return a;
      default:
        switch (r.nextInt(40)) {
          case 0:
          case 1:
            return F.numberNode(r.nextDouble());
          case 2:
            return F.nullNode(); // Jackson's business: the block writer declines
          default:
            return F.textNode(text(r));
        }
    }
  }

  static ObjectNode object(Random r, int depth) {
    ObjectNode o = F.objectNode();
    int n = r.nextInt(5);
    for (int i = 0; i < n; i++) {
      o.set(r.nextInt(3) == 0 ? text(r) : PIECES.get(r.nextInt(12)), value(r, depth));
    }
    return o;
  }
}
