package io.canary2k8s.render;

import io.canary2k8s.split.Fraction;
import io.canary2k8s.text.Escape;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Formatting for the Markdown reports: escaping and numbers people can check.
 *
 * <p>Every piece of text from outside (an AWS name, a tag value, a host, a note's message) reaches
 * a report through one of these, by where it is written: {@link #text} in running text, {@link
 * #cell} in a table cell, {@link #code} and {@link #cellCode} as a code span (names), {@link
 * #mermaid} as a quoted Mermaid label. Each starts from {@link Escape#visible}: no control, bidi or
 * invisible character reaches a report raw. GitHub reads these with its GFM parser (cmark-gfm); the
 * tests read every report with commonmark-java and its GFM tables extension, which split table rows
 * the same way.
 */
public final class Md {
  private Md() {}

  /**
   * Inline Markdown text that reads as {@code s}: every character that could start markup is
   * backslash-escaped ({@code \ ` * _ [ ] < > & ~ | $ @ #}: emphasis, code, links, HTML, entities,
   * strikethrough, table cells, GitHub math, mentions and issue references). Never placed at the
   * start of a line (where {@code -}, {@code +} or {@code 1.} would start a list).
   */
  public static String text(String s) {
    s = Escape.visible(s);
    int i = 0;
    while (i < s.length() && !markup(s.charAt(i))) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length() + 16).append(s, 0, i);
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (markup(c)) {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.toString();
  }

  private static boolean markup(char c) {
    return switch (c) {
      case '\\', '`', '*', '_', '[', ']', '<', '>', '&', '~', '|', '$', '@', '#' -> true;
      default -> false;
    };
  }

  /**
   * Text in a GFM table cell: {@link #text}, whose escaped pipe ({@code \|}) GFM reads as a pipe
   * that does not end the cell (and removes the backslash before inline parsing, so {@code \\\|}
   * reads as a backslash and a pipe). No line end can remain: they are escaped as controls.
   */
  public static String cell(String s) {
    return text(s);
  }

  /**
   * {@code s} as a code span in running text: fenced with one backtick more than the longest run in
   * it, padded with a space where it starts or ends with a backtick (CommonMark strips one space on
   * each side of such a span). Nothing inside a code span is markup, so it shows the name as it is
   * (after {@link Escape#visible}).
   */
  public static String code(String s) {
    s = Escape.visible(s);
    int longest = 0;
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      run = s.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = longest == 0 ? "`" : "`".repeat(longest + 1);
    boolean pad =
        s.isEmpty()
            || s.charAt(0) == '`'
            || s.charAt(s.length() - 1) == '`'
            || (s.charAt(0) == ' ' && s.charAt(s.length() - 1) == ' ' && !s.isBlank());
    return pad ? fence + " " + s + " " + fence : fence + s + fence;
  }

  /**
   * {@link #code} in a table cell: GFM splits a row at every pipe not preceded by a backslash, code
   * spans included, and then removes the backslash of each {@code \|}; inside the span the pipe
   * reads as itself.
   */
  public static String cellCode(String s) {
    String code = code(s);
    return code.indexOf('|') < 0 ? code : code.replace("|", "\\|");
  }

  /**
   * A relative path as a link destination ({@code [text](dest)}): every byte of its UTF-8 but
   * letters, digits, {@code - . _ ~} and {@code /} percent-encoded, so that no character of a name
   * (a space, a parenthesis, {@code <}, a control) ends or changes the link.
   */
  public static String href(String path) {
    StringBuilder sb = new StringBuilder(path.length() + 8);
    for (byte b : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c >= 'A' && c <= 'Z'
          || c >= 'a' && c <= 'z'
          || c >= '0' && c <= '9'
          || "-._~/".indexOf(c) >= 0) {
        sb.append((char) c);
      } else {
        sb.append('%').append(String.format(java.util.Locale.ROOT, "%02X", c));
      }
    }
    return sb.toString();
  }

  /**
   * Text safe inside a quoted Mermaid label ({@code ["..."]}, {@code |"..."|}): the characters
   * Mermaid reads in one as entity codes ({@code #...;}), quotes, HTML ({@code < > &}) or a
   * Markdown string (a backtick; three would also close the report's code fence) are written as
   * Mermaid's entity codes.
   */
  public static String mermaid(String s) {
    s = Escape.visible(s);
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String e =
          switch (c) {
            case '#' -> "#35;";
            case '"' -> "#quot;";
            case '<' -> "#lt;";
            case '>' -> "#gt;";
            case '&' -> "#amp;";
            case '`' -> "#96;";
            default -> null;
          };
      if (e != null && sb == null) {
        sb = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (sb != null) {
        if (e != null) {
          sb.append(e);
        } else {
          sb.append(c);
        }
      }
    }
    return sb == null ? s : sb.toString();
  }

  private static final BigInteger THOUSAND = BigInteger.valueOf(1000);

  /**
   * An instance count: {@code 4.5} when it terminates within three decimals, else {@code 10/3}. In
   * lowest terms, that is when the denominator divides 1,000: decided without dividing (a division
   * that does not terminate throws, 45,000 times in a 10,000-app report).
   */
  public static String count(Fraction f) {
    BigInteger[] times = THOUSAND.divideAndRemainder(f.denominator());
    if (times[1].signum() != 0) {
      return f.numerator() + "/" + f.denominator();
    }
    BigDecimal q = new BigDecimal(f.numerator().multiply(times[0]), 3).stripTrailingZeros();
    return q.scale() < 0 ? q.setScale(0).toPlainString() : q.toPlainString();
  }

  /** A share as {@code 90 %} or {@code 16.667 %} (rounded half up to three decimals). */
  public static String percent(Fraction f) {
    BigDecimal p = f.percent(3).stripTrailingZeros();
    return (p.scale() < 0 ? p.setScale(0).toPlainString() : p.toPlainString()) + " %";
  }

  public static boolean whole(Fraction f) {
    return f.denominator().equals(BigInteger.ONE);
  }
}
