package io.canary2k8s.plan;

import static io.canary2k8s.plan.TestEstates.alb;
import static io.canary2k8s.plan.TestEstates.asg;
import static io.canary2k8s.plan.TestEstates.dns;
import static io.canary2k8s.plan.TestEstates.elb;
import static io.canary2k8s.plan.TestEstates.fed;
import static io.canary2k8s.plan.TestEstates.forward;
import static io.canary2k8s.plan.TestEstates.listener;
import static io.canary2k8s.plan.TestEstates.rule;
import static io.canary2k8s.plan.TestEstates.tg;
import static io.canary2k8s.plan.TestEstates.weighted;
import static org.assertj.core.api.Assertions.assertThat;

import io.canary2k8s.inventory.AutoScalingGroup;
import io.canary2k8s.inventory.ClassicLoadBalancer;
import io.canary2k8s.inventory.DnsRecord;
import io.canary2k8s.inventory.HostedZone;
import io.canary2k8s.inventory.Inventory;
import io.canary2k8s.inventory.LoadBalancerV2;
import io.canary2k8s.inventory.Provenance;
import io.canary2k8s.inventory.RuleCondition;
import io.canary2k8s.inventory.TargetGroup;
import io.canary2k8s.split.Fraction;
import io.canary2k8s.split.WeightBasis;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A path rule under a host that Route53 spreads over several load balancers: each load balancer's
 * DNS share of the rule's paths with what it does with them, flat by group. The estates: a classic
 * ELB {@code shop} (9 stable, 1 canary); ALBs {@code alb-a} and {@code alb-b}, each forwarding by
 * default 1:1 to its own main and canary target groups (2 instances each).
 */
class PathCompositionTest {
  static final String HOST = "shop.example.com";
  final TestEstates.Recorder notes = new TestEstates.Recorder();

  record Setup(PathComposition composition, Map<String, List<AlbRuleRoutes.RuleRoute>> rules) {
    AlbRuleRoutes.RuleRoute rule(String lb, int index) {
      return rules.get(lb).get(index);
    }
  }

  static RuleCondition path(String... patterns) {
    return new RuleCondition("path-pattern", null, List.of(patterns));
  }

  static RuleCondition pathRegex(String regex) {
    return new RuleCondition("path-pattern", null, List.of(), List.of(regex));
  }

  /** ALB {@code name} forwarding by default 1:1 to {@code <name>-main}, {@code <name>-canary}. */
  static LoadBalancerV2 alb2(String name, io.canary2k8s.inventory.ListenerRule... rules) {
    List<io.canary2k8s.inventory.ListenerRule> all = new ArrayList<>(List.of(rules));
    all.add(rule("default", forward(name + "-main", 1, name + "-canary", 1)));
    return alb(
        name, listener("HTTP", 80, all.toArray(io.canary2k8s.inventory.ListenerRule[]::new)));
  }

  Setup setup(List<ClassicLoadBalancer> elbs, List<LoadBalancerV2> albs, List<DnsRecord> records) {
    List<TargetGroup> tgs = new ArrayList<>();
    List<AutoScalingGroup> groups = new ArrayList<>();
    for (ClassicLoadBalancer e : elbs) {
      boolean empty = e.name().startsWith("empty");
      if (!empty) {
        groups.add(asg(e.name() + "-stable", 9, e.name()));
        groups.add(asg(e.name() + "-canary", 1, e.name()));
      }
    }
    for (LoadBalancerV2 a : albs) {
      for (String tg : List.of(a.name() + "-main", a.name() + "-canary")) {
        tgs.add(tg(tg, Map.of()));
        groups.add(fed(tg, 2, tg));
      }
    }
    Inventory inventory =
        new Inventory(
            Inventory.SCHEMA_VERSION,
            new Provenance("test", "eu-west-1", null, null),
            elbs,
            albs,
            tgs,
            groups,
            List.of(new HostedZone(TestEstates.ZONE, "example.com", false)),
            records,
            List.of());
    Estate estate = new Estate(inventory, notes);
    DnsAnswers dnsAnswers = new DnsAnswers(estate, notes);
    List<String> lbs = new ArrayList<>(estate.classicLoadBalancers().keySet());
    lbs.addAll(estate.v2().loadBalancers().keySet());
    List<AutoScalingGroup> all = List.copyOf(estate.groups().values());
    Map<String, String> trackOf = new LinkedHashMap<>();
    all.forEach(g -> trackOf.put(g.name(), g.name()));
    SplitPlanner.Splits splits =
        new SplitPlanner(estate, WeightBasis.DESIRED, notes).plan(lbs, all, trackOf);
    HostSplits hostSplits =
        HostSplits.of(
            List.copyOf(dnsAnswers.hosts().keySet()),
            dnsAnswers,
            splits.shares(),
            splits.ruleRoutes(),
            notes);
    notes.notes.clear();
    return new Setup(
        new PathComposition(estate, hostSplits, splits.shares(), splits.ruleRoutes(), notes),
        splits.ruleRoutes());
  }

