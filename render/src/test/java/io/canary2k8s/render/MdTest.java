package io.canary2k8s.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.canary2k8s.split.Fraction;
import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MdTest {
  /** The reference escaping: four replacements over the text. */
  private static String reference(String s) {
    return s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("<", "&lt;");
  }

  @Test
  void cellEscapesAsTheFourReplacements() {
    String alphabet = "ab|\\\n<>&; é→";
    for (int seed = 0; seed < 20_000; seed++) {
      Random r = new Random(seed);
      StringBuilder sb = new StringBuilder();
      for (int n = r.nextInt(12); n > 0; n--) {
        sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      String s = sb.toString();
      assertThat(Md.cell(s)).as("case %d: %s", seed, s).isEqualTo(reference(s));
    }
  }

  @Test
  void cellKeepsTextWithNothingToEscape() {
    String s = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/web";
    assertThat(Md.cell(s)).isSameAs(s);
    assertThat(Md.cell("a|b\\c\nd<e")).isEqualTo("a\\|b\\\\c d&lt;e");
  }

  /** The reference count: an exact division, the ratio when it does not terminate. */
  private static String referenceCount(Fraction f) {
    BigDecimal n = new BigDecimal(f.numerator());
    BigDecimal d = new BigDecimal(f.denominator());
    try {
      BigDecimal q = n.divide(d).stripTrailingZeros();
      if (q.scale() <= 3) {
        return q.scale() < 0 ? q.setScale(0).toPlainString() : q.toPlainString();
      }
    } catch (ArithmeticException nonTerminating) {
      // the ratio
    }
    return f.numerator() + "/" + f.denominator();
  }

  @Test
  void countIsTheExactDivisionWhenItTerminatesWithinThreeDecimals() {
    for (long d = 1; d <= 2_100; d++) {
      for (long n : new long[] {0, 1, 2, 3, 7, 10, 99, 1000, 4_096, 123_457}) {
        Fraction f = Fraction.of(n, d);
        assertThat(Md.count(f)).as("%d/%d", n, d).isEqualTo(referenceCount(f));
      }
    }
    Random r = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      Fraction f = Fraction.of(r.nextInt(1_000_000), 1 + r.nextInt(r.nextBoolean() ? 20 : 100_000));
      assertThat(Md.count(f)).as("%s", f).isEqualTo(referenceCount(f));
    }
    assertThat(Md.count(Fraction.of(9, 2))).isEqualTo("4.5");
    assertThat(Md.count(Fraction.of(10, 3))).isEqualTo("10/3");
    assertThat(Md.count(Fraction.of(1, 16))).isEqualTo("1/16"); // 0.0625: four decimals
    assertThat(Md.count(Fraction.of(3000, 8))).isEqualTo("375");
    assertThat(Md.count(Fraction.ZERO)).isEqualTo("0");
  }
}
