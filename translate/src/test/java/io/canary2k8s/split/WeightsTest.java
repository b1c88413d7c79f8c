package io.canary2k8s.split;

import static org.assertj.core.api.Assertions.assertThat;

import io.canary2k8s.testing.Seeded;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeightsTest {

  static List<BigInteger> ints(long... v) {
    List<BigInteger> out = new ArrayList<>();
    for (long x : v) {
      out.add(BigInteger.valueOf(x));
    }
    return out;
  }

  @Test
  void integerWeightsAreTheReducedExactRatio() {
    assertThat(Weights.integers(List.of(Fraction.of(9, 10), Fraction.of(1, 10))))
        .isEqualTo(ints(9, 1));
    assertThat(Weights.integers(List.of(Fraction.of(5, 6), Fraction.of(1, 6))))
        .isEqualTo(ints(5, 1));
    assertThat(Weights.integers(List.of(Fraction.of(3, 4), Fraction.of(1, 4))))
        .isEqualTo(ints(3, 1));
    assertThat(Weights.integers(List.of(Fraction.ONE))).isEqualTo(ints(1));
    assertThat(Weights.integers(List.of(Fraction.of(2, 7), Fraction.of(1, 3), Fraction.of(8, 21))))
        .isEqualTo(ints(6, 7, 8));
  }

  @Test
  void boundedWeightsKeepTheExactRatioUnderTheCap() {
    var b = Weights.integersAtMost(List.of(Fraction.of(9, 10), Fraction.of(1, 10)), 1_000_000);
    assertThat(b.values()).isEqualTo(ints(9, 1));
    assertThat(b.exact()).isTrue();
    var edge =
        Weights.integersAtMost(
            List.of(Fraction.of(999_999, 1_000_000), Fraction.of(1, 1_000_000)), 1_000_000);
    assertThat(edge.values()).isEqualTo(ints(999_999, 1));
    assertThat(edge.exact()).isTrue();
  }

  @Test
  void boundedWeightsScaleDownToTheClosestRatioOverTheCap() {
    // 1000003 : 1 cannot be said with weights of at most 1,000,000
    var b =
        Weights.integersAtMost(
            List.of(Fraction.of(1_000_003, 1_000_004), Fraction.of(1, 1_000_004)), 1_000_000);
    assertThat(b.exact()).isFalse();
    assertThat(b.values()).isEqualTo(ints(1_000_000, 1));
    // a half, the rest and a tiny share: the largest goes to the cap, the others round half-even
    Fraction a = Fraction.of(1, 2);
    Fraction c = Fraction.of(1, 1_999_999);
    Fraction d = Fraction.ONE.minus(a).minus(c);
    var t = Weights.integersAtMost(List.of(a, d, c), 1_000_000);
    assertThat(t.exact()).isFalse();
    assertThat(t.values().get(0)).isEqualTo(BigInteger.valueOf(1_000_000));
    assertThat(t.values().get(2)).isEqualTo(BigInteger.ONE);
    for (int i = 0; i < 3; i++) {
      // every weight within half a unit of the exact scaled value
      Fraction exact = List.of(a, d, c).get(i).dividedBy(a).times(Fraction.of(1_000_000, 1));
      Fraction w = new Fraction(t.values().get(i), BigInteger.ONE);
      Fraction diff = w.compareTo(exact) >= 0 ? w.minus(exact) : exact.minus(w);
      assertThat(diff.compareTo(Fraction.of(1, 2))).isLessThanOrEqualTo(0);
    }
  }

  @Test
  void boundedWeightsNeverDropANonZeroShare() {
    var b =
        Weights.integersAtMost(
            List.of(Fraction.of(10_000_000 - 1, 10_000_000), Fraction.of(1, 10_000_000)),
            1_000_000);
    assertThat(b.values()).isEqualTo(ints(1_000_000, 1));
    assertThat(b.exact()).isFalse();
  }

  @Test
  void percentagesAreExactWhenTheyCanBe() {
    var p = Weights.percentages(List.of(Fraction.of(9, 10), Fraction.of(1, 10)));
    assertThat(p.values()).containsExactly(new BigDecimal("90.000"), new BigDecimal("10.000"));
    assertThat(p.exact()).isTrue();
  }

  @Test
  void percentagesSumTo100WithLargestRemainder() {
    var p = Weights.percentages(List.of(Fraction.of(5, 6), Fraction.of(1, 6)));
    assertThat(p.values()).containsExactly(new BigDecimal("83.333"), new BigDecimal("16.667"));
    assertThat(p.exact()).isFalse();
    var thirds =
        Weights.percentages(List.of(Fraction.of(1, 3), Fraction.of(1, 3), Fraction.of(1, 3)));
    assertThat(thirds.values())
        .containsExactly(
            new BigDecimal("33.334"), new BigDecimal("33.333"), new BigDecimal("33.333"));
  }

  @Test
  void propertyWeightsReproduceTheShares() {
    Seeded.forAll(
        "weights reproduce shares",
        500,
        rnd -> {
          int n = 1 + rnd.nextInt(5);
          List<Long> raw = new ArrayList<>();
          long total = 0;
          for (int i = 0; i < n; i++) {
            long v = 1 + rnd.nextInt(1000);
            raw.add(v);
            total += v;
          }
          List<Fraction> shares = new ArrayList<>();
          for (long v : raw) {
            shares.add(Fraction.of(v, total));
          }
          List<BigInteger> w = Weights.integers(shares);
          BigInteger sum = w.stream().reduce(BigInteger.ZERO, BigInteger::add);
          for (int i = 0; i < n; i++) {
            assertThat(new Fraction(w.get(i), sum)).isEqualTo(shares.get(i));
          }
          BigInteger g = w.stream().reduce(BigInteger.ZERO, BigInteger::gcd);
          assertThat(g).isEqualTo(BigInteger.ONE);
          var p = Weights.percentages(shares);
          assertThat(p.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
              .isEqualByComparingTo("100.000");
          for (int i = 0; i < n; i++) {
            BigDecimal exact =
                new BigDecimal(shares.get(i).numerator().multiply(BigInteger.valueOf(100)))
                    .divide(
                        new BigDecimal(shares.get(i).denominator()),
                        10,
                        java.math.RoundingMode.HALF_UP);
            assertThat(p.values().get(i).subtract(exact).abs()).isLessThan(new BigDecimal("0.001"));
          }
        });
  }

  @Test
  void integerWeightsAreReducedAndAllZeroStaysZero() {
    assertThat(Weights.integers(List.of(Fraction.of(2, 5), Fraction.of(2, 5))))
        .containsExactly(java.math.BigInteger.ONE, java.math.BigInteger.ONE);
    assertThat(Weights.integers(List.of(Fraction.of(2, 3))))
        .containsExactly(java.math.BigInteger.ONE);
    assertThat(Weights.integers(List.of(Fraction.ZERO, Fraction.ZERO)))
        .containsExactly(java.math.BigInteger.ZERO, java.math.BigInteger.ZERO);
  }

  @Test
  void percentagesOfSharesThatDoNotSumToOneAreTruncatedNotPadded() {
    var third = Weights.percentages(List.of(Fraction.of(1, 3)));
    assertThat(third.values()).containsExactly(new java.math.BigDecimal("33.333"));
    assertThat(third.exact()).isFalse();
    var half = Weights.percentages(List.of(Fraction.of(1, 2)));
    assertThat(half.values()).containsExactly(new java.math.BigDecimal("50.000"));
    assertThat(half.exact()).isTrue();
  }
}