  static DnsRecord w(String lb, long weight) {
    return weighted(HOST, dns(lb), lb, weight);
  }

  static Map.Entry<String, Fraction> e(String group, long n, long d) {
    return Map.entry(group, Fraction.of(n, d));
  }

  @Test
  void anElbWeighted3to1WithAnAlbRule_composesTheDnsSharesWithEachSplit() {
    Setup s =
        setup(
            List.of(elb("shop")),
            List.of(alb2("alb-a", rule("5", forward("alb-a-canary", 1), path("/api/*")))),
            List.of(w("shop", 3), w("alb-a", 1)));
    PathComposition.Composed c = s.composition().compose("alb-a", s.rule("alb-a", 0), HOST, "r");
    // 1/4 of /api/* reaches the ALB's rule; 3/4 the ELB's 9:1
    assertThat(c.split())
        .containsExactly(
            e("alb-a-canary", 1, 4), e("shop-canary", 3, 40), e("shop-stable", 27, 40));
    assertThat(c.describe())
        .isEqualTo("alb-a 1/4 (25 %): its HTTP:80 rule 5; shop 3/4 (75 %): its default split");
    assertThat(notes.notes).isEmpty();
  }

  @Test
  void aHostOnTheRulesLoadBalancerAlone_keepsTheRulesRoute() {
    Setup s =
        setup(
            List.of(),
            List.of(alb2("alb-a", rule("5", forward("alb-a-canary", 1), path("/api/*")))),
            List.of(w("alb-a", 1)));
    assertThat(s.composition().compose("alb-a", s.rule("alb-a", 0), HOST, "r")).isNull();
    assertThat(notes.notes).isEmpty();
  }

  @Test
  void twoAlbsWithTheSamePaths_composeTheirRules_andCarryOnce() {
    Setup s =
        setup(
            List.of(),
            List.of(
                alb2("alb-a", rule("5", forward("alb-a-canary", 1), path("/api/*"))),
                alb2("alb-b", rule("9", forward("alb-b-main", 1), path("/api/*")))),
            List.of(w("alb-a", 1), w("alb-b", 1)));
    PathComposition.Composed c = s.composition().compose("alb-a", s.rule("alb-a", 0), HOST, "r");
    assertThat(c.split()).containsExactly(e("alb-a-canary", 1, 2), e("alb-b-main", 1, 2));
    assertThat(c.describe()).contains("alb-b 1/2 (50 %): its HTTP:80 rule 9");
    // the other side composes the same split; the first route made carries it
    assertThat(s.composition().compose("alb-b", s.rule("alb-b", 0), HOST, "r").split())
        .isEqualTo(c.split());
    List<Route.PathMatch> api = s.rule("alb-a", 0).paths();
    assertThat(s.composition().carrier(HOST, api)).isNull();
    s.composition().carry(HOST, api, "alb-a-rule-5-dns");
    assertThat(s.composition().carrier(HOST, s.rule("alb-b", 0).paths()))
        .isEqualTo("alb-a-rule-5-dns");
    assertThat(notes.notes).isEmpty();
  }

