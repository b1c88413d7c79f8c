package io.canary2k8s.split;

import io.canary2k8s.inventory.AutoScalingGroup;
import io.canary2k8s.inventory.ClassicLoadBalancer;
import io.canary2k8s.inventory.Instance;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Recovers how a classic ELB divides its requests among the Auto Scaling groups attached to it
 * (docs/design.md, "Behind a classic ELB"; AWS "How Elastic Load Balancing works"):
 *
 * <ul>
 *   <li>cross-zone on: {@code share = n_track / n_all}
 *   <li>cross-zone off: {@code share = Σ_{z∈Z*} (1/|Z*|) · n_track,z / n_all,z}, where Z* are the
 *       ELB's zones that have instances
 * </ul>
 *
 * <p>Only instances in the ELB's enabled zones count: AWS sends nothing to registered targets in a
 * zone the load balancer does not have. Exact rationals throughout.
 */
public final class SplitCalculator {
  private SplitCalculator() {}

  /**
   * Per zone, the instances of {@code group} counted under {@code basis}: under {@code desired},
   * the instances it converges to ({@link Capacity}) spread evenly over its zones, or its
   * in-service instances where they are, when its capacity units do not say how many instances it
   * converges to.
   */
  public static SortedMap<String, Fraction> zoneCounts(AutoScalingGroup group, WeightBasis basis) {
    SortedMap<String, Fraction> out = new TreeMap<>();
    Capacity capacity = basis == WeightBasis.DESIRED ? Capacity.of(group) : null;
    if (capacity != null && !capacity.inService()) {
      List<String> zones = group.availabilityZones();
      if (zones.isEmpty()) {
        return out;
      }
      Fraction each = Fraction.of(capacity.desired(), zones.size());
      for (String z : zones) {
        out.put(z, each);
      }
    } else {
      for (Instance i : group.instances()) {
        if (i.serving()) {
          out.merge(i.availabilityZone(), Fraction.ONE, Fraction::plus);
        }
      }
    }
    return out;
  }

  /**
   * The shares of {@code groups} behind {@code lb}.
   *
   * @param crossZone the cross-zone setting to use (the caller resolves UNKNOWN)
   * @param assumed whether that setting was assumed rather than captured
   */
  public static LoadBalancerShares shares(
      ClassicLoadBalancer lb,
      List<AutoScalingGroup> groups,
      WeightBasis basis,
      boolean crossZone,
      boolean assumed) {
    return shares(lb.name(), lb.availabilityZones(), groups, basis, crossZone, assumed);
  }

  /**
   * The shares of {@code groups} behind a load balancer (or one target group of it) named {@code
   * name} whose zones are {@code zones}.
   */
  public static LoadBalancerShares shares(
      String name,
      List<String> zones,
      List<AutoScalingGroup> groups,
      WeightBasis basis,
      boolean crossZone,
      boolean assumed) {
    Set<String> lbZones = new TreeSet<>(zones);
    SortedMap<String, SortedMap<String, Fraction>> counts = new TreeMap<>();
    SortedMap<String, Fraction> allByZone = new TreeMap<>();
    for (AutoScalingGroup g : groups) {
      SortedMap<String, Fraction> inLb = new TreeMap<>();
      zoneCounts(g, basis)
          .forEach(
              (zone, n) -> {
                if (lbZones.contains(zone) && !n.isZero()) {
                  inLb.put(zone, n);
                  allByZone.merge(zone, n, Fraction::plus);
                }
              });
      counts.put(g.name(), inLb);
    }
    List<String> active = new ArrayList<>(allByZone.keySet());
    SortedMap<String, Fraction> shares = new TreeMap<>(); // both branches give every group a share
    String formula;
    if (crossZone) {
      Fraction all = Fraction.ZERO;
      for (Fraction f : allByZone.values()) {
        all = all.plus(f);
      }
      for (var e : counts.entrySet()) {
        Fraction mine = Fraction.ZERO;
        for (Fraction f : e.getValue().values()) {
          mine = mine.plus(f);
        }
        shares.put(e.getKey(), all.isZero() ? Fraction.ZERO : mine.dividedBy(all));
      }
      formula = "share = n_track / n_all (cross-zone on)";
    } else {
      Fraction perZone = active.isEmpty() ? Fraction.ZERO : Fraction.of(1, active.size());
      for (var e : counts.entrySet()) {
        Fraction s = Fraction.ZERO;
        for (String z : active) {
          Fraction mine = e.getValue().getOrDefault(z, Fraction.ZERO);
          s = s.plus(perZone.times(mine.dividedBy(allByZone.get(z))));
        }
        shares.put(e.getKey(), s);
      }
      formula =
          "share = Σ_z∈Z* (1/|Z*|) · n_track,z / n_all,z (cross-zone off), Z* = {"
              + String.join(", ", active)
              + "}";
    }
    return new LoadBalancerShares(name, basis, crossZone, assumed, counts, active, shares, formula);
  }
}
