package io.canary2k8s.split;

import io.canary2k8s.inventory.AutoScalingGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The split behind an ALB/NLB listener rule (docs/design.md, "Behind an ALB or NLB"): a forward
 * action with weighted target groups {@code (TG_i, w_i)} gives an Auto Scaling group S
 *
 * <pre>share(S) = Σ_i (w_i / Σ_j w_j) · share_in_TG(S, TG_i)</pre>
 *
 * <p>where {@code share_in_TG} is the classic formula over the target group's Auto Scaling groups
 * in the load balancer's zones, with the target group's own cross-zone setting. Target groups of
 * weight 0 get nothing. A target group whose groups have no instance takes its weight with it: the
 * result is renormalised over the rest and {@link Result#unserved()} says how much was left out.
 * Exact rationals throughout.
 */
public final class ForwardSplit {
  private ForwardSplit() {}

  /** One weighted target group of the action, with its Auto Scaling groups and cross-zone. */
  public record Member(
      String targetGroup,
      int weight,
      List<AutoScalingGroup> groups,
      boolean crossZone,
      String crossZoneSource) {}

  /**
   * @param shares the split, per Auto Scaling group, summing to 1 (or empty when nothing is served)
   * @param unserved the part of the weights whose target groups have no instances (0 when none)
   * @param allZero every weight is 0
   */
  public record Result(LoadBalancerShares shares, Fraction unserved, boolean allZero) {}

  public static Result of(
      String loadBalancer,
      List<String> zones,
      String rule,
      List<Member> members,
      WeightBasis basis,
      boolean lbCrossZone) {
    long total = members.stream().mapToLong(Member::weight).sum();
    SortedMap<String, SortedMap<String, Fraction>> counts = new TreeMap<>();
    SortedMap<String, Fraction> shares = new TreeMap<>();
    List<TargetGroupShare> tgs = new ArrayList<>();
    List<String> terms = new ArrayList<>();
    java.util.Set<String> active = new java.util.TreeSet<>();
    Fraction unserved = Fraction.ZERO;
    for (Member m : members) {
      Fraction w = total == 0 ? Fraction.ZERO : Fraction.of(m.weight(), total);
      LoadBalancerShares in =
          SplitCalculator.shares(m.targetGroup(), zones, m.groups(), basis, m.crossZone(), false);
      counts.putAll(in.counts());
      for (String g : in.shares().keySet()) {
        shares.putIfAbsent(g, Fraction.ZERO);
      }
      SortedMap<String, Fraction> inGroup = in.empty() ? new TreeMap<>() : in.shares();
      tgs.add(
          new TargetGroupShare(
              m.targetGroup(), m.weight(), w, m.crossZone(), m.crossZoneSource(), inGroup));
      if (w.isZero()) {
        continue;
      }
      if (in.empty()) {
        unserved = unserved.plus(w);
        continue;
      }
      active.addAll(in.activeZones());
      inGroup.forEach((g, f) -> shares.merge(g, w.times(f), Fraction::plus));
      terms.add(
          w.describe()
              + " · share_in("
              + m.targetGroup()
              + ", cross-zone "
              + (m.crossZone() ? "on" : "off")
              + ")");
    }
    Fraction served = Fraction.ONE.minus(unserved);
    if (total > 0 && !served.isZero() && !unserved.isZero()) {
      shares.replaceAll((g, f) -> f.dividedBy(served));
    }
    if (total == 0 || served.isZero()) {
      shares.replaceAll((g, f) -> Fraction.ZERO);
    }
    String formula =
        "share = Σ_i (w_i/Σw) · share_in_TG_i = "
            + (terms.isEmpty() ? "0" : String.join(" + ", terms))
            + "; share_in_TG: n_track / n_all (cross-zone on) or Σ_z∈Z* (1/|Z*|) · n_track,z / n_all,z (off)"
            + (unserved.isZero()
                ? ""
                : "; divided by "
                    + served.describe()
                    + " (target groups without instances left out)");
    LoadBalancerShares s =
        new LoadBalancerShares(
            loadBalancer,
            basis,
            lbCrossZone,
            false,
            counts,
            List.copyOf(active),
            shares,
            formula,
            rule,
            tgs);
    return new Result(s, unserved, total == 0);
  }
}