  @Test
  void anotherAlbWithDisjointPaths_givesItsDefaultSplit() {
    Setup s =
        setup(
            List.of(),
            List.of(
                alb2("alb-a", rule("5", forward("alb-a-canary", 1), path("/api/*"))),
                alb2("alb-b", rule("9", forward("alb-b-main", 1), path("/web/*", "/api")))),
            List.of(w("alb-a", 1), w("alb-b", 3)));
    PathComposition.Composed c = s.composition().compose("alb-a", s.rule("alb-a", 0), HOST, "r");
    assertThat(c.split())
        .containsExactly(e("alb-a-canary", 1, 4), e("alb-b-canary", 3, 8), e("alb-b-main", 3, 8));
    assertThat(c.describe()).contains("alb-b 3/4 (75 %): its default split");
    assertThat(notes.notes).isEmpty();
  }

  @Test
  void anotherAlbsWiderRule_takesAllThePaths() {
    Setup s =
        setup(
            List.of(),
            List.of(
                alb2("alb-a", rule("5", forward("alb-a-canary", 1), path("/api/v2/*"))),
                alb2("alb-b", rule("9", forward("alb-b-main", 1), path("/api/*")))),
            List.of(w("alb-a", 1), w("alb-b", 1)));
    PathComposition.Composed c = s.composition().compose("alb-a", s.rule("alb-a", 0), HOST, "r");
    assertThat(c.split()).containsExactly(e("alb-a-canary", 1, 2), e("alb-b-main", 1, 2));
    assertThat(notes.notes).isEmpty();
  }

  @Test
  void aPartialOverlap_keepsTheRulesRoute_withAWarningNamingBothRules() {
    Setup s =
        setup(
            List.of(),
            List.of(
                alb2("alb-a", rule("5", forward("alb-a-canary", 1), path("/api/*"))),
                alb2("alb-b", rule("9", forward("alb-b-main", 1), path("/api/v2/*")))),
            List.of(w("alb-a", 1), w("alb-b", 1)));
    assertThat(s.composition().compose("alb-a", s.rule("alb-a", 0), HOST, "alb-a-rule-5")).isNull();
    assertThat(notes.notes)
        .containsExactly(
            "WARNING shop.example.com: Route53 answers this host with alb-a 1/2 (50 %) and with"
                + " alb-b 1/2 (50 %) of the time; alb-a's HTTP:80 rule 5 (paths [/api/*]) and"
                + " alb-b's HTTP:80 rule 9 (paths [/api/v2/*]) cannot be one route: alb-b's rule"
                + " takes only some of those requests (it matches only some of those paths),"
                + " which would need a route of their own inside the composed one. Route"
                + " alb-a-rule-5 takes every request for those paths on this host with alb-a's"
                + " split, so alb-b's share of them is not kept. Point the host at one load"
                + " balancer before the cutover, or check the route's weights by hand.");
  }

  @Test
  void aRegexPathOnEitherSide_couldMatch_unlessTheSame() {
    Setup s =
        setup(
            List.of(),
            List.of(
                alb2("alb-a", rule("5", forward("alb-a-canary", 1), pathRegex("^/v[0-9]+/"))),
                alb2(
                    "alb-b",
                    rule("7", forward("alb-b-main", 1), pathRegex("^/v[0-9]+/")),
                    rule("9", forward("alb-b-canary", 1), path("/web/*")))),
            List.of(w("alb-a", 1), w("alb-b", 1)));
    // the same regular expression on both: alb-b's rule 7 takes the same requests
    assertThat(s.composition().compose("alb-a", s.rule("alb-a", 0), HOST, "r").split())
        .containsExactly(e("alb-a-canary", 1, 2), e("alb-b-main", 1, 2));
    assertThat(notes.notes).isEmpty();
    // /web/* could be matched by alb-a's regex: which of them AWS takes is not known here
    assertThat(s.composition().compose("alb-b", s.rule("alb-b", 1), HOST, "r")).isNull();
    assertThat(notes.notes).singleElement().asString().contains("alb-a's HTTP:80 rule 5");
  }

