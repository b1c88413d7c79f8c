package io.canary2k8s.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Writes the common shape of a manifest exactly as {@link Yaml#dump}'s Jackson-YAML configuration
 * does, without snakeyaml's emitter (half of the CPU of a 10,000-app migrate: it analyses every
 * scalar of every document character by character). The structure is written here; a scalar is
 * written plain at once when that is certain, else exactly as Jackson-YAML writes it after a key
 * (memoised), a multi-line mapping value as a literal block. Anything else whose text depends on
 * its context — a multi-line string in a list or of an unusual form, a key of 128 characters or more (a complex key), a list in a list, a floating-point number —
 * returns {@code null}, and the caller uses Jackson-YAML for the whole document.
 * {@code BlockWriterTest} checks byte equality with Jackson on random trees, and the golden
 * bundles on every object we emit.
 *
 * <p>The shape (Jackson-YAML with MINIMIZE_QUOTES, ALWAYS_QUOTE_NUMBERS_AS_STRINGS,
 * INDENT_ARRAYS_WITH_INDICATOR, no document marker, no line splitting): block mappings indented
 * by two; sequences indented by two under their key with {@code "- "}, a mapping item's first key
 * on the dash line; {@code {}} and {@code []} for empty collections.
 */
final class BlockWriter {
  private static final StringQuotingChecker QUOTING = StringQuotingChecker.Default.instance();
  /** snakeyaml quotes a plain scalar that its resolver would read as something else (0_, 1:20, 2001-12-14). */
  private static final Resolver RESOLVER = new Resolver();
  /** snakeyaml writes keys of 128 characters or more as complex keys ({@code ? key}). */
  private static final int MAX_SIMPLE_KEY = 127;
  /** Bound of each memo (distinct strings); past it, strings are rendered each time. */
  private static final int MAX_MEMO = 100_000;

  private static final Map<String, String> VALUES = new ConcurrentHashMap<>();
  private static final Map<String, String> KEYS = new ConcurrentHashMap<>();

  private BlockWriter() {}

  /** The YAML document of {@code root}, or null when it is not of the plain shape. */
  static String write(JsonNode root) {
    if (!root.isObject() || root.isEmpty()) {
      return null;
    }
    StringBuilder sb = new StringBuilder(1024);
    return mapping((ObjectNode) root, 0, false, sb) ? sb.toString() : null;
  }

