package io.canary2k8s.split;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The recovered split behind one classic ELB: each attached Auto Scaling group's share of the
 * requests the ELB receives, with the inputs and the formula that gave it.
 *
 * @param crossZone whether cross-zone load balancing was used in the formula
 * @param crossZoneAssumed true when the ELB's attributes were not captured and cross-zone was
 *     assumed
 * @param counts per group, per zone, the instance counts used (desired capacity spread evenly over
 *     the group's zones, or in-service instances); zones outside the ELB are left out
 * @param activeZones the ELB zones that have instances (Z*)
 * @param shares per group, its share; groups with no instances in the ELB's zones get zero
 * @param formula the formula, in words, as REVIEW.md shows it
 * @param rule for an ALB/NLB, the listener rule whose forward gives the split (e.g. {@code
 *     HTTPS:443 default rule}), else null
 * @param targetGroups for an ALB/NLB, the weighted target groups of that rule, else empty
 */
public record LoadBalancerShares(
    String loadBalancer,
    WeightBasis basis,
    boolean crossZone,
    boolean crossZoneAssumed,
    SortedMap<String, SortedMap<String, Fraction>> counts,
    List<String> activeZones,
    SortedMap<String, Fraction> shares,
    String formula,
    String rule,
    List<TargetGroupShare> targetGroups) {

  /** A classic ELB's split. */
  public LoadBalancerShares(
      String loadBalancer,
      WeightBasis basis,
      boolean crossZone,
      boolean crossZoneAssumed,
      SortedMap<String, SortedMap<String, Fraction>> counts,
      List<String> activeZones,
      SortedMap<String, Fraction> shares,
      String formula) {
    this(
        loadBalancer,
        basis,
        crossZone,
        crossZoneAssumed,
        counts,
        activeZones,
        shares,
        formula,
        null,
        List.of());
  }

  /**
   * The split of a load balancer from which none can be read (e.g. no listener forwards): no
   * groups, no zones, no rule; cross-zone on, not assumed.
   *
   * @param why the reason, shown where the formula would be
   */
  public static LoadBalancerShares unread(String loadBalancer, WeightBasis basis, String why) {
    return new LoadBalancerShares(
        loadBalancer, basis, true, false, new TreeMap<>(), List.of(), new TreeMap<>(), why);
  }

  /** Whether this is an ALB/NLB's split (it comes from a listener rule). */
  public boolean isLoadBalancerV2() {
    return rule != null;
  }

  public LoadBalancerShares {
    counts = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(counts));
    activeZones = List.copyOf(activeZones);
    shares = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(shares));
    targetGroups = targetGroups == null ? List.of() : List.copyOf(targetGroups);
  }

  /** True when no group has an instance in the ELB's zones: nothing can be routed. */
  public boolean empty() {
    return shares.values().stream().allMatch(Fraction::isZero);
  }

  public Fraction share(String group) {
    return shares.getOrDefault(group, Fraction.ZERO);
  }

  /** Total instances counted for a group over the ELB's zones. */
  public Fraction total(String group) {
    Fraction t = Fraction.ZERO;
    for (Fraction f : counts.getOrDefault(group, new java.util.TreeMap<>()).values()) {
      t = t.plus(f);
    }
    return t;
  }
}
