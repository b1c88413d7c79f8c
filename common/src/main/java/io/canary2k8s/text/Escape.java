package io.canary2k8s.text;

/**
 * Text from outside (AWS names, tag values, hosts, messages that quote them) made safe to show to a
 * person: every character that is invisible, moves the text around it or controls the device
 * showing it is written as a visible escape, <code>&#92;u202e</code> (and <code>&#92;U000e0041
 * </code> beyond the Basic Multilingual Plane). Two names that differ in such a character then read
 * differently, {@code my-app} and <code>my-app&#92;u200b</code>, and a name cannot clear a
 * terminal, start a new line of a table or turn the rest of a line right to left.
 *
 * <p>Escaped: the C0 and C1 controls and DEL (line ends, ESC and CSI included), the line and
 * paragraph separators, the format characters (Unicode category Cf: the bidi embeddings, overrides
 * and isolates, U+061C, U+200E/F, the zero-width space, joiners, U+2060, U+FEFF, the tag
 * characters), the other default-ignorable code points (the combining grapheme joiner, the Hangul
 * fillers, the variation selectors, …), the noncharacters and unpaired surrogates. Everything else
 * is kept as it is, letters of every script included. A backslash is kept: <code>&#92;u202e</code>
 * typed as six characters stays six characters, as visible as the escape.
 *
 * <p>One function per place text is written to: {@link #terminal} for a line on stderr, {@link
 * #yamlComment} for the text of a YAML comment; the Markdown forms (table cell, inline text, code
 * span, Mermaid label) are in the render module's {@code Md}, which starts from {@link #visible}.
 */
public final class Escape {
  private Escape() {}

  /** {@code s} with every character of {@link #isHidden} written as its visible escape. */
  public static String visible(String s) {
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      // the common case, printable ASCII and Latin, decided without a code point (U+00AD, the
      // soft hyphen, is a format character)
      if (c >= 0x20 && c < 0x7f || c >= 0xa0 && c < 0x300 && c != 0xad) {
        i++;
        continue;
      }
      int cp = s.codePointAt(i);
      if (isHidden(cp)) {
        break;
      }
      i += Character.charCount(cp);
    }
    if (i == n) {
      return s;
    }
    StringBuilder sb = new StringBuilder(n + 16).append(s, 0, i);
    while (i < n) {
      int cp = s.codePointAt(i);
      if (isHidden(cp)) {
        escape(cp, sb);
      } else {
        sb.appendCodePoint(cp);
      }
      i += Character.charCount(cp);
    }
    return sb.toString();
  }

  /**
   * {@link #visible} line by line: the line feeds of {@code s} are kept (a block of lines, such as
   * a fenced diff), every other hidden character is escaped, a carriage return included.
   */
  public static String visibleLines(String s) {
    int nl = s.indexOf('\n');
    if (nl < 0) {
      return visible(s);
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    int from = 0;
    while (nl >= 0) {
      sb.append(visible(s.substring(from, nl))).append('\n');
      from = nl + 1;
      nl = s.indexOf('\n', from);
    }
    return sb.append(visible(s.substring(from))).toString();
  }

  /**
   * A line on a terminal (stderr): nothing in it can move the cursor, change colours, clear the
   * screen, end the line or reorder it, so the line reads as the tool wrote it.
   */
  public static String terminal(String s) {
    return visible(s);
  }

  /**
   * The text of a YAML comment (after {@code # }): a line end of any kind (LF, CR, NEL, U+2028/9)
   * would end the comment and let the rest be read as YAML, and YAML allows no other control
   * character in a stream; every one is escaped.
   */
  public static String yamlComment(String s) {
    return visible(s);
  }

  /**
   * Whether {@code cp} is escaped by {@link #visible}: a character that shows nothing, or that
   * changes how the text around it is shown.
   */
  public static boolean isHidden(int cp) {
    if (cp < 0x20 || cp >= 0x7f && cp <= 0x9f) {
      return true; // C0, DEL, C1
    }
    if (cp < 0xa0) {
      return false;
    }
    switch (Character.getType(cp)) {
      case Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR:
        return true;
      case Character.SURROGATE:
        return true; // String.codePointAt gives a surrogate only where it is unpaired
      default:
        break;
    }
    return cp == 0x034f // combining grapheme joiner
        || cp == 0x115f
        || cp == 0x1160 // Hangul choseong and jungseong fillers
        || cp == 0x17b4
        || cp == 0x17b5 // Khmer inherent vowels
        || cp >= 0x180b && cp <= 0x180f // Mongolian variation selectors and vowel separator
        || cp == 0x3164 // Hangul filler
        || cp >= 0xfe00 && cp <= 0xfe0f // variation selectors
        || cp == 0xffa0 // halfwidth Hangul filler
        || cp >= 0xfff0 && cp <= 0xfff8
        || cp >= 0xe0000 && cp <= 0xe0fff // tags, variation selectors supplement
        || cp >= 0xfdd0 && cp <= 0xfdef // noncharacters
        || (cp & 0xfffe) == 0xfffe;
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private static void escape(int cp, StringBuilder sb) {
    int digits = cp > 0xffff ? 8 : 4;
    sb.append('\\').append(cp > 0xffff ? 'U' : 'u');
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      sb.append(HEX[(cp >>> shift) & 0xf]);
    }
  }
}
