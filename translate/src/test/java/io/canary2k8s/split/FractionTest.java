package io.canary2k8s.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.canary2k8s.inventory.AutoScalingGroup;
import io.canary2k8s.inventory.Instance;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The arithmetic and the small parts of the split: what REVIEW.md prints must be exact too. */
class FractionTest {
  @Test
  void arithmeticIsExactAndReduced() {
    assertThat(Fraction.of(1, 2).plus(Fraction.of(1, 3))).isEqualTo(Fraction.of(5, 6));
    assertThat(Fraction.of(5, 6).minus(Fraction.of(1, 3))).isEqualTo(Fraction.of(1, 2));
    assertThat(Fraction.of(1, 3).minus(Fraction.of(1, 3))).isEqualTo(Fraction.ZERO);
    assertThat(Fraction.of(2, 3).times(Fraction.of(3, 4))).isEqualTo(Fraction.of(1, 2));
    assertThat(Fraction.of(1, 3).dividedBy(Fraction.of(2, 3))).isEqualTo(Fraction.of(1, 2));
    assertThat(Fraction.of(6, 8))
        .isEqualTo(new Fraction(BigInteger.valueOf(3), BigInteger.valueOf(4)));
    assertThat(Fraction.of(0, 7).denominator()).isEqualTo(BigInteger.ONE);
    assertThat(Fraction.of(1, 3).compareTo(Fraction.of(1, 2))).isNegative();
    assertThat(Fraction.of(2, 4).compareTo(Fraction.of(1, 2))).isZero();
    assertThatThrownBy(() -> Fraction.of(1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fraction.of(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fraction.of(1, 3).minus(Fraction.of(1, 2)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fraction.ONE.dividedBy(Fraction.ZERO))
        .isInstanceOf(ArithmeticException.class);
  }

  /**
   * Small fractions are reduced in long arithmetic: the same lowest terms as BigInteger.gcd gives.
   */
  @Test
  void reducedToLowestTermsAtAnySize() {
    io.canary2k8s.testing.Seeded.forAll(
        "fraction in lowest terms",
        20_000,
        r -> {
          int bits = r.nextInt(4) == 0 ? 62 + r.nextInt(8) : 1 + r.nextInt(40);
          BigInteger common = new BigInteger(1 + r.nextInt(bits), r).add(BigInteger.ONE);
          BigInteger n =
              r.nextInt(10) == 0 ? BigInteger.ZERO : new BigInteger(bits, r).multiply(common);
          BigInteger d = new BigInteger(bits, r).add(BigInteger.ONE).multiply(common);
          Fraction f = new Fraction(n, d);
          BigInteger g = n.gcd(d);
          assertThat(f.numerator()).isEqualTo(n.divide(g));
          assertThat(f.denominator()).isEqualTo(n.signum() == 0 ? BigInteger.ONE : d.divide(g));
        });
  }

  @Test
  void percentAndDescribeAreWhatReviewShows() {
    assertThat(Fraction.of(1, 6).percent(3)).isEqualByComparingTo("16.667");
    assertThat(Fraction.of(1, 8).percent(1)).isEqualByComparingTo("12.5");
    assertThat(Fraction.of(1, 8).percent(1).scale()).isEqualTo(1);
    assertThat(Fraction.of(9, 10).describe()).isEqualTo("9/10 (90 %)");
    assertThat(Fraction.of(1, 6).describe()).isEqualTo("1/6 (16.667 %)");
    assertThat(Fraction.of(1, 8).describe()).isEqualTo("1/8 (12.5 %)");
    assertThat(Fraction.ONE.describe()).isEqualTo("1 (100 %)");
    assertThat(Fraction.ZERO.describe()).isEqualTo("0 (0 %)");
    assertThat(Fraction.of(3, 9).toString()).isEqualTo("1/3");
  }

  @Test
  void weightBasisFlags() {
    assertThat(WeightBasis.DESIRED.flag()).isEqualTo("desired");
    assertThat(WeightBasis.IN_SERVICE.flag()).isEqualTo("in-service");
    assertThat(WeightBasis.fromFlag("in-service")).isEqualTo(WeightBasis.IN_SERVICE);
    assertThat(WeightBasis.fromFlag("desired")).isEqualTo(WeightBasis.DESIRED);
    assertThatThrownBy(() -> WeightBasis.fromFlag("max"))
        .hasMessageContaining("desired or in-service");
  }

  @Test
  void zoneCountsSpreadDesiredEvenlyOrCountServingInstances() {
    var g =
        new AutoScalingGroup(
            "g",
            null,
            0,
            10,
            3,
            List.of("a", "b"),
            List.of("web"),
            List.of(),
            List.of(
                new Instance("i-1", "a", "InService", "Healthy", "m5.large"),
                new Instance("i-2", "a", "InService", "Healthy", "m5.large"),
                new Instance("i-3", "b", "Pending", "Healthy", "m5.large")),
            List.of(),
            false,
            List.of(),
            Map.of());
    assertThat(SplitCalculator.zoneCounts(g, WeightBasis.DESIRED))
        .containsExactlyEntriesOf(
            new java.util.TreeMap<>(Map.of("a", Fraction.of(3, 2), "b", Fraction.of(3, 2))));
    assertThat(SplitCalculator.zoneCounts(g, WeightBasis.IN_SERVICE))
        .containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of("a", Fraction.of(2, 1))));
  }

  @Test
  void totalsPerGroupOverTheElbsZones() {
    var stable = SplitCalculatorTest.group("main", 9, List.of("a", "b", "c"));
    var canary = SplitCalculatorTest.group("canary", 1, List.of("a"));
    var s =
        SplitCalculator.shares(
            SplitCalculatorTest.elb("a", "b"),
            List.of(stable, canary),
            WeightBasis.DESIRED,
            true,
            false);
    assertThat(s.total("main")).isEqualTo(Fraction.of(6, 1)); // zone c is not the ELB's
    assertThat(s.total("canary")).isEqualTo(Fraction.ONE);
    assertThat(s.total("nobody")).isEqualTo(Fraction.ZERO);
    assertThat(s.share("main")).isEqualTo(Fraction.of(6, 7));
    assertThat(s.empty()).isFalse();
    assertThat(s.activeZones()).containsExactly("a", "b");
  }
}
