package io.canary2k8s.render;

import io.canary2k8s.split.Fraction;
import java.math.BigDecimal;
import java.math.BigInteger;

/** Formatting for the Markdown reports: escaping and numbers people can check. */
public final class Md {
  private Md() {}

  /** Text safe inside a Markdown table cell. */
  public static String cell(String s) {
    int i = 0;
    while (i < s.length() && !special(s.charAt(i))) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length() + 16).append(s, 0, i);
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '|' -> sb.append("\\|");
        case '\n' -> sb.append(' ');
        case '<' -> sb.append("&lt;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  private static boolean special(char c) {
    return c == '\\' || c == '|' || c == '\n' || c == '<';
  }

  /** Text safe inside a quoted Mermaid label. */
  public static String mermaid(String s) {
    return s.replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;");
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
