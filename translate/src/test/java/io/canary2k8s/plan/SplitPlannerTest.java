package io.canary2k8s.plan;

import static io.canary2k8s.plan.TestEstates.A;
import static io.canary2k8s.plan.TestEstates.B;
import static io.canary2k8s.plan.TestEstates.asg;
import static io.canary2k8s.plan.TestEstates.elb;
import static io.canary2k8s.plan.TestEstates.inventory;
import static org.assertj.core.api.Assertions.assertThat;

import io.canary2k8s.inventory.AutoScalingGroup;
import io.canary2k8s.inventory.CrossZone;
import io.canary2k8s.inventory.Instance;
import io.canary2k8s.inventory.Inventory;
import io.canary2k8s.split.Fraction;
import io.canary2k8s.split.LoadBalancerShares;
import io.canary2k8s.split.WeightBasis;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SplitPlannerTest {
  final TestEstates.Recorder notes = new TestEstates.Recorder();

  SplitPlanner.Splits plan(Inventory inventory, WeightBasis basis) {
    Estate estate = new Estate(inventory, notes);
    List<String> lbs = new ArrayList<>(estate.classicLoadBalancers().keySet());
    lbs.addAll(estate.v2().loadBalancers().keySet());
    List<AutoScalingGroup> groups = List.copyOf(estate.groups().values());
    Map<String, String> trackOf = new LinkedHashMap<>();
    groups.forEach(g -> trackOf.put(g.name(), "track-" + g.name()));
    return new SplitPlanner(estate, basis, notes).plan(lbs, groups, trackOf);
  }

  static Inventory classic(CrossZone crossZone, AutoScalingGroup... groups) {
    return inventory(List.of(elb("web", crossZone, Map.of())), List.of(groups), List.of());
  }

  @Test
  void classic_crossZoneOn_sharesByInstances_bothBases() {
    SplitPlanner.Splits s =
        plan(
            classic(CrossZone.ENABLED, asg("main", 9, "web"), asg("canary", 1, "web")),
            WeightBasis.DESIRED);
    LoadBalancerShares web = s.shares().get("web");
    assertThat(web.share("main")).isEqualTo(Fraction.of(9, 10));
    assertThat(web.share("canary")).isEqualTo(Fraction.of(1, 10));
    assertThat(web.crossZone()).isTrue();
    assertThat(s.other().get("web").basis()).isEqualTo(WeightBasis.IN_SERVICE);
    assertThat(s.inUse()).containsExactly(web);
    assertThat(s.ruleRoutes()).isEmpty();
    assertThat(notes.notes).isEmpty();
  }

  @Test
  void classic_crossZoneOff_eachZoneHalf() {
    SplitPlanner.Splits s =
        plan(
            classic(
                CrossZone.DISABLED,
                asg("main", 4, "web"),
                asg("canary", 1, List.of(A), Map.of(), "web")),
            WeightBasis.DESIRED);
    assertThat(s.shares().get("web").share("canary")).isEqualTo(Fraction.of(1, 6));
    assertThat(notes.notes).isEmpty();
  }

  @Test
  void classic_crossZoneNotCaptured_assumedOn_withTheSplitItWouldBeOff() {
    plan(
        classic(
            CrossZone.UNKNOWN,
            asg("main", 4, "web"),
            asg("canary", 1, List.of(A), Map.of(), "web")),
        WeightBasis.DESIRED);
    assertThat(notes.notes)
        .containsExactly(
            "WARNING web: Cross-zone load balancing was not captured (elb/attributes/web.json"
                + " missing); assumed on, the default of ELBs made in the console. With it off the"
                + " split would be track-canary 1/6 (16.667 %), track-main 5/6 (83.333 %) instead of"
                + " track-canary 1/5 (20 %), track-main 4/5 (80 %).");
  }

  @Test
  void classic_basesDiffer_noted_withTheFlagThatGivesTheOther() {
    AutoScalingGroup pending =
        new AutoScalingGroup(
            "canary",
            "arn",
            1,
            1,
            1,
            List.of(A, B),
            List.of("web"),
            List.of(),
            List.of(new Instance("i-1", A, "Pending", null, null)),
            List.of(),
            false,
            List.of(),
            Map.of());
    SplitPlanner.Splits s =
        plan(classic(CrossZone.ENABLED, asg("main", 3, "web"), pending), WeightBasis.DESIRED);
    assertThat(s.other().get("web").share("canary")).isEqualTo(Fraction.ZERO);
    assertThat(notes.notes)
        .containsExactly(
            "WARNING web: The split by desired is track-canary 1/4 (25 %), track-main 3/4 (75 %);"
                + " by in-service instances it would be track-canary 0 (0 %), track-main 1 (100 %)"
                + " (--weight-basis in-service).");
  }

  @Test
  void classic_noInstancesInItsZones_theHostRulesAreLeftOut() {
    plan(
        classic(CrossZone.ENABLED, asg("main", 2, List.of("eu-west-1c"), Map.of(), "web")),
        WeightBasis.DESIRED);
    assertThat(notes.notes)
        .containsExactly(
            "WARNING web: No instances behind this ELB in its zones under the desired basis; its"
                + " host rules are left out.");
  }

  @Test
  void alb_theDefaultRule_andEachRuleThatBecomesARoute() {
    SplitPlanner.Splits s =
        plan(TestEstates.planCase("alb-path-and-host-rules"), WeightBasis.DESIRED);
    assertThat(s.shares().get("portal").rule()).isEqualTo("HTTP:80 default rule");
    assertThat(s.shares().get("portal").share("portal-canary")).isEqualTo(Fraction.of(1, 4));
    assertThat(s.ruleShares()).containsOnlyKeys("portal 00010", "portal 00020");
    assertThat(s.ruleShares().get("portal 00020").share("portal-canary"))
        .isEqualTo(Fraction.of(1, 2));
    assertThat(s.ruleOther()).containsOnlyKeys("portal 00010", "portal 00020");
    assertThat(s.ruleRoutes().get("portal"))
        .extracting(r -> r.rule().priority())
        .containsExactly("10", "20");
    assertThat(s.inUse())
        .extracting(LoadBalancerShares::rule)
        .containsExactly("HTTP:80 default rule", "HTTP:80 rule 10", "HTTP:80 rule 20");
  }
}
