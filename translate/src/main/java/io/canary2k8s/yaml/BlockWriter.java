package io.canary2k8s.yaml;

import com.fasterxml.jackson.core.Base64Variant;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.base.GeneratorBase;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Writes the common shape of a manifest exactly as {@link Yaml#dump}'s Jackson-YAML configuration
 * does, without snakeyaml's emitter, which analyses every scalar of every document character by
 * character (a bundle has one document per object: 100,000 at 10,000 apps). It is a {@link
 * JsonGenerator}: the mapper serialises the object straight into it, so no intermediate tree is
 * built. Guarded by {@code bench/scale/YamlDumpCpu.java} and {@code StagesBench.render}
 * (docs/design.md, "Performance: fast paths and their contracts"). The structure is written here; a
 * scalar is written plain at once when that is certain, else exactly as Jackson-YAML writes it
 * after a key (memoised), a multi-line mapping value as a literal block. Anything else whose text
 * depends on its context — a multi-line string in a list or of an unusual form, a key of 128
 * characters or more (a complex key), a list in a list, a floating-point number, a null, an empty
 * document — declines, and the caller uses Jackson-YAML for the whole document. {@code
 * BlockWriterTest} checks byte equality with Jackson on random trees, and the golden bundles on
 * every object we emit.
 *
 * <p>The shape (Jackson-YAML with MINIMIZE_QUOTES, ALWAYS_QUOTE_NUMBERS_AS_STRINGS,
 * INDENT_ARRAYS_WITH_INDICATOR, no document marker, no line splitting): block mappings indented by
 * two; sequences indented by two under their key with {@code "- "}, a mapping item's first key on
 * the dash line; a top-level sequence indented by two as well; {@code {}} and {@code []} for empty
 * collections.
 */
final class BlockWriter extends GeneratorBase {
  private static final Quoting QUOTING = new Quoting();

  /**
   * snakeyaml quotes a plain scalar that its resolver would read as something else (0_, 1:20,
   * 2001-12-14).
   */
  private static final PlainResolver RESOLVER = new PlainResolver();

  /** snakeyaml writes keys of 128 characters or more as complex keys ({@code ? key}). */
  private static final int MAX_SIMPLE_KEY = 127;

  /** Bound of each memo (distinct strings); past it, strings are rendered each time. */
  private static final int MAX_MEMO = 100_000;

  /** The longest text whose resolution is memoised (quantities, protocols, short words). */
  private static final int MEMO_LENGTH = 16;

  /**
   * The printable ASCII characters that may stand anywhere in a plain scalar we write at once: not
   * the flow indicators, quotes, escape, comment, anchor, alias, tag, block scalar, directive and
   * reserved indicators. Space and colon are allowed here and checked against their neighbour.
   */
  private static final boolean[] PLAIN = new boolean[128];

  /**
   * {@link #PLAIN} and the backtick, which snakeyaml treats as an indicator only in first place:
   * Traefik's rules ({@code Host(`shop.example.com`)}), one or more per app, stay on the fast path.
   */
  private static final boolean[] PLAIN_AFTER_FIRST = new boolean[128];

  static {
    for (char c = 0x20; c <= 0x7e; c++) {
      PLAIN[c] = ",[]{}\"'\\#&*!|>%@`".indexOf(c) < 0;
      PLAIN_AFTER_FIRST[c] = PLAIN[c] || c == '`';
    }
  }

  private static final Map<String, String> VALUES = new ConcurrentHashMap<>();
  private static final Map<String, String> KEYS = new ConcurrentHashMap<>();

  /**
   * What snakeyaml's resolver answered for short text ({@link PlainResolver#readsAsString}): the
   * text it is asked about most ({@code TCP}, {@code tmp}, {@code 128Mi}, {@code 250m}) repeats in
   * every app.
   */
  private static final Map<String, Boolean> READS_AS_STRING = new ConcurrentHashMap<>();

  /**
   * Thrown through the mapper when the document is not of the plain shape; never escapes {@link
   * #write}.
   */
  private static final class Declined extends IOException {
    private static final long serialVersionUID = 1L;

    Declined() {
      super("not of the plain block shape");
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this; // a signal, not an error: no stack to record
    }
  }

  /**
   * An open collection. {@code indent}: the column of its entries; {@code inline}: it is an item of
   * a sequence, so a mapping's first key goes where the cursor is (after {@code "- "}) and a
   * sequence may only be empty (a list in a list is declined); {@code mark}: where the text of its
   * header ends, and {@code empty} what replaces it when the collection turns out to be empty.
   */
  private static final class Frame {
    final Frame parent;
    final boolean mapping;
    final int indent;
    final boolean inline;
    final int mark;
    final String empty;
    int entries;

    Frame(Frame parent, boolean mapping, int indent, boolean inline, int mark, String empty) {
      this.parent = parent;
      this.mapping = mapping;
      this.indent = indent;
      this.inline = inline;
      this.mark = mark;
      this.empty = empty;
    }
  }

  private final StringBuilder sb = new StringBuilder(1024);
  private Frame open;
  private boolean done;

  private BlockWriter(ObjectMapper mapper) {
    super(JsonGenerator.Feature.collectDefaults(), mapper);
  }

  /**
   * The YAML document of {@code value} as {@code mapper} serialises it, or null when it is not of
   * the plain shape.
   */
  static String write(ObjectMapper mapper, Object value) {
    BlockWriter w = new BlockWriter(mapper);
    try {
      mapper.writeValue(w, value);
    } catch (IOException e) {
      if (declined(e)) {
        return null;
      }
      throw new IllegalStateException("cannot serialise " + value.getClass().getName(), e);
    }
    return w.done ? w.sb.toString() : null;
  }

  private static boolean declined(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof Declined) {
        return true;
      }
    }
    return false;
  }

  // ---- structure ---------------------------------------------------------------------------

  @Override
  public void writeStartObject() throws IOException {
    start(true);
    _writeContext = _writeContext.createChildObjectContext(null);
  }

  @Override
  public void writeStartArray() throws IOException {
    start(false);
    _writeContext = _writeContext.createChildArrayContext(null);
  }

  @Override
  public void writeEndObject() throws IOException {
    end();
    _writeContext = _writeContext.clearAndGetParent();
  }

  @Override
  public void writeEndArray() throws IOException {
    end();
    _writeContext = _writeContext.clearAndGetParent();
  }

  private void start(boolean mapping) throws IOException {
    if (open == null) {
      if (done) {
        throw new Declined(); // a second document
      }
      // a top-level sequence is indented by two, like one under a key
      open = new Frame(null, mapping, mapping ? 0 : 2, false, 0, null);
    } else if (open.mapping) {
      int mark = sb.length();
      sb.append(":\n");
      open = new Frame(open, mapping, open.indent + 2, false, mark, mapping ? ": {}\n" : ": []\n");
    } else {
      item();
      // a sequence in a sequence is written only when it is empty (see value())
      open =
          new Frame(open, mapping, open.indent + 2, true, sb.length(), mapping ? "{}\n" : "[]\n");
    }
  }

  private void end() throws IOException {
    Frame f = open;
    if (f.entries == 0) {
      if (f.parent == null) {
        throw new Declined(); // an empty document
      }
      sb.setLength(f.mark);
      sb.append(f.empty);
    }
    open = f.parent;
    done = open == null;
  }

  /** The start of a sequence item: its dash. */
  private void item() throws IOException {
    if (!open.mapping && open.inline) {
      throw new Declined(); // an item of a sequence in a sequence
    }
    pad(open.indent);
    sb.append("- ");
    open.entries++;
  }

  @Override
  public void writeFieldName(String name) throws IOException {
    if (open == null || !open.mapping) {
      throw new Declined();
    }
    _writeContext.writeFieldName(name);
    if (!(open.entries == 0 && open.inline)) {
      pad(open.indent);
    }
    open.entries++;
    String key = key(name);
    if (key == null) {
      throw new Declined();
    }
    sb.append(key);
  }

  // ---- scalars -----------------------------------------------------------------------------

  @Override
  public void writeString(String s) throws IOException {
    if (s == null) {
      throw new Declined();
    }
    if (open != null && open.mapping && s.indexOf('\n') >= 0) {
      if (!literal(s, open.indent + 2, sb)) {
        throw new Declined();
      }
      return;
    }
    value();
    if (!string(s, sb)) {
      throw new Declined();
    }
    sb.append('\n');
  }

  @Override
  public void writeString(char[] text, int offset, int len) throws IOException {
    writeString(new String(text, offset, len));
  }

  @Override
  public void writeNumber(int v) throws IOException {
    value();
    sb.append(v).append('\n');
  }

  @Override
  public void writeNumber(long v) throws IOException {
    value();
    sb.append(v).append('\n');
  }

  @Override
  public void writeBoolean(boolean v) throws IOException {
    value();
    sb.append(v).append('\n');
  }

  /** What goes before a scalar: {@code ": "} after a key, the dash in a sequence. */
  private void value() throws IOException {
    if (open == null) {
      throw new Declined(); // a scalar document
    }
    if (open.mapping) {
      sb.append(": ");
    } else {
      item();
    }
  }

  // null, floating point, big numbers, binary, raw text: Jackson's business

  @Override
  public void writeNull() throws IOException {
    throw new Declined();
  }

  @Override
  public void writeNumber(BigInteger v) throws IOException {
    throw new Declined();
  }

  @Override
  public void writeNumber(double v) throws IOException {
    throw new Declined();
  }

  @Override
  public void writeNumber(float v) throws IOException {
    throw new Declined();
  }

  @Override
  public void writeNumber(BigDecimal v) throws IOException {
    throw new Declined();
  }

  @Override
  public void writeNumber(String encodedValue) throws IOException {
    throw new Declined();
  }

  @Override
  public void writeBinary(Base64Variant bv, byte[] data, int offset, int len) throws IOException {
    throw new Declined();
  }

  @Override
  public void writeRawUTF8String(byte[] text, int offset, int length) throws IOException {
    throw new Declined();
  }

  @Override
  public void writeUTF8String(byte[] text, int offset, int length) throws IOException {
    throw new Declined();
  }

  @Override
  public void writeRaw(String text) throws IOException {
    throw new Declined();
  }

  @Override
  public void writeRaw(String text, int offset, int len) throws IOException {
    throw new Declined();
  }

  @Override
  public void writeRaw(char[] text, int offset, int len) throws IOException {
    throw new Declined();
  }

  @Override
  public void writeRaw(char c) throws IOException {
    throw new Declined();
  }

  @Override
  protected void _verifyValueWrite(String typeMsg) throws IOException {
    throw new Declined(); // only GeneratorBase's raw-value writers get here
  }

  @Override
  public void flush() {}

  @Override
  protected void _releaseBuffers() {}

  // ---- text --------------------------------------------------------------------------------

  /**
   * A multi-line mapping value as the literal block Jackson-YAML asks for and snakeyaml writes:
   * {@code |} (one final line break) or {@code |-} (none), each line at {@code indent}. Declined
   * where snakeyaml adds an indentation indicator or keeps extra breaks, or might fall back to
   * quotes: a first line starting with a space or empty, empty lines, trailing spaces, characters
   * outside printable ASCII.
   */
  private static boolean literal(String s, int indent, StringBuilder sb) {
    if (s.charAt(0) == ' '
        || s.charAt(0) == '\n'
        || s.endsWith("\n\n")
        || s.contains("\n\n")
        || s.contains(" \n")
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
    int end = clip ? s.length() - 1 : s.length();
    int from = 0;
    while (true) {
      int nl = s.indexOf('\n', from);
      if (nl >= end) {
        nl = -1;
      }
      pad(sb, indent);
      sb.append(s, from, nl < 0 ? end : nl).append('\n');
      if (nl < 0) {
        return true;
      }
      from = nl + 1;
    }
  }

  /**
   * A string value: plain at once when it starts with a letter, {@code /} or {@code _} (the
   * kustomization's {@code _cluster/} entries), holds only text snakeyaml surely writes plain, and
   * reads back as a string; the empty string quoted; printable ASCII that Jackson-YAML quotes, in
   * double quotes; else as Jackson-YAML writes it after a key (memoised: quantities, ports and
   * images repeat). A multi-line string is a literal block whose indentation depends on the
   * context: declined.
   */
  private static boolean string(String s, StringBuilder sb) {
    if (s.isEmpty()) {
      sb.append("\"\"");
      return true;
    }
    char first = s.charAt(0);
    if (((first >= 'a' && first <= 'z')
            || (first >= 'A' && first <= 'Z')
            || first == '/'
            || first == '_')
        && plainSafe(s)
        && !QUOTING.reserved(s)) {
      sb.append(s);
      return true;
    }
    if (QUOTING.needToQuoteValue(s) && printableAscii(s)) {
      // Jackson-YAML asks for double quotes, and snakeyaml escapes only these two of printable
      // ASCII (and, with line splitting off, never folds): such text (the load balancers of a
      // route, one string per app) is written here, not through the memo and Jackson
      sb.append('"');
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '"' || c == '\\') {
          sb.append('\\');
        }
        sb.append(c);
      }
      sb.append('"');
      return true;
    }
    if (s.indexOf('\n') >= 0) {
      return false;
    }
    String v = VALUES.get(s);
    if (v == null) {
      String doc = Yaml.jackson(java.util.Map.of("k", s)); // "k: <scalar>\n"
      v =
          doc.startsWith("k: ") && doc.indexOf('\n') == doc.length() - 1
              ? doc.substring(3, doc.length() - 1)
              : "";
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
      String doc =
          k.indexOf('\n') >= 0 || k.length() > MAX_SIMPLE_KEY
              ? ""
              : Yaml.jackson(java.util.Map.of(k, 0)); // "<key>: 0\n"
      v =
          doc.endsWith(": 0\n") && doc.indexOf('\n') == doc.length() - 1 && !doc.startsWith("? ")
              ? doc.substring(0, doc.length() - 4)
              : "";
      remember(KEYS, k, v);
    }
    return v.isEmpty() ? null : v;
  }

  private static <V> void remember(Map<String, V> cache, String k, V v) {
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
   * Text snakeyaml certainly writes plain in block context: printable ASCII, no indicator first, no
   * flow indicators, no backtick first, no {@code ": "}, {@code " #"} or final {@code ':'}, no
   * space at either end, no document marker, and read back as a string by snakeyaml's resolver.
   * Stricter than snakeyaml's own analysis; what fails here goes the memoised Jackson way. One pass
   * over a table, then the resolver only for the first characters it has patterns for.
   */
  static boolean plainSafe(String s) {
    int n = s.length();
    if (n == 0) {
      return false;
    }
    char last = s.charAt(n - 1);
    if (last == ' ' || last == ':') {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 128 || !(i == 0 ? PLAIN[c] : PLAIN_AFTER_FIRST[c])) {
        return false;
      }
      if ((c == ' ' || c == ':') && s.charAt(i + 1) == ' ') {
        return false;
      }
    }
    return RESOLVER.readsAsString(s);
  }

  /** Jackson-YAML's default quoting rules, with their keyword test in reach. */
  private static final class Quoting extends StringQuotingChecker.Default {
    /**
     * {@link #needToQuoteValue} of text {@link #plainSafe} accepts: that rules out every character
     * it quotes for (flow indicators, a {@code #} after a blank, a {@code :} before one or last),
     * which leaves the reserved words ({@code true}, {@code no}, {@code null}, …). One test instead
     * of a second pass over every string.
     */
    boolean reserved(String s) {
      return isReservedKeyword(s);
    }
  }

  /** Indentation: one copy from a run of spaces, not a call per space (every line has some). */
  private static final String SPACES = " ".repeat(64);

  private static void pad(StringBuilder sb, int n) {
    for (; n > SPACES.length(); n -= SPACES.length()) {
      sb.append(SPACES);
    }
    sb.append(SPACES, 0, n);
  }

  private void pad(int n) {
    pad(sb, n);
  }

  /**
   * snakeyaml's resolver, asked only when it might answer something else than a string: its
   * implicit patterns are filed by first character, plus those tried on every scalar (filed under
   * none: by default only the empty scalar's, which cannot match text we ask about), and each is
   * tried only on text no longer than its limit (the booleans and null, filed under letters: 10
   * characters), so longer text is a string without a regular expression.
   */
  private static final class PlainResolver extends Resolver {
    /** Set while the superclass constructor files its patterns, so without an initialiser. */
    private boolean patternsForAnyFirst;

    /**
     * The largest limit of the patterns filed under each ASCII character, 0 where none is; made
     * while the superclass constructor files them, so created there.
     */
    private int[] longest;

    @Override
    public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
      if (first == null && !regexp.pattern().equals(EMPTY.pattern())) {
        patternsForAnyFirst = true;
      }
      if (longest == null) {
        longest = new int[128];
      }
      if (first != null) {
        for (int i = 0; i < first.length(); i++) {
          char c = first.charAt(i);
          if (c < 128) {
            longest[c] = Math.max(longest[c], limit);
          }
        }
      }
      super.addImplicitResolver(tag, regexp, first, limit);
    }

    /** {@code s} (not empty) read back as a plain scalar is a string. */
    boolean readsAsString(String s) {
      char first = s.charAt(0);
      if (!patternsForAnyFirst
          && (first < 128
              ? s.length() > longest[first]
              : !yamlImplicitResolvers.containsKey(first))) {
        return true;
      }
      if (s.length() > MEMO_LENGTH) {
        return resolve(NodeId.scalar, s, true).equals(Tag.STR);
      }
      Boolean known = READS_AS_STRING.get(s);
      if (known == null) {
        known = resolve(NodeId.scalar, s, true).equals(Tag.STR);
        remember(READS_AS_STRING, s, known);
      }
      return known;
    }
  }
}
