package io.canary2k8s.plan;

import io.canary2k8s.inventory.AutoScalingGroup;
import io.canary2k8s.inventory.ClassicLoadBalancer;
import io.canary2k8s.inventory.CrossZone;
import io.canary2k8s.inventory.ListenerV2;
import io.canary2k8s.notes.Notifier;
import io.canary2k8s.split.LoadBalancerShares;
import io.canary2k8s.split.SplitCalculator;
import io.canary2k8s.split.WeightBasis;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The split behind each load balancer of an app, under the weight basis in use and under the other
 * one (for REVIEW.md): a classic ELB's by its zones and cross-zone setting ({@link
 * SplitCalculator}), an ALB/NLB's by its main listener's default rule and by each rule that becomes
 * a route ({@link ElbV2Planner}). Notes where the two bases differ, what was assumed, and what the
 * listeners do that the bundle does not.
 */
final class SplitPlanner {
  private final Estate estate;
  private final WeightBasis basis;
  private final WeightBasis otherBasis;
  private final Notifier notes;
  private final ElbV2Checks v2Checks;
  private final AlbRuleRoutes ruleRoutes;

  SplitPlanner(Estate estate, WeightBasis basis, Notifier notes) {
    this.estate = estate;
    this.v2Checks = new ElbV2Checks(estate.v2(), notes);
    this.ruleRoutes = new AlbRuleRoutes(estate.v2(), notes);
    this.basis = basis;
    this.otherBasis = basis == WeightBasis.DESIRED ? WeightBasis.IN_SERVICE : WeightBasis.DESIRED;
    this.notes = notes;
  }

  /**
   * An app's splits.
   *
   * @param shares load balancer → its split under the basis in use, by name
   * @param other the same under the other basis
   * @param ruleShares {@code <load balancer> <priority, 5 digits>} → the split of an ALB rule that
   *     becomes a route, under the basis in use
   * @param ruleOther the same under the other basis
   * @param ruleRoutes ALB → its rules that become routes, in priority order
   * @param listenerShares {@code <NLB> <PROTO:PORT>} → the split of an NLB's TCP or TLS listener
   *     other than its main one (each listener forwards on its own), under the basis in use
   * @param listenerOther the same under the other basis
   */
  record Splits(
      Map<String, LoadBalancerShares> shares,
      Map<String, LoadBalancerShares> other,
      Map<String, LoadBalancerShares> ruleShares,
      Map<String, LoadBalancerShares> ruleOther,
      Map<String, List<AlbRuleRoutes.RuleRoute>> ruleRoutes,
      Map<String, LoadBalancerShares> listenerShares,
      Map<String, LoadBalancerShares> listenerOther) {

    Splits {
      shares = sorted(shares);
      other = sorted(other);
      ruleShares = sorted(ruleShares);
      ruleOther = sorted(ruleOther);
      ruleRoutes = sorted(ruleRoutes);
      listenerShares = sorted(listenerShares);
      listenerOther = sorted(listenerOther);
    }

    /** The key of an NLB listener's split in {@link #listenerShares}. */
    static String listenerKey(String loadBalancer, ListenerV2 l) {
      return loadBalancer + " " + l.protocol() + ":" + l.port();
    }

    private static <V> Map<String, V> sorted(Map<String, V> m) {
      return Collections.unmodifiableSortedMap(new TreeMap<>(m));
    }

    /** Every split under the basis in use: the load balancers', the rules', the listeners'. */
    List<LoadBalancerShares> inUse() {
      return concat(shares, ruleShares, listenerShares);
    }

    /** Every split under the other basis, in the order of {@link #inUse()}. */
    List<LoadBalancerShares> underOtherBasis() {
      return concat(other, ruleOther, listenerOther);
    }

    @SafeVarargs
    private static List<LoadBalancerShares> concat(Map<String, LoadBalancerShares>... maps) {
      List<LoadBalancerShares> out = new ArrayList<>();
      for (Map<String, LoadBalancerShares> m : maps) {
        out.addAll(m.values());
      }
      return List.copyOf(out);
    }
  }

  /** The maps of {@link Splits} while they are filled. */
  private static final class Collected {
    final Map<String, LoadBalancerShares> shares = new TreeMap<>();
    final Map<String, LoadBalancerShares> other = new TreeMap<>();
    final Map<String, LoadBalancerShares> ruleShares = new TreeMap<>();
    final Map<String, LoadBalancerShares> ruleOther = new TreeMap<>();
    final Map<String, List<AlbRuleRoutes.RuleRoute>> ruleRoutes = new TreeMap<>();
    final Map<String, LoadBalancerShares> listenerShares = new TreeMap<>();
    final Map<String, LoadBalancerShares> listenerOther = new TreeMap<>();

    Splits splits() {
      return new Splits(
          shares, other, ruleShares, ruleOther, ruleRoutes, listenerShares, listenerOther);
    }
  }

  /**
   * The splits behind {@code lbNames} over the app's {@code groups}; {@code trackOf} (group → track
   * name) names the tracks in notes.
   */
  Splits plan(List<String> lbNames, List<AutoScalingGroup> groups, Map<String, String> trackOf) {
    Collected out = new Collected();
    Set<String> checkedTargetGroups = new TreeSet<>();
    for (String lbName : lbNames) {
      if (estate.isV2(lbName)) {
        planV2(lbName, trackOf, out, checkedTargetGroups);
      } else {
        planClassic(estate.classic(lbName), groups, trackOf, out);
      }
    }
    return out.splits();
  }

