package io.canary2k8s.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads the block-style YAML that {@link BlockWriter} writes back into the tree the strict
 * snakeyaml path ({@link Yaml#strictTrees}) builds, without snakeyaml's scanner, which a diff would
 * otherwise run over every file of both bundles (guarded by {@code DiffBench.diff}; docs/design.md,
 * "Performance: fast paths and their contracts"). It understands a small subset and returns {@code
 * null} for anything else, and the caller then takes the strict path, which also gives every error
 * message: so it must never accept a text the strict path rejects or reads differently. {@code
 * BlockReaderTest} checks that on random trees, on random texts in and around the subset, and on
 * every golden bundle.
 *
 * <p>The subset: one document of printable ASCII lines, each ending with a line feed, none empty,
 * none ending with a space (so no tabs, CR, BOM or non-ASCII characters: the reader's character
 * checks and folding do not come into play). The root is a block mapping at column 0; a nested
 * mapping or sequence starts on the line after its key, indented by exactly two; a sequence item is
 * a scalar or a mapping whose first key is on the dash line; no sequence in a sequence. Keys are
 * plain or double-quoted, unique, never {@code <<}. Values are {@code {}}, {@code []}, single-line
 * quoted scalars (the common escapes only), {@code |} or {@code |-} literal blocks (mapping values
 * only, content indented by exactly two more than the key), and single-line plain scalars not
 * starting with an indicator, with no {@code #}, no {@code ": "}, no double space and no final
 * {@code ':'}. A plain value is typed by snakeyaml's own resolver, as Jackson-YAML types it; only
 * strings, decimal integers of up to 18 digits and {@code true}/{@code false} are taken.
 */
final class BlockReader {
  /** Longer texts go the strict way, well inside its limits (code points, string length). */
  static final int MAX_CHARS = 1 << 20;

  /** Deeper trees go the strict way, well inside Jackson's nesting limit of 64. */
  private static final int MAX_DEPTH = 40;

  /** snakeyaml reads a simple key of at most 1,024 characters; longer ones go the strict way. */
  private static final int MAX_KEY = 1000;

  /**
   * A mapping not built with more keys goes the strict way (its duplicates are looked for one by
   * one).
   */
  private static final int MAX_KEYS_UNBUILT = 1000;

  /** The resolver Jackson-YAML's parser uses (a default snakeyaml {@link Resolver}). */
  private static final Resolver RESOLVER = new Resolver();

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** What a plain scalar cannot start with (snakeyaml's list, and a space). */
  private static final String INDICATORS = " -?:,[]{}#&*!|>'\"%@`";

  /** Thrown (without a stack trace) wherever the text leaves the subset. */
  private static final Decline DECLINE = new Decline();

  /**
   * The text as bytes (printable ASCII and line feeds; C1 compiles array reads far better than
   * charAt).
   */
  private final byte[] b;

  private final Memo memo = MEMO.get();

  /** How many keys of the mappings being read that are not built are on the memo's stack. */
  private int keyCount;

  /** The read position. */
  private int pos;

  /** The indentation of the line {@link #pos} is on, after {@link #newline}; -1 at the end. */
  private int lineIndent;

  private BlockReader(byte[] b) {
    this.b = b;
  }

  /** The tree of the single document {@code text}, or null when the text is not in the subset. */
  static JsonNode read(String text) {
    return read(text, Keep.ALL);
  }

  /**
   * The outline of the single document {@code text}: of the tree {@link #read} reads, only
   * apiVersion, kind, and metadata's name and namespace (the values whole; a metadata that is not a
   * block mapping whole). The rest is read as {@link #read} reads it (the same text is declined)
   * but not built: most documents of a diff are read only to be checked and identified.
   */
  static JsonNode outline(String text) {
    return read(text, Keep.OUTLINE);
  }

  /**
   * {@link #read} of the text whose UTF-8 bytes are {@code utf8} (bytes over 0x7f are declined).
   */
  static JsonNode read(byte[] utf8) {
    return read(utf8, null, Keep.ALL);
  }

  /** {@link #outline} of the text whose UTF-8 bytes are {@code utf8}. */
  static JsonNode outline(byte[] utf8) {
    return read(utf8, null, Keep.OUTLINE);
  }

  private static JsonNode read(String text, Keep keep) {
    if (text.isEmpty() || text.length() > MAX_CHARS) {
      return null;
    }
    // one byte a character; a character ISO-8859-1 cannot hold becomes '?' (a pair of surrogates
    // one '?': the lengths differ)
    byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
    return b.length == text.length() ? read(b, text, keep) : null;
  }

  /**
   * @param text the text of {@code b} when a '?' there may stand for another character, else null
   */
  private static JsonNode read(byte[] b, String text, Keep keep) {
    if (b.length == 0 || b.length > MAX_CHARS || !plainLines(b, text)) {
      return null;
    }
    try {
      return new BlockReader(b).document(keep);
    } catch (Decline d) {
      return null;
    }
  }

  /**
   * Printable ASCII lines, each ending with a line feed, none empty, none ending with a space
   * ({@code t}, when not null, is the text {@code b} stands for: a {@code '?'} may be another
   * character).
   */
  private static boolean plainLines(byte[] b, String t) {
    int n = b.length;
    if (b[n - 1] != '\n') {
      return false;
    }
    byte prev = '\n';
    for (int i = 0; i < n; i++) {
      byte c = b[i];
      if (c == '\n') {
        if (prev == '\n' || prev == ' ') {
          return false;
        }
      } else if (c < 0x20 || c > 0x7e || (c == '?' && t != null && t.charAt(i) != '?')) {
        return false; // (bytes over 0x7f are negative)
      }
      prev = c;
    }
    return true;
  }

  private JsonNode document(Keep keep) {
    if (b[0] == ' ') {
      throw DECLINE;
    }
    ObjectNode root = mapping(0, 1, keep);
    if (pos != b.length) {
      throw DECLINE;
    }
    return root;
  }

  /**
   * The block mapping whose first key is at {@link #pos}, in column {@code indent}: its entries
   * {@code keep} takes (null for none). Returns at the end of the text or at the first line
   * indented less.
   */
  private ObjectNode mapping(int indent, int depth, Keep keep) {
    if (depth > MAX_DEPTH) {
      throw DECLINE;
    }
    ObjectNode o = keep == Keep.NONE ? null : F.objectNode();
    int keys = keyCount; // a mapping not built finds its duplicate keys on the stack of keys
    while (true) {
      String key = key();
      if (key.equals("<<")) {
        throw DECLINE; // a merge key: the strict path says what is wrong
      }
      if (keep != Keep.ALL) {
        pushKey(key, keys);
      }
      Keep inner = keep.of(key);
      JsonNode v;
      if (b[pos] == '\n') {
        newline();
        if (lineIndent != indent + 2) {
          throw DECLINE; // a null value, or another indentation than ours
        }
        v =
            isItem()
                ? sequence(indent + 2, depth + 1, inner == Keep.NONE ? Keep.NONE : Keep.ALL)
                : mapping(indent + 2, depth + 1, inner);
      } else {
        pos++; // the space after ':'
        v = b[pos] == '|' ? literal(indent + 2, inner != Keep.NONE) : scalarLine();
      }
      if (inner != Keep.NONE && o.replace(key, v) != null) {
        throw DECLINE; // a duplicate key: the strict path says what is wrong
      }
      if (lineIndent < indent) {
        keyCount = keys;
        return o;
      }
      if (lineIndent > indent) {
        throw DECLINE;
      }
    }
  }

  /**
   * {@code key} on the stack of keys, unless a key of the same mapping (from {@code from}) is
   * equal.
   */
  private void pushKey(String key, int from) {
    for (int i = from; i < keyCount; i++) {
      if (memo.keyStack[i].equals(key)) {
        throw DECLINE; // a duplicate key: the strict path says what is wrong
      }
    }
    if (keyCount - from >= MAX_KEYS_UNBUILT) {
      throw DECLINE;
    }
    if (keyCount == memo.keyStack.length) {
      memo.keyStack = Arrays.copyOf(memo.keyStack, keyCount * 2);
    }
    memo.keyStack[keyCount++] = key;
  }

  /**
   * The block sequence whose first {@code "- "} is at {@link #pos}, in column {@code indent}; null
   * when not kept ({@code keep} is {@link Keep#ALL} or {@link Keep#NONE}).
   */
  private ArrayNode sequence(int indent, int depth, Keep keep) {
    if (depth > MAX_DEPTH) {
      throw DECLINE;
    }
    ArrayNode a = keep == Keep.NONE ? null : F.arrayNode();
    while (true) {
      if (!isItem()) {
        throw DECLINE;
      }
      pos += 2;
      JsonNode item = isKeyAhead() ? mapping(indent + 2, depth + 1, keep) : scalarLine();
      if (a != null) {
        a.add(item);
      }
      if (lineIndent < indent) {
        return a;
      }
      if (lineIndent > indent) {
        throw DECLINE;
      }
    }
  }

  /** Whether a sequence item ({@code "- "}) starts at {@link #pos}. */
  private boolean isItem() {
    return b[pos] == '-' && b[pos + 1] == ' '; // (the text ends with a line feed)
  }

  /** Whether the rest of the line starts with a key: a sequence item that is a mapping. */
  private boolean isKeyAhead() {
    byte c = b[pos];
    int end;
    if (c == '"' || c == '\'') {
      end = quotedEnd(pos);
      return end >= 0 && b[end] == ':';
    }
    end = keyEnd(pos);
    return end >= 0;
  }

  /**
   * The key at {@link #pos}; leaves {@link #pos} after its {@code ':'}, on a space or a line feed.
   */
  private String key() {
    int start = pos;
    String key;
    if (b[pos] == '"') {
      key = doubleQuoted();
      if (b[pos] != ':') {
        throw DECLINE;
      }
    } else {
      int colon = keyEnd(pos);
      if (colon < 0) {
        throw DECLINE;
      }
      key = plainKey(pos, colon);
      pos = colon;
    }
    if (pos - start > MAX_KEY) {
      throw DECLINE;
    }
    pos++;
    byte after = b[pos];
    if (after != ' ' && after != '\n') {
      throw DECLINE;
    }
    return key;
  }

  /**
   * The first {@code ':'} followed by a space or a line feed on this line, from {@code from}; or
   * -1.
   */
  private int keyEnd(int from) {
    for (int i = from; ; i++) {
      byte c = b[i];
      if (c == '\n') {
        return -1;
      }
      if (c == ':') {
        byte next = b[i + 1];
        if (next == ' ' || next == '\n') {
          return i;
        }
      }
    }
  }

  /**
   * Where the quoted scalar starting at {@code from} ends (after its closing quote) on this line,
   * or -1.
   */
  private int quotedEnd(int from) {
    byte q = b[from];
    for (int i = from + 1; ; i++) {
      byte c = b[i];
      if (c == '\n') {
        return -1;
      }
      if (q == '"' && c == '\\') {
        i++;
        if (b[i] == '\n') {
          return -1;
        }
      } else if (c == q) {
        if (q == '\'' && b[i + 1] == '\'') {
          i++;
        } else {
          return i + 1;
        }
      }
    }
  }

  /** A value that ends its line: {@code {}}, {@code []}, a quoted or a plain scalar. */
  private JsonNode scalarLine() {
    JsonNode v;
    byte c = b[pos];
    if (c == '{' && b[pos + 1] == '}' && b[pos + 2] == '\n') {
      v = F.objectNode();
      pos += 2;
    } else if (c == '[' && b[pos + 1] == ']' && b[pos + 2] == '\n') {
      v = F.arrayNode();
      pos += 2;
    } else if (c == '"') {
      v = F.textNode(doubleQuoted());
    } else if (c == '\'') {
      v = F.textNode(singleQuoted());
    } else {
      int eol = eol(pos);
      v = plainValue(pos, eol);
      pos = eol;
    }
    if (b[pos] != '\n') {
      throw DECLINE;
    }
    newline();
    return v;
  }

  /** The text of {@code [from, to)} (ASCII: one character a byte). */
  private String text(int from, int to) {
    return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
  }

  /** The line feed ending the line {@code from} is on. */
  private int eol(int from) {
    int i = from;
    while (b[i] != '\n') {
      i++;
    }
    return i;
  }

  /** The plain key {@code [from, to)}, from the memo when it was read before. */
  private String plainKey(int from, int to) {
    int slot = slot(from, to);
    byte[] m = memo.keyBytes[slot];
    if (m != null && Arrays.equals(b, from, to, m, 0, m.length)) {
      return memo.keys[slot];
    }
    String k = text(from, to);
    if (!isPlain(k) || k.endsWith(" ") || k.endsWith(":")) {
      throw DECLINE;
    }
    memo.keyBytes[slot] = Arrays.copyOfRange(b, from, to);
    memo.keys[slot] = k;
    return k;
  }

  /** The plain value {@code [from, to)}, from the memo when it was read before. */
  private JsonNode plainValue(int from, int to) {
    int slot = slot(from, to);
    byte[] m = memo.valueBytes[slot];
    if (m != null && Arrays.equals(b, from, to, m, 0, m.length)) {
      return memo.nodes[slot];
    }
    JsonNode n = plain(text(from, to));
    memo.valueBytes[slot] = Arrays.copyOfRange(b, from, to);
    memo.nodes[slot] = n;
    return n;
  }

  /** The memo slot of {@code [from, to)}: a hash of its bytes. */
  private int slot(int from, int to) {
    int h = to - from;
    for (int i = from; i < to; i++) {
      h = 31 * h + b[i];
    }
    return (h ^ (h >>> 15)) & (Memo.SIZE - 1);
  }

  /**
   * A plain scalar as Jackson-YAML types it: snakeyaml's resolver decides, and only the types whose
   * node is certain are taken (a string, a decimal int or long, true or false).
   */
  private static JsonNode plain(String v) {
    if (!isPlain(v) || v.endsWith(":")) {
      throw DECLINE;
    }
    Tag tag = RESOLVER.resolve(NodeId.scalar, v, true);
    if (Tag.STR.equals(tag)) {
      return F.textNode(v);
    }
    if (Tag.INT.equals(tag)) {
      return decimal(v);
    }
    if (Tag.BOOL.equals(tag)) {
      if (v.equals("true")) {
        return F.booleanNode(true);
      }
      if (v.equals("false")) {
        return F.booleanNode(false);
      }
    }
    throw DECLINE; // null, floats, other integer forms, timestamps, yes/no/on/off
  }

  /**
   * {@code 0} or {@code -?[1-9][0-9]{0,17}}: an int node when it fits an int, else a long node, as
   * Jackson-YAML sizes a decimal integer. Other forms (signs, leading zeros, underscores, bases, 19
   * digits or more) go the strict way.
   */
  private static JsonNode decimal(String v) {
    int i = v.charAt(0) == '-' ? 1 : 0;
    int digits = v.length() - i;
    if (digits < 1 || digits > 18 || (v.charAt(i) == '0' && (digits > 1 || i > 0))) {
      throw DECLINE;
    }
    for (int k = i; k < v.length(); k++) {
      char c = v.charAt(k);
      if (c < '0' || c > '9') {
        throw DECLINE;
      }
    }
    long l = Long.parseLong(v);
    return l == (int) l ? F.numberNode((int) l) : F.numberNode(l);
  }

  /**
   * Text that snakeyaml reads, on one line in block context, as exactly this plain scalar: it does
   * not start with an indicator (a {@code -} only before a non-space) or a document marker, and
   * holds no {@code #} (a comment), no {@code ": "} (a key) and no double space.
   */
  private static boolean isPlain(String v) {
    if (v.isEmpty() || v.startsWith("---") || v.startsWith("...")) {
      return false;
    }
    char c = v.charAt(0);
    if (INDICATORS.indexOf(c) >= 0 && !(c == '-' && v.length() > 1 && v.charAt(1) != ' ')) {
      return false;
    }
    for (int i = 1; i < v.length(); i++) {
      char d = v.charAt(i);
      if (d == '#' || (d == ' ' && (v.charAt(i - 1) == ' ' || v.charAt(i - 1) == ':'))) {
        return false;
      }
    }
    return true;
  }

  /**
   * A double-quoted scalar on one line, at {@link #pos}; leaves {@link #pos} after its closing
   * quote.
   */
  private String doubleQuoted() {
    StringBuilder sb = new StringBuilder();
    int i = pos + 1;
    while (true) {
      char c = (char) b[i];
      if (c == '"') {
        break;
      }
      if (c == '\n') {
        throw DECLINE; // folded over lines
      }
      if (c != '\\') {
        sb.append(c);
        i++;
        continue;
      }
      char e = (char) b[i + 1];
      i += 2;
      switch (e) {
        case '\\' -> sb.append('\\');
        case '"' -> sb.append('"');
        case 'n' -> sb.append('\n');
        case 't' -> sb.append('\t');
        case 'r' -> sb.append('\r');
        case '0' -> sb.append('\0');
        case 'x' -> {
          sb.append(hex(i, 2));
          i += 2;
        }
        case 'u' -> {
          sb.append(hex(i, 4));
          i += 4;
        }
        default -> throw DECLINE; // the rarer escapes, and a line break escaped
      }
    }
    pos = i + 1;
    return sb.toString();
  }

  /** The character of {@code n} hex digits at {@code at}; surrogates go the strict way. */
  private char hex(int at, int n) {
    int v = 0;
    for (int k = 0; k < n; k++) {
      int d = Character.digit((char) b[at + k], 16);
      if (d < 0) {
        throw DECLINE;
      }
      v = v * 16 + d;
    }
    if (Character.isSurrogate((char) v)) {
      throw DECLINE;
    }
    return (char) v;
  }

  /**
   * A single-quoted scalar on one line, at {@link #pos}; leaves {@link #pos} after its closing
   * quote.
   */
  private String singleQuoted() {
    int end = quotedEnd(pos);
    if (end < 0) {
      throw DECLINE;
    }
    String v = text(pos + 1, end - 1).replace("''", "'");
    pos = end;
    return v;
  }

  /**
   * A literal block ({@code |} keeps the final line break, {@code |-} strips it) whose first line
   * is indented by exactly {@code indent}; more indented lines keep their extra spaces, and the
   * first line indented less ends it.
   */
  private JsonNode literal(int indent, boolean build) {
    boolean keep;
    if (b[pos + 1] == '\n') { // (b[pos] is '|')
      keep = true;
      pos += 1;
    } else if (b[pos + 1] == '-' && b[pos + 2] == '\n') {
      keep = false;
      pos += 2;
    } else {
      throw DECLINE; // |+, indentation indicators, comments
    }
    newline();
    if (lineIndent != indent) {
      throw DECLINE;
    }
    StringBuilder sb = build ? new StringBuilder() : null;
    while (true) {
      int eol = eol(pos);
      if (build) {
        sb.append(text(pos - (lineIndent - indent), eol));
      }
      pos = eol;
      newline();
      if (lineIndent < indent) {
        break;
      }
      if (build) {
        sb.append('\n');
      }
    }
    if (!build) {
      return null;
    }
    if (keep) {
      sb.append('\n');
    }
    return F.textNode(sb.toString());
  }

  /**
   * Moves from a line feed to the first character of the next line, and sets {@link #lineIndent}.
   */
  private void newline() {
    pos++;
    if (pos == b.length) {
      lineIndent = -1;
      return;
    }
    int start = pos;
    while (b[pos] == ' ') {
      pos++;
    }
    lineIndent = pos - start;
  }

  /**
   * What of a mapping is built: everything, nothing (only checked), or the outline of a Kubernetes
   * object (at its root, then in its metadata).
   */
  private enum Keep {
    ALL,
    NONE,
    OUTLINE,
    METADATA;

    /** What of the value of {@code key} is built. */
    Keep of(String key) {
      switch (this) {
        case OUTLINE:
          return key.equals("apiVersion") || key.equals("kind")
              ? ALL
              : key.equals("metadata") ? METADATA : NONE;
        case METADATA:
          return key.equals("name") || key.equals("namespace") ? ALL : NONE;
        default:
          return this;
      }
    }
  }

  /**
   * Keys and plain values already read, by text, with their nodes: they repeat in every file (a
   * diff reads 100,000), and sharing them (strings and value nodes are immutable) saves most of the
   * trees' memory, the collector's work and the resolver's regular expressions. One per thread,
   * direct-mapped: a new text takes the slot of an old one with the same hash.
   */
  private static final class Memo {
    static final int SIZE = 4096;
    final byte[][] keyBytes = new byte[SIZE][];
    final String[] keys = new String[SIZE];
    final byte[][] valueBytes = new byte[SIZE][];
    final JsonNode[] nodes = new JsonNode[SIZE];

    /**
     * The keys of the mappings being read that are not built, for their duplicates (a reader at a
     * time).
     */
    String[] keyStack = new String[64];
  }

  private static final ThreadLocal<Memo> MEMO = ThreadLocal.withInitial(Memo::new);

  /** Leaving the subset: no stack trace, one instance. */
  private static final class Decline extends RuntimeException {
    Decline() {
      super("outside the block subset", null, false, false);
    }
  }
}
