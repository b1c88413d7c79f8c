package io.canary2k8s.split;

import static io.canary2k8s.split.SplitCalculatorTest.group;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/design.md, "Behind an ALB or NLB": share = Σ_i (w_i/Σw) · share_in_TG_i, cross-zone per
 * target group.
 */
class ForwardSplitTest {
  static final List<String> ZONES = List.of("a", "b");

  static ForwardSplit.Member tg(
      String name,
      int weight,
      boolean crossZone,
      io.canary2k8s.inventory.AutoScalingGroup... groups) {
    return new ForwardSplit.Member(name, weight, List.of(groups), crossZone, "test");
  }

  @Test
  void weightedTargetGroupsNinetyTen() {
    var stable = group("stable", 6, ZONES);
    var canary = group("canary", 2, ZONES);
    var r =
        ForwardSplit.of(
            "alb",
            ZONES,
            "HTTPS:443 default rule",
            List.of(tg("tg-stable", 90, true, stable), tg("tg-canary", 10, false, canary)),
            WeightBasis.DESIRED,
            true);
    assertThat(r.shares().share("stable")).isEqualTo(Fraction.of(9, 10));
    assertThat(r.shares().share("canary")).isEqualTo(Fraction.of(1, 10));
    assertThat(r.unserved()).isEqualTo(Fraction.ZERO);
    assertThat(r.shares().targetGroups()).hasSize(2);
  }

  /**
   * Two groups in one target group with cross-zone off there: docs/design.md, "Worked example",
   * inside the TG.
   */
  @Test
  void crossZoneOffInsideOneTargetGroup() {
    var stable = group("stable", 4, ZONES, "a", "a", "b", "b");
    var canary = group("canary", 1, List.of("a"), "a");
    var off =
        ForwardSplit.of(
            "nlb",
            ZONES,
            "TCP:80 default rule",
            List.of(tg("tg", 1, false, stable, canary)),
            WeightBasis.IN_SERVICE,
            false);
    assertThat(off.shares().share("canary")).isEqualTo(Fraction.of(1, 6));
    assertThat(off.shares().share("stable")).isEqualTo(Fraction.of(5, 6));
    var on =
        ForwardSplit.of(
            "alb",
            ZONES,
            "HTTPS:443 default rule",
            List.of(tg("tg", 1, true, stable, canary)),
            WeightBasis.IN_SERVICE,
            true);
    assertThat(on.shares().share("canary")).isEqualTo(Fraction.of(1, 5));
  }

  /** 3:1 between two target groups, the second shared 1:1 by two groups: 3/4, 1/8, 1/8. */
  @Test
  void composesWeightsWithSharesInsideTargetGroups() {
    var a = group("a", 2, ZONES);
    var b = group("b", 1, ZONES);
    var c = group("c", 1, ZONES);
    var r =
        ForwardSplit.of(
            "alb",
            ZONES,
            "rule",
            List.of(tg("one", 3, true, a), tg("two", 1, true, b, c)),
            WeightBasis.DESIRED,
            true);
    assertThat(r.shares().share("a")).isEqualTo(Fraction.of(3, 4));
    assertThat(r.shares().share("b")).isEqualTo(Fraction.of(1, 8));
    assertThat(r.shares().share("c")).isEqualTo(Fraction.of(1, 8));
  }

  @Test
  void weightZeroGetsNothing() {
    var stable = group("stable", 6, ZONES);
    var canary = group("canary", 2, ZONES);
    var r =
        ForwardSplit.of(
            "alb",
            ZONES,
            "rule",
            List.of(tg("s", 1, true, stable), tg("c", 0, true, canary)),
            WeightBasis.DESIRED,
            true);
    assertThat(r.shares().share("stable")).isEqualTo(Fraction.ONE);
    assertThat(r.shares().share("canary")).isEqualTo(Fraction.ZERO);
  }

  @Test
  void allZeroWeightsServeNothing() {
    var stable = group("stable", 6, ZONES);
    var r =
        ForwardSplit.of(
            "alb", ZONES, "rule", List.of(tg("s", 0, true, stable)), WeightBasis.DESIRED, true);
    assertThat(r.allZero()).isTrue();
    assertThat(r.shares().empty()).isTrue();
  }

  /**
   * A target group with no instances (a canary at zero, or ip targets) takes its weight away: the
   * rest keep their ratio.
   */
  @Test
  void emptyTargetGroupIsLeftOutAndTheRestRenormalised() {
    var a = group("a", 2, ZONES);
    var b = group("b", 2, ZONES);
    var empty = group("empty", 0, ZONES);
    var r =
        ForwardSplit.of(
            "alb",
            ZONES,
            "rule",
            List.of(tg("a", 60, true, a), tg("b", 20, true, b), tg("e", 20, true, empty)),
            WeightBasis.DESIRED,
            true);
    assertThat(r.unserved()).isEqualTo(Fraction.of(1, 5));
    assertThat(r.shares().share("a")).isEqualTo(Fraction.of(3, 4));
    assertThat(r.shares().share("b")).isEqualTo(Fraction.of(1, 4));
  }
}