  private void planClassic(
      ClassicLoadBalancer lb,
      List<AutoScalingGroup> groups,
      Map<String, String> trackOf,
      Collected out) {
    String lbName = lb.name();
    List<AutoScalingGroup> behind =
        groups.stream().filter(g -> g.loadBalancerNames().contains(lbName)).toList();
    boolean assumed = lb.crossZone() == CrossZone.UNKNOWN;
    boolean cz = lb.crossZone() != CrossZone.DISABLED;
    LoadBalancerShares s = SplitCalculator.shares(lb, behind, basis, cz, assumed);
    LoadBalancerShares o = SplitCalculator.shares(lb, behind, otherBasis, cz, assumed);
    out.shares.put(lbName, s);
    out.other.put(lbName, o);
    if (assumed) {
      LoadBalancerShares off = SplitCalculator.shares(lb, behind, basis, false, false);
      notes.warn(
          lbName,
          "Cross-zone load balancing was not captured ("
              + "elb/attributes/"
              + lbName
              + ".json missing); assumed on, the default of ELBs made in the console."
              + (sameShares(s, off)
                  ? " With it off the split would be the same."
                  : " With it off the split would be "
                      + describe(off, trackOf)
                      + " instead of "
                      + describe(s, trackOf)
                      + "."));
    }
    warnIfOtherBasisDiffers(lbName, "The split", s, o, trackOf);
    if (s.empty()) {
      notes.warn(
          lbName,
          "No instances behind this ELB in its zones under the "
              + basis.flag()
              + " basis; its host rules are left out.");
    }
    ClassicElbChecks.check(lb, notes);
  }

  /**
   * The split of an ALB/NLB (its main listener's default rule) and of each of its rules that
   * becomes a route; notes its listeners and target groups (each target group once per app).
   */
  private void planV2(
      String lbName, Map<String, String> trackOf, Collected out, Set<String> checkedTargetGroups) {
    ElbV2Planner v2 = estate.v2();
    ListenerV2 main = v2.mainListener(lbName);
    v2Checks.checkListeners(lbName);
    for (String tg : v2.targetGroupsOf(lbName)) {
      if (checkedTargetGroups.add(tg)) {
        v2Checks.checkTargetGroup(tg);
      }
    }
    if (main == null) {
      notes.warn(
          lbName,
          "No listener of this load balancer forwards by default; its host rules are left out.");
      LoadBalancerShares none = LoadBalancerShares.unread(lbName, basis, "no listener forwards");
      out.shares.put(lbName, none);
      out.other.put(lbName, none);
      return;
    }
    LoadBalancerShares s = v2.split(lbName, main, main.defaultRule(), basis).shares();
    LoadBalancerShares o =
        v2.splitWithoutNotes(lbName, main, main.defaultRule(), otherBasis).shares();
    out.shares.put(lbName, s);
    out.other.put(lbName, o);
    warnIfOtherBasisDiffers(lbName, "The split of " + s.rule(), s, o, trackOf);
    if (s.empty()) {
      notes.warn(
          lbName,
          "No instances behind "
              + s.rule()
              + " in the load balancer's zones under the "
              + basis.flag()
              + " basis; its host rules are left out.");
    }
    for (ListenerV2 l : estate.v2().loadBalancers().get(lbName).listeners()) {
      // an NLB's TCP and TLS listeners become TCP routes, each with its own forward's split
      if (l != main && ListenerRoutes.isTcp(l) && ElbV2Planner.forwards(l.defaultRule())) {
        String key = Splits.listenerKey(lbName, l);
        out.listenerShares.put(key, v2.split(lbName, l, l.defaultRule(), basis).shares());
        out.listenerOther.put(
            key, v2.splitWithoutNotes(lbName, l, l.defaultRule(), otherBasis).shares());
      }
    }
    List<AlbRuleRoutes.RuleRoute> rules = ruleRoutes.of(lbName, basis);
    out.ruleRoutes.put(lbName, rules);
    for (AlbRuleRoutes.RuleRoute rr : rules) {
      String key = lbName + " " + String.format(Locale.ROOT, "%05d", rr.rule().numericPriority());
      out.ruleShares.put(key, rr.split().shares());
      out.ruleOther.put(
          key, v2.splitWithoutNotes(lbName, rr.listener(), rr.rule(), otherBasis).shares());
    }
  }

  /**
   * A warning on {@code lbName} when the other weight basis splits differently: {@code split} names
   * the split ({@code The split}, {@code The split of <rule>}), {@code s} and {@code o} are it
   * under the basis in use and under the other.
   */
  private void warnIfOtherBasisDiffers(
      String lbName,
      String split,
      LoadBalancerShares s,
      LoadBalancerShares o,
      Map<String, String> trackOf) {
    if (!sameShares(s, o)) {
      notes.warn(
          lbName,
          split
              + " by "
              + basis.flag()
              + " is "
              + describe(s, trackOf)
              + "; by "
              + otherBasis.flag()
              + " instances it would be "
              + describe(o, trackOf)
              + " (--weight-basis "
              + otherBasis.flag()
              + ").");
    }
  }

  private static boolean sameShares(LoadBalancerShares a, LoadBalancerShares b) {
    return a.shares().equals(b.shares());
  }

  /** {@code <track> <share>, ...}: a split as notes show it, by track name. */
  private static String describe(LoadBalancerShares s, Map<String, String> trackOf) {
    List<String> parts = new ArrayList<>();
    s.shares().forEach((g, f) -> parts.add(trackOf.getOrDefault(g, g) + " " + f.describe()));
    return String.join(", ", parts);
  }
}
