package io.canary2k8s.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Json's pretty form is exactly Jackson's default printer with a two-space indenter. */
class PrettyPrinterTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** How Json wrote before its own printer: Jackson's, configured. */
  private static final ObjectWriter JACKSON =
      Json.mapper()
          .writer(
              new DefaultPrettyPrinter()
                  .withSeparators(
                      Separators.createDefaultInstance()
                          .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                  .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                  .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  @Test
  void writesWhatJacksonsPrinterWrites() throws Exception {
    for (long seed = 0; seed < 5_000; seed++) {
      Random r = new Random(seed);
      JsonNode tree = r.nextInt(4) == 0 ? array(r, 0) : object(r, 0);
      String expected = JACKSON.writeValueAsString(tree) + "\n";
      assertThat(Json.write(tree)).as("seed %d, as text", seed).isEqualTo(expected);
      // Jackson's UTF-8 generator escapes what its text one does not (a surrogate pair in a key)
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      Json.write(tree, bytes);
      assertThat(bytes.toString(StandardCharsets.UTF_8))
          .as("seed %d, as UTF-8", seed)
          .isEqualTo(new String(JACKSON.writeValueAsBytes(tree), StandardCharsets.UTF_8) + "\n");
    }
  }

  @Test
  void nestingDeeperThanTheKeptLinesAndEmptyContainers() throws Exception {
    ObjectNode root = F.objectNode();
    ObjectNode at = root;
    for (int depth = 0; depth < 80; depth++) {
      at.putArray("a").add(F.objectNode()).add(F.arrayNode()).add(depth);
      at = at.putObject("o" + depth);
    }
    String expected = JACKSON.writeValueAsString(root) + "\n";
    assertThat(Json.write(root))
        .isEqualTo(expected)
        .contains("\n" + "  ".repeat(80) + "\"a\": [\n");
  }

  @Test
  void beansAndSortedMapsAsBefore() throws Exception {
    record Item(String name, int port, Map<String, String> tags) {}
    Map<String, String> tags = new TreeMap<>(Map.of("b", "2", "a", "é→\u0001"));
    Item item = new Item("web", 443, tags);
    assertThat(Json.write(item))
        .isEqualTo(JACKSON.writeValueAsString(item) + "\n")
        .isEqualTo(
            "{\n  \"name\": \"web\",\n  \"port\": 443,\n  \"tags\": {\n    \"a\": \"é→\\u0001\",\n    \"b\": \"2\"\n  }\n}\n");
  }

  private static ObjectNode object(Random r, int depth) {
    ObjectNode o = F.objectNode();
    for (int n = r.nextInt(5); n > 0; n--) {
      o.set(text(r), value(r, depth + 1));
    }
    return o;
  }

  private static ArrayNode array(Random r, int depth) {
    ArrayNode a = F.arrayNode();
    for (int n = r.nextInt(5); n > 0; n--) {
      a.add(value(r, depth + 1));
    }
    return a;
  }

  private static JsonNode value(Random r, int depth) {
    return switch (r.nextInt(depth > 6 ? 5 : 7)) {
      case 0 -> F.textNode(text(r));
      case 1 -> F.numberNode(r.nextInt(100_000) - 50);
      case 2 -> F.numberNode(r.nextDouble() * 100);
      case 3 -> F.booleanNode(r.nextBoolean());
      case 4 -> F.nullNode();
      case 5 -> object(r, depth);
      default -> array(r, depth);
    };
  }

  private static String text(Random r) {
    String alphabet = "ab Z:,\"\\\n\t/é→😀\u0000{}[]";
    StringBuilder sb = new StringBuilder();
    for (int n = r.nextInt(8); n > 0; n--) {
      sb.appendCodePoint(
          alphabet.codePointAt(
              alphabet.offsetByCodePoints(
                  0, r.nextInt(alphabet.codePointCount(0, alphabet.length())))));
    }
    return sb.toString();
  }
}
