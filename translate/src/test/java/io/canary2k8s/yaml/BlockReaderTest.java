package io.canary2k8s.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.canary2k8s.input.InputException;
import io.canary2k8s.testing.Seeded;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * BlockReader reads exactly the tree the strict snakeyaml path reads (same node types, same key
 * order), or declines; and {@link Yaml#trees} accepts, reads and rejects exactly as the strict path
 * does, with the same messages.
 */
class BlockReaderTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String SHOWN = "base/x.yaml";

  /** Scalars in and around the subset: what the resolver types, what quoting and escapes do. */
  private static final List<String> SCALARS =
      List.of(
          "web",
          "apps/v1",
          "/health",
          "250m",
          "512Mi",
          "0",
          "1",
          "80",
          "-1",
          "-0",
          "+1",
          "010",
          "007",
          "0x1F",
          "0o17",
          "0b101",
          "1_000",
          "1:20",
          "190:20:30",
          "2147483647",
          "2147483648",
          "-2147483648",
          "-2147483649",
          "123456789012345678",
          "1234567890123456789",
          "99999999999999999999",
          "1.5",
          ".5",
          "1e3",
          "1E3",
          "-.inf",
          ".nan",
          "true",
          "false",
          "True",
          "FALSE",
          "yes",
          "no",
          "on",
          "off",
          "y",
          "n",
          "~",
          "null",
          "Null",
          "NULL",
          "2001-12-14",
          "2001-12-14t21:59:43.10-05:00",
          "=",
          "<<",
          "a b",
          "a  b",
          "a #b",
          "a#b",
          "a: b",
          "a:b",
          "a:",
          "http://x:80/y",
          "Host(`a.example.com`) && PathPrefix(`/`)",
          "x,y",
          "x[0]",
          "{x}",
          "a'b",
          "a\"b",
          "a\\b",
          "10.0.0.1",
          "10.0.0.0/8",
          "_x",
          "-x",
          ".x",
          "..",
          "...",
          "---",
          "-",
          "?",
          "? x",
          "*x",
          "&x",
          "!x",
          "%x",
          "@x",
          "`x",
          "|",
          ">",
          "'",
          "\"",
          "#",
          "é",
          "\t",
          "line\nline",
          "");

  // ---- random trees, written by the writer ---------------------------------------------------

  @Test
  void readsWhatTheWriterWrites() {
    AtomicInteger read = new AtomicInteger();
    AtomicInteger literals = new AtomicInteger();
    AtomicInteger outlined = new AtomicInteger();
    Seeded.forAll(
        "block reader = strict, on written trees",
        10_000,
        r -> {
          ObjectNode root = r.nextBoolean() ? RandomTrees.object(r, 0) : manifest(r, 0);
          root.put("kind", "X"); // never empty
          for (String text : List.of(Yaml.dump(root), Yaml.jackson(root))) {
            if (agrees(text).fast() != null) {
              read.incrementAndGet();
              if (BlockReader.outline(text) != null) {
                outlined.incrementAndGet();
              }
              if (text.contains(": |")) {
                literals.incrementAndGet();
              }
            }
          }
        });
    // the property says something only if the reader does not always decline
    assertThat(read.get()).as("texts read").isGreaterThan(8_000);
    assertThat(literals.get()).as("literal blocks read").isGreaterThan(500);
    assertThat(outlined.get()).as("outlines read of texts read").isEqualTo(read.get());
  }

  @Test
  void readsTheTreeAsWrittenWithItsTypes() {
    ObjectNode root = F.objectNode();
    root.put("port", 8080)
        .put("big", 3_000_000_000L)
        .put("on", true)
        .put("off", false)
        .put("text", "8080")
        .put("empty", "")
        .put("word", "yes")
        .put("block", "a\n  b\n")
        .put("strip", "a\nb");
    root.putArray("list").add(1).add("x").addObject().put("k", "v").put("n", -2);
    root.putObject("none");
    root.putArray("nothing");
    String text = Yaml.dump(root);
    JsonNode read = BlockReader.read(text);
    assertThat(read).as(text).isNotNull();
    assertSame(read, root);
    assertSame(read, Yaml.strictTrees(text, SHOWN).get(0));
  }

  // ---- random texts in and around the subset -------------------------------------------------

  /**
   * Edits that leave the subset or stay in it: indicators, whitespace, markers, escapes, Unicode.
   */
  private static final List<String> EDITS =
      List.of(
          " ",
          "  ",
          "\t",
          "\r",
          "\r\n",
          "\n",
          "\n\n",
          "\n  ",
          "#",
          " #",
          " # c",
          ":",
          ": ",
          "-",
          "- ",
          "\"",
          "'",
          "\\",
          "\\x41",
          "\\u00e9",
          "\\ud800",
          "\\e",
          "\\/",
          "|",
          "|-",
          "|+",
          "|2",
          ">",
          "&a ",
          "*a",
          "!!str ",
          "!",
          "{",
          "}",
          "[",
          "]",
          "{}",
          "[]",
          "{a: 1}",
          "[1, 2]",
          ",",
          "?",
          "? ",
          "---\n",
          "--- ",
          "...\n",
          "%YAML 1.1\n",
          "~",
          "<<",
          "<<: ",
          "0",
          "010",
          "0x1F",
          "1.5",
          "yes",
          "null",
          "é",
          "\ufeff",
          "\u0085",
          "\u0000",
          "''",
          "key: value\n",
          "k:\n",
          "- x\n",
          "a",
          "2001-12-14",
          "x".repeat(1100));

  @Test
  void agreesOrDeclinesOnEditedTexts() {
    AtomicInteger read = new AtomicInteger();
    AtomicInteger declined = new AtomicInteger();
    AtomicInteger rejected = new AtomicInteger();
    Seeded.forAll(
        "block reader = strict, on edited texts",
        15_000,
        r -> {
          ObjectNode root = manifest(r, 0);
          root.put("kind", "X");
          String text = Yaml.dump(root);
          int edits = 1 + r.nextInt(3);
          for (int i = 0; i < edits; i++) {
            text = edit(text, r);
          }
          Check c = agrees(text);
          (c.fast() != null ? read : declined).incrementAndGet();
          if (!(c.strict() instanceof List)) {
            rejected.incrementAndGet();
          }
        });
    assertThat(read.get()).as("edited texts read").isGreaterThan(1_500);
    assertThat(declined.get()).as("edited texts declined").isGreaterThan(1_500);
    assertThat(rejected.get()).as("edited texts the strict path rejects").isGreaterThan(500);
  }

  @Test
  void agreesOrDeclinesOnHandMadeTexts() {
    Seeded.forAll("block reader = strict, on hand-made texts", 15_000, r -> agrees(handMade(r)));
  }

  @Test
  void agreesOnEveryScalarAsKeyValueAndItem() {
    for (String v : SCALARS) {
      for (String form :
          List.of(
              "k: %s\n",
              "%s: v\n",
              "k:\n  - %s\n",
              "k:\n  - %s: v\n",
              "k: \"%s\"\n",
              "k: '%s'\n",
              "\"%s\": v\n",
              "k: |\n  %s\n",
              "k: |-\n  %s\n  x\n")) {
        agrees(String.format(java.util.Locale.ROOT, form, v));
      }
    }
  }

  @Test
  void declinesWhatItCannotProve() {
    for (String text :
        List.of(
            "k: 010\n",
            "k: 0x1F\n",
            "k: yes\n",
            "k: on\n",
            "k: ~\n",
            "k: null\n",
            "k: 1.5\n",
            "k: -0\n",
            "k: +1\n",
            "k: 1_000\n",
            "k: 2001-12-14\n",
            "k: True\n",
            "k:\n",
            "k: v # c\n",
            "# c\nk: v\n",
            "k: {a: 1}\n",
            "k: &a v\n",
            "k: *a\n",
            "k: !!str v\n",
            "---\nk: v\n",
            "k: v\n...\n",
            "k: v\r\n",
            "k: v \n",
            "k:\tv\n",
            "k: v\n\nl: w\n",
            "k: v",
            "\ufeffk: v\n",
            "k: v\nk: w\n",
            "<<: v\n",
            "\"<<\": v\n",
            "k:\n- a\n",
            "k:\n    a: 1\n",
            "k: |+\n  a\n",
            "k: >\n  a\n",
            "k: |2\n  a\n",
            "k:\n  - - a\n",
            "k:\n  - |\n    a\n",
            "- a\n",
            "a\n",
            "k: 1234567890123456789\n",
            "? k\n: v\n",
            "k: \"a\\\n  b\"\n",
            "k: \"\\e\"\n",
            "--- k: v\n",
            "k: v\n--- l: w\n",
            "... k: v\n",
            "k: v\n... l: w\n")) {
      assertThat(BlockReader.read(text)).as(text).isNull();
      agrees(text);
    }
  }

  @Test
  void acceptsTheCommonShapes() {
    for (String text :
        List.of(
            "k: v\n",
            "k: 80\n",
            "k: -3\n",
            "k: 2147483648\n",
            "k: true\n",
            "k: \"8080\"\n",
            "k: ''\n",
            "k: {}\n",
            "k: []\n",
            "k:\n  - a\n  - b: 1\n    c: 2\n",
            "k: |\n  a\n    b\n",
            "k: |-\n  a\n",
            "\"8080\": v\n",
            "m: Host(`a.example.com`) && PathPrefix(`/`)\n",
            "k: \"\\u00e9\\x41\\t\\\"\\\\\"\n",
            "k: 'it''s'\n")) {
      assertThat(agrees(text).fast()).as(text).isNotNull();
    }
  }

  // ---- the golden bundles --------------------------------------------------------------------

  @Test
  void readsEveryGoldenBundleFileAsTheStrictPathDoes() throws IOException {
    Path samples =
        Path.of(System.getProperty("samples.dir", "../samples")).toAbsolutePath().normalize();
    List<Path> files;
    try (Stream<Path> s = Files.walk(samples)) {
      files =
          s.filter(p -> p.toString().contains("/expected") && p.toString().endsWith(".yaml"))
              .sorted()
              .toList();
    }
    assertThat(files).hasSizeGreaterThan(500);
    int read = 0;
    List<String> declined = new ArrayList<>();
    for (Path p : files) {
      String text = Files.readString(p, StandardCharsets.UTF_8);
      if (agrees(text).fast() != null) {
        read++;
      } else {
        declined.add(samples.relativize(p).toString());
      }
    }
    // our own files are nearly all in the subset (the rest: multi-document overlays, odd names)
    assertThat(read).as("declined: %s", declined).isGreaterThan(files.size() * 9 / 10);
  }

  // ---- the property --------------------------------------------------------------------------

  /** The reader's tree (or null) and the strict path's outcome ({@link #outcome}) of one text. */
  private record Check(JsonNode fast, Object strict) {}

  /**
   * Checks {@code text}. When the reader reads it, the strict path reads one equal tree (same
   * types, same key order); whatever it does, {@link Yaml#trees} does exactly what the strict path
   * does (the same trees, or the same error).
   */
  private static Check agrees(String text) {
    JsonNode fast;
    try {
      fast = BlockReader.read(text);
    } catch (RuntimeException e) {
      throw new AssertionError("the reader threw on " + show(text), e);
    }
    Object strict = outcome(() -> Yaml.strictTrees(text, SHOWN));
    JsonNode outline = BlockReader.outline(text);
    if (fast == null) {
      assertThat(outline).as("outline of a text read declines: %s", show(text)).isNull();
    } else if (outline != null) {
      assertSame(outline, outlineOf(fast));
    }
    Object viaOutlines = outcome(() -> Yaml.outlines(text, SHOWN));
    if (outline == null) {
      assertThat(viaOutlines).as(show(text)).isEqualTo(strict);
    }
    if (fast != null) {
      if (!(strict instanceof List<?> trees) || trees.size() != 1) {
        fail("read %s but the strict path gives %s", show(text), strict);
        return new Check(fast, strict);
      }
      assertSame(fast, (JsonNode) trees.get(0));
    }
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    if (new String(utf8, StandardCharsets.UTF_8).equals(text)) { // the bytes of a file: valid UTF-8
      assertSameOrNull(BlockReader.read(utf8), fast);
      assertSameOrNull(BlockReader.outline(utf8), outline);
      assertThat(outcome(() -> Yaml.trees(utf8, SHOWN)))
          .as(show(text))
          .isEqualTo(outcome(() -> Yaml.trees(text, SHOWN)));
      assertThat(outcome(() -> Yaml.outlines(utf8, SHOWN))).as(show(text)).isEqualTo(viaOutlines);
    }
    Object viaTrees = outcome(() -> Yaml.trees(text, SHOWN));
    if (strict instanceof List<?> a && viaTrees instanceof List<?> b) {
      assertThat(b).as(show(text)).hasSameSizeAs(a);
      for (int i = 0; i < a.size(); i++) {
        assertSame((JsonNode) b.get(i), (JsonNode) a.get(i));
      }
    } else {
      assertThat(viaTrees).as(show(text)).isEqualTo(strict);
    }
    return new Check(fast, strict);
  }

  /**
   * Of a tree, what an outline keeps: apiVersion, kind, and of a metadata mapping its name and
   * namespace, in the tree's order.
   */
  private static JsonNode outlineOf(JsonNode tree) {
    ObjectNode o = F.objectNode();
    tree.fields()
        .forEachRemaining(
            e -> {
              if (e.getKey().equals("apiVersion") || e.getKey().equals("kind")) {
                o.set(e.getKey(), e.getValue());
              } else if (e.getKey().equals("metadata")) {
                if (e.getValue().isObject() && !e.getValue().isEmpty()) {
                  ObjectNode m = o.putObject("metadata");
                  e.getValue()
                      .fields()
                      .forEachRemaining(
                          f -> {
                            if (f.getKey().equals("name") || f.getKey().equals("namespace")) {
                              m.set(f.getKey(), f.getValue());
                            }
                          });
                } else {
                  o.set("metadata", e.getValue());
                }
              }
            });
    return o;
  }

  /** The trees, or the error as text (message, file, field). */
  private static Object outcome(java.util.function.Supplier<List<JsonNode>> parse) {
    try {
      return parse.get();
    } catch (InputException e) {
      return "InputException " + e.getMessage() + " | " + e.file() + " | " + e.field();
    } catch (RuntimeException e) {
      return e.getClass().getName() + " " + e.getMessage();
    }
  }

  private static void assertSameOrNull(JsonNode actual, JsonNode expected) {
    if (expected == null) {
      assertThat(actual).isNull();
    } else {
      assertThat(actual).isNotNull();
      assertSame(actual, expected);
    }
  }

  /** Equal, with the same node classes and the same key order throughout. */
  private static void assertSame(JsonNode actual, JsonNode expected) {
    assertThat(actual.getClass()).as("%s vs %s", actual, expected).isEqualTo(expected.getClass());
    assertThat(actual).isEqualTo(expected);
    if (expected.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> a = actual.fields();
      Iterator<Map.Entry<String, JsonNode>> e = expected.fields();
      while (e.hasNext()) {
        Map.Entry<String, JsonNode> x = a.next();
        Map.Entry<String, JsonNode> y = e.next();
        assertThat(x.getKey()).isEqualTo(y.getKey());
        assertSame(x.getValue(), y.getValue());
      }
    } else if (expected.isArray()) {
      for (int i = 0; i < expected.size(); i++) {
        assertSame(actual.get(i), expected.get(i));
      }
    }
  }

  private static String show(String text) {
    return "\n---8<---\n" + text.replace("\t", "<TAB>").replace("\r", "<CR>") + "---8<---";
  }

  // ---- generators ----------------------------------------------------------------------------

  /**
   * A manifest-like tree: nested mappings and lists of mappings, ordinary strings and the odd
   * scalar.
   */
  private static ObjectNode manifest(Random r, int depth) {
    ObjectNode o = F.objectNode();
    int n = 1 + r.nextInt(4);
    for (int i = 0; i < n; i++) {
      String key = r.nextInt(8) == 0 ? SCALARS.get(r.nextInt(SCALARS.size())) : word(r);
      int k = r.nextInt(depth > 3 ? 6 : 9);
      switch (k) {
        case 0 -> o.put(key, r.nextInt(100_000) - 10);
        case 1 -> o.put(key, r.nextBoolean());
        case 2 -> o.put(key, SCALARS.get(r.nextInt(SCALARS.size())));
        case 3 -> o.put(key, lines(r));
        case 4 -> o.put(key, r.nextInt(4) == 0 ? r.nextLong() : (long) r.nextInt(1000));
        case 5 -> o.put(key, word(r));
        case 6 -> o.set(key, manifest(r, depth + 1));
        default -> {
          ArrayNode a = o.putArray(key);
          int m = r.nextInt(4);
          for (int j = 0; j < m; j++) {
            switch (r.nextInt(4)) {
              case 0 -> a.add(word(r));
              case 1 -> a.add(r.nextInt(100));
              case 2 -> a.add(SCALARS.get(r.nextInt(SCALARS.size())));
              default -> a.add(manifest(r, depth + 1));
            }
          }
        }
      }
    }
    return o;
  }

  private static String word(Random r) {
    String[] words = {
      "app",
      "name",
      "apps/v1",
      "web-01",
      "app.kubernetes.io/name",
      "x_y",
      "Host(`a`)",
      "v1",
      "http",
      "TCP",
      "/tmp",
      "a.b",
      "image:1.2",
      "metadata",
      "namespace",
      "apiVersion",
      "kind"
    };
    String w = words[r.nextInt(words.length)];
    return r.nextInt(4) == 0 ? w + " " + words[r.nextInt(words.length)] : w;
  }

  /** Multi-line text: literal blocks, some with indented lines. */
  private static String lines(Random r) {
    StringBuilder sb = new StringBuilder();
    int n = 1 + r.nextInt(4);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append('\n');
      }
      sb.append(r.nextInt(4) == 0 ? "  " : "").append(word(r));
      if (r.nextInt(6) == 0) {
        sb.append(": ").append(SCALARS.get(r.nextInt(SCALARS.size())));
      }
    }
    return r.nextBoolean() ? sb.append('\n').toString() : sb.toString();
  }

  /**
   * One random edit: an insertion, a deletion, a replaced character, a line doubled or re-indented.
   */
  private static String edit(String text, Random r) {
    int at = r.nextInt(text.length() + 1);
    switch (r.nextInt(5)) {
      case 0, 1 -> {
        return text.substring(0, at) + EDITS.get(r.nextInt(EDITS.size())) + text.substring(at);
      }
      case 2 -> {
        int end = Math.min(text.length(), at + 1 + r.nextInt(4));
        return text.substring(0, at) + text.substring(end);
      }
      case 3 -> {
        int start = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
        int end = text.indexOf('\n', start);
        if (end < 0) {
          return text;
        }
        String line = text.substring(start, end + 1);
        return text.substring(0, end + 1) + line + text.substring(end + 1);
      }
      default -> {
        int start = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
        if (r.nextBoolean()) {
          return text.substring(0, start) + " ".repeat(1 + r.nextInt(2)) + text.substring(start);
        }
        return text.startsWith(" ", start)
            ? text.substring(0, start) + text.substring(start + 1)
            : text;
      }
    }
  }

  /**
   * A text from random lines: indentation, keys, dashes, separators and values in and around the
   * subset.
   */
  private static String handMade(Random r) {
    StringBuilder sb = new StringBuilder();
    int n = 1 + r.nextInt(6);
    int indent = 0;
    for (int i = 0; i < n; i++) {
      indent = Math.max(0, indent + (r.nextInt(3) - 1) * 2 + (r.nextInt(10) == 0 ? 1 : 0));
      sb.append(" ".repeat(i == 0 && r.nextInt(5) > 0 ? 0 : indent));
      if (r.nextInt(4) == 0) {
        sb.append("- ");
      } else if (r.nextInt(20) == 0) {
        sb.append(r.nextBoolean() ? "--- " : "... ");
      }
      if (r.nextInt(5) > 0) {
        String key = r.nextInt(3) == 0 ? SCALARS.get(r.nextInt(SCALARS.size())) : word(r);
        sb.append(r.nextInt(6) == 0 ? "\"" + key + "\"" : key);
        sb.append(List.of(": ", ":", ": ", " : ", ":  ", ": ").get(r.nextInt(6)));
      }
      switch (r.nextInt(8)) {
        case 0 -> sb.append("");
        case 1 ->
            sb.append(
                List.of("|", "|-", "|+", ">", "{}", "[]", "{a: 1}", "&a x", "*a", "!!str x")
                    .get(r.nextInt(10)));
        case 2 ->
            sb.append('"')
                .append(SCALARS.get(r.nextInt(SCALARS.size())).replace("\\", "\\\\"))
                .append('"');
        case 3 -> sb.append('\'').append(SCALARS.get(r.nextInt(SCALARS.size()))).append('\'');
        default -> sb.append(r.nextBoolean() ? word(r) : SCALARS.get(r.nextInt(SCALARS.size())));
      }
      if (r.nextInt(15) == 0) {
        sb.append(List.of(" # c", " ", "\t", "\r").get(r.nextInt(4)));
      }
      sb.append('\n');
      if (r.nextInt(20) == 0) {
        sb.append(List.of("---\n", "...\n", "\n", "# c\n").get(r.nextInt(4)));
      }
    }
    return r.nextInt(30) == 0 ? sb.substring(0, sb.length() - 1) : sb.toString();
  }
}
