package io.canary2k8s.plan;

import static io.canary2k8s.plan.TestEstates.asg;
import static io.canary2k8s.plan.TestEstates.cname;
import static io.canary2k8s.plan.TestEstates.dns;
import static io.canary2k8s.plan.TestEstates.elb;
import static io.canary2k8s.plan.TestEstates.inventory;
import static io.canary2k8s.plan.TestEstates.weighted;
import static org.assertj.core.api.Assertions.assertThat;

import io.canary2k8s.inventory.AutoScalingGroup;
import io.canary2k8s.inventory.Inventory;
import io.canary2k8s.split.Fraction;
import io.canary2k8s.split.WeightBasis;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostSplitsTest {
  final TestEstates.Recorder notes = new TestEstates.Recorder();

  HostSplits of(Inventory inventory) {
    Estate estate = new Estate(inventory, notes);
    DnsAnswers dns = new DnsAnswers(estate, notes);
    List<String> lbs = new ArrayList<>(estate.classicLoadBalancers().keySet());
    lbs.addAll(estate.v2().loadBalancers().keySet());
    List<AutoScalingGroup> groups = List.copyOf(estate.groups().values());
    Map<String, String> trackOf = new LinkedHashMap<>();
    groups.forEach(g -> trackOf.put(g.name(), g.name()));
    SplitPlanner.Splits splits =
        new SplitPlanner(estate, WeightBasis.DESIRED, notes).plan(lbs, groups, trackOf);
    notes.notes.clear();
    return HostSplits.of(
        List.copyOf(dns.hosts().keySet()), dns, splits.shares(), splits.ruleRoutes(), notes);
  }

  /** Blue: 3 stable and 1 canary; green: 1 canary. */
  static Inventory blueGreen(String... hostsAndLbs) {
    List<io.canary2k8s.inventory.DnsRecord> records = new ArrayList<>();
    for (int i = 0; i < hostsAndLbs.length; i += 2) {
      records.add(cname(hostsAndLbs[i], hostsAndLbs[i + 1]));
    }
    return inventory(
        List.of(elb("blue"), elb("green")),
        List.of(asg("stable", 3, "blue"), asg("canary", 1, "blue", "green")),
        records);
  }

  @Test
  void aHost_getsTheSplitOfItsLoadBalancer() {
    HostSplits s = of(blueGreen("a.example.com", "blue", "c.example.com", "green"));
    assertThat(s.split("a.example.com"))
        .containsExactly(
            Map.entry("canary", Fraction.of(1, 4)), Map.entry("stable", Fraction.of(3, 4)));
    assertThat(s.split("c.example.com")).containsExactly(Map.entry("canary", Fraction.ONE));
    assertThat(s.loadBalancers("c.example.com")).containsExactly("green");
    assertThat(notes.notes).isEmpty();
  }

  @Test
  void aWeightedHost_composesTheAnswersWithEachLoadBalancersSplit() {
    Inventory inv =
        inventory(
            List.of(elb("blue"), elb("green")),
            List.of(asg("stable", 3, "blue"), asg("canary", 1, "blue", "green")),
            List.of(
                weighted("w.example.com", dns("blue"), "b", 1),
                weighted("w.example.com", dns("green"), "g", 1)));
    HostSplits s = of(inv);
    // 1/2 · 3/4 stable; 1/2 · 1/4 + 1/2 · 1 canary
    assertThat(s.split("w.example.com"))
        .containsExactly(
            Map.entry("canary", Fraction.of(5, 8)), Map.entry("stable", Fraction.of(3, 8)));
    assertThat(s.loadBalancers("w.example.com")).containsExactly("blue", "green");
  }

  @Test
  void aSchemesSplit_keepsTheLoadBalancersThatListen_inTheirRatio() {
    Inventory inv =
        inventory(
            List.of(elb("blue"), elb("green")),
            List.of(asg("stable", 3, "blue"), asg("canary", 1, "blue", "green")),
            List.of(
                weighted("w.example.com", dns("blue"), "b", 1),
                weighted("w.example.com", dns("green"), "g", 3)));
    HostSplits s = of(inv);
    // every load balancer listens: the host's split
    assertThat(s.split("w.example.com", lb -> true)).isEqualTo(s.split("w.example.com"));
    // only blue listens: its split alone (AWS refuses green's 3/4)
    assertThat(s.split("w.example.com", "blue"::equals))
        .containsExactly(
            Map.entry("canary", Fraction.of(1, 4)), Map.entry("stable", Fraction.of(3, 4)));
    assertThat(s.split("w.example.com", "green"::equals))
        .containsExactly(Map.entry("canary", Fraction.ONE));
    assertThat(s.split("w.example.com", lb -> false)).isNull();
  }

  @Test
  void groups_hostsWithTheSameLoadBalancersAndSplit_share() {
    HostSplits s =
        of(blueGreen("b.example.com", "blue", "a.example.com", "blue", "c.example.com", "green"));
    assertThat(s.groups())
        .containsExactly(List.of("a.example.com", "b.example.com"), List.of("c.example.com"));
    assertThat(s.hostsOf("blue")).containsExactly("a.example.com", "b.example.com");
  }

  @Test
  void groups_anExplicitNameAndAWildcard_neverShareARoute() {
    HostSplits s =
        of(blueGreen("*.example.com", "blue", "a.example.com", "blue", "b.example.com", "blue"));
    // one route per rank, so that each router carries its hosts' priority (RoutePriority)
    assertThat(s.groups())
        .containsExactlyInAnyOrder(
            List.of("a.example.com", "b.example.com"), List.of("*.example.com"));
  }

  @Test
  void aHostWithNothingToServeIt_isNoted_andNotRouted() {
    Inventory inv =
        inventory(
            List.of(elb("blue")),
            List.of(asg("stable", 2, List.of("eu-west-1c"), Map.of(), "blue")),
            List.of(cname("a.example.com", "blue")));
    HostSplits s = of(inv);
    assertThat(s.groups()).isEmpty();
    assertThat(s.hostsOf("blue")).isEmpty();
    assertThat(notes.notes)
        .containsExactly(
            "WARNING a.example.com: Host points at [blue] with no instances to serve it; no rule"
                + " emitted.");
  }

  /** admin.example.com is taken whole by rule 10 of the ALB: its route is the rule's. */
  @Test
  void aHostAnAlbRuleTakesWhole_isLeftToTheRule_butStillAHostOfTheAlb() {
    HostSplits s = of(TestEstates.planCase("alb-path-and-host-rules"));
    assertThat(s.groups()).containsExactly(List.of("portal.example.com"));
    assertThat(s.hostsOf("portal")).containsExactly("admin.example.com", "portal.example.com");
    assertThat(notes.notes).isEmpty();
  }
}