  @Test
  void threeLoadBalancers_eachWithItsShare() {
    Setup s =
        setup(
            List.of(elb("shop")),
            List.of(
                alb2("alb-a", rule("5", forward("alb-a-canary", 1), path("/api/*"))),
                alb2("alb-b")),
            List.of(w("shop", 2), w("alb-a", 1), w("alb-b", 1)));
    PathComposition.Composed c = s.composition().compose("alb-a", s.rule("alb-a", 0), HOST, "r");
    assertThat(c.split())
        .containsExactly(
            e("alb-a-canary", 1, 4),
            e("alb-b-canary", 1, 8),
            e("alb-b-main", 1, 8),
            e("shop-canary", 1, 20),
            e("shop-stable", 9, 20));
    assertThat(c.parts())
        .extracting(PathComposition.Part::loadBalancer)
        .containsExactly("alb-a", "alb-b", "shop");
  }

  @Test
  void aLoadBalancerWithoutInstances_itsShareIsLeftOut_theRestInTheirRatio() {
    Setup s =
        setup(
            List.of(elb("empty"), elb("shop")),
            List.of(alb2("alb-a", rule("5", forward("alb-a-canary", 1), path("/api/*")))),
            List.of(w("empty", 2), w("shop", 1), w("alb-a", 1)));
    PathComposition.Composed c = s.composition().compose("alb-a", s.rule("alb-a", 0), HOST, "r");
    // 1/4 ALB rule, 1/4 ELB shop, 1/2 errors on AWS (HostSplits warns): the rest 1:1
    assertThat(c.split())
        .containsExactly(e("alb-a-canary", 1, 2), e("shop-canary", 1, 20), e("shop-stable", 9, 20));
    assertThat(c.describe()).contains("empty 1/2 (50 %): no instances (AWS answers with an error)");
  }

  @Test
  void anUnmigratedRuleThatCouldMatch_isAWarning_theCompositionStands() {
    Setup s =
        setup(
            List.of(),
            List.of(
                alb2("alb-a", rule("5", forward("alb-a-canary", 1), path("/api/*"))),
                alb2(
                    "alb-b",
                    rule(
                        "3",
                        forward("alb-b-canary", 1),
                        new RuleCondition("http-header", "X-Beta", List.of("1"))),
                    rule(
                        "4",
                        forward("alb-b-canary", 1),
                        new RuleCondition("host-header", null, List.of("other.example.com"))))),
            List.of(w("alb-a", 1), w("alb-b", 1)));
    notes.notes.clear();
    PathComposition.Composed c = s.composition().compose("alb-a", s.rule("alb-a", 0), HOST, "r");
    assertThat(c.split())
        .containsExactly(e("alb-a-canary", 1, 2), e("alb-b-canary", 1, 4), e("alb-b-main", 1, 4));
    // rule 4 is migrated but for another host; rule 3 (a header) is not migrated
    assertThat(notes.notes)
        .singleElement()
        .asString()
        .startsWith("WARNING shop.example.com:")
        .contains("alb-b 1/2 (50 %)", "HTTP:80 rule 3", "not exact");
  }

  @Test
  void pathsOverlapAndCover() {
    Route.PathMatch api = new Route.PathMatch("/api/", true);
    Route.PathMatch v2 = new Route.PathMatch("/api/v2/", true);
    Route.PathMatch exact = new Route.PathMatch("/api", false);
    assertThat(PathComposition.overlaps(List.of(api), List.of(v2))).isTrue();
    assertThat(PathComposition.overlaps(List.of(exact), List.of(api))).isFalse();
    assertThat(PathComposition.covers(List.of(api), List.of(v2))).isTrue();
    assertThat(PathComposition.covers(List.of(v2), List.of(api))).isFalse();
    assertThat(PathComposition.covers(List.of(), List.of(api))).isTrue();
    assertThat(PathComposition.applies(List.of("*.example.com"), List.of(), HOST))
        .isEqualTo(PathComposition.Applies.YES);
    assertThat(PathComposition.applies(List.of(HOST), List.of(), "*.example.com"))
        .isEqualTo(PathComposition.Applies.SOME);
  }
}