  /** The entries of {@code n} at column {@code indent}; with {@code inline} the first one goes where the cursor is (after {@code "- "}). */
  private static boolean mapping(ObjectNode n, int indent, boolean inline, StringBuilder sb) {
    boolean first = true;
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      if (!(first && inline)) {
        pad(sb, indent);
      }
      first = false;
      String key = key(e.getKey());
      if (key == null) {
        return false;
      }
      sb.append(key);
      JsonNode v = e.getValue();
      if (v.isObject() && !v.isEmpty()) {
        sb.append(":\n");
        if (!mapping((ObjectNode) v, indent + 2, false, sb)) {
          return false;
        }
      } else if (v.isArray() && !v.isEmpty()) {
        sb.append(":\n");
        if (!sequence((ArrayNode) v, indent + 2, sb)) {
          return false;
        }
      } else if (v.isTextual() && v.textValue().indexOf('\n') >= 0) {
        if (!literal(v.textValue(), indent + 2, sb)) {
          return false;
        }
      } else {
        sb.append(": ");
        if (!scalar(v, sb)) {
          return false;
        }
        sb.append('\n');
      }
    }
    return true;
  }

  /**
   * A multi-line mapping value as the literal block Jackson-YAML asks for and snakeyaml writes:
   * {@code |} (one final line break) or {@code |-} (none), each line at {@code indent}. Declined
   * where snakeyaml adds an indentation indicator or keeps extra breaks, or might fall back to
   * quotes: a first line starting with a space or empty, empty lines, trailing spaces,
   * characters outside printable ASCII.
   */
  private static boolean literal(String s, int indent, StringBuilder sb) {
    if (s.charAt(0) == ' ' || s.charAt(0) == '\n' || s.endsWith("\n\n") || s.contains("\n\n") || s.contains(" \n")
        || s.endsWith(" ")) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\n' && (c < 0x20 || c > 0x7e)) {
        return false;
      }
    }
    boolean clip = s.endsWith("\n");
    sb.append(clip ? ": |\n" : ": |-\n");
    String body = clip ? s.substring(0, s.length() - 1) : s;
    int from = 0;
    while (true) {
      int nl = body.indexOf('\n', from);
      pad(sb, indent);
      sb.append(body, from, nl < 0 ? body.length() : nl).append('\n');
      if (nl < 0) {
        return true;
      }
      from = nl + 1;
    }
  }

  private static boolean sequence(ArrayNode a, int indent, StringBuilder sb) {
    for (JsonNode v : a) {
      pad(sb, indent);
      sb.append("- ");
      if (v.isObject() && !v.isEmpty()) {
        if (!mapping((ObjectNode) v, indent + 2, true, sb)) {
          return false;
        }
      } else if (v.isArray() && !v.isEmpty()) {
        return false;
      } else {
        if (!scalar(v, sb)) {
          return false;
        }
        sb.append('\n');
      }
    }
    return true;
  }

  private static boolean scalar(JsonNode v, StringBuilder sb) {
    if (v.isObject()) {
      sb.append("{}");
    } else if (v.isArray()) {
      sb.append("[]");
    } else if (v.isTextual()) {
      return string(v.textValue(), sb);
    } else if (v.isInt() || v.isLong()) {
      sb.append(v.asText());
    } else if (v.isBoolean()) {
      sb.append(v.booleanValue());
    } else {
      return false; // null, floating point, big numbers, binary, POJOs: Jackson's business
    }
    return true;
  }

  /**
   * A string value: plain at once when it starts with a letter or {@code /}, holds only text
   * snakeyaml surely writes plain, and reads back as a string; the empty string quoted; else as
   * Jackson-YAML writes it after a key (memoised: quantities, ports and images repeat). A
   * multi-line string is a literal block whose indentation depends on the context: declined.
   */
  private static boolean string(String s, StringBuilder sb) {
    if (s.isEmpty()) {
      sb.append("\"\"");
      return true;
    }
    char first = s.charAt(0);
    if (((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z') || first == '/')
        && printableAscii(s) && plainSafe(s) && !QUOTING.needToQuoteValue(s)) {
      sb.append(s);
      return true;
    }
    if (s.indexOf('\n') >= 0) {
      return false;
    }
    String v = VALUES.get(s);
    if (v == null) {
      String doc = Yaml.jackson(java.util.Map.of("k", s)); // "k: <scalar>\n"
      v = doc.startsWith("k: ") && doc.indexOf('\n') == doc.length() - 1 ? doc.substring(3, doc.length() - 1) : "";
      remember(VALUES, s, v);
    }
    if (v.isEmpty()) {
      return false;
    }
    sb.append(v);
    return true;
  }

  /** A key as Jackson-YAML writes it (memoised; field names repeat), or null for a complex key. */
  private static String key(String k) {
    String v = KEYS.get(k);
    if (v == null) {
      String doc = k.indexOf('\n') >= 0 || k.length() > MAX_SIMPLE_KEY ? "" : Yaml.jackson(java.util.Map.of(k, 0)); // "<key>: 0\n"
      v = doc.endsWith(": 0\n") && doc.indexOf('\n') == doc.length() - 1 && !doc.startsWith("? ")
          ? doc.substring(0, doc.length() - 4) : "";
      remember(KEYS, k, v);
    }
    return v.isEmpty() ? null : v;
  }

  private static void remember(Map<String, String> cache, String k, String v) {
    if (cache.size() < MAX_MEMO) {
      cache.put(k, v);
    }
  }

  private static boolean printableAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }

  /**
   * Text snakeyaml certainly writes plain in block context: no indicator first, no flow
   * indicators, no {@code ": "}, {@code " #"} or final {@code ':'}, no space at either end, no
   * document marker, and read back as a string by snakeyaml's resolver. Stricter than snakeyaml's
   * own analysis; what fails here goes the memoised Jackson way.
   */
  static boolean plainSafe(String s) {
    if (s.isEmpty() || !RESOLVER.resolve(NodeId.scalar, s, true).equals(Tag.STR)) {
      return false;
    }
    char last = s.charAt(s.length() - 1);
    if (last == ' ' || last == ':') {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (",[]{}\"'\\#&*!|>%@`".indexOf(c) >= 0) {
        return false;
      }
      if (c == ' ' && s.charAt(i + 1) == ' ') {
        return false;
      }
      if (c == ':' && s.charAt(i + 1) == ' ') {
        return false;
      }
    }
    return true;
  }

  private static void pad(StringBuilder sb, int n) {
    for (int i = 0; i < n; i++) {
      sb.append(' ');
    }
  }
}
