package io.canary2k8s.oracle.aws;

import io.canary2k8s.oracle.estate.Asg;
import io.canary2k8s.split.Fraction;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a load balancer node spreads requests over the instances behind it (the ELB User Guide,
 * "Cross-zone load balancing"), with instances counted as README "The recovered split" promises
 * under {@code --weight-basis desired}: each group's desired capacity, in instances, spread evenly
 * over the group's zones; only the load balancer's zones count.
 */
final class Spread {
  /** The key under which instances registered by hand (no group) are counted. */
  static final String MANUAL = "(instances registered by hand)";

  private Spread() {}

  /**
   * Each member's share (zero shares left out); the shares sum to 1, or the map is empty when no
   * member has an instance in the load balancer's zones.
   */
  static Map<String, Fraction> shares(
      List<Asg> groups, Map<String, Integer> manual, List<String> lbZones, boolean crossZone) {
    Map<String, Map<String, Fraction>> n = new TreeMap<>();
    Map<String, Fraction> perZone = new TreeMap<>();
    for (Asg g : groups) {
      Map<String, Fraction> mine = n.computeIfAbsent(g.name(), k -> new TreeMap<>());
      for (String z : g.zones()) {
        if (lbZones.contains(z) && g.desired() > 0) {
          Fraction count =
              new Fraction(
                  BigInteger.valueOf(g.desired()),
                  BigInteger.valueOf((long) g.unitsPerInstance() * g.zones().size()));
          mine.merge(z, count, Fraction::plus);
          perZone.merge(z, count, Fraction::plus);
        }
      }
    }
    manual.forEach(
        (z, count) -> {
          if (lbZones.contains(z) && count > 0) {
            n.computeIfAbsent(MANUAL, k -> new TreeMap<>())
                .merge(z, Fraction.of(count, 1), Fraction::plus);
            perZone.merge(z, Fraction.of(count, 1), Fraction::plus);
          }
        });
    Map<String, Fraction> out = new TreeMap<>();
    Fraction all = perZone.values().stream().reduce(Fraction.ZERO, Fraction::plus);
    if (all.isZero()) {
      return out;
    }
    Fraction nodes = Fraction.of(1, perZone.size()); // Z*: the zones with instances
    n.forEach(
        (member, zones) -> {
          Fraction s = Fraction.ZERO;
          if (crossZone) {
            s = zones.values().stream().reduce(Fraction.ZERO, Fraction::plus).dividedBy(all);
          } else {
            for (var e : zones.entrySet()) {
              s = s.plus(nodes.times(e.getValue().dividedBy(perZone.get(e.getKey()))));
            }
          }
          if (!s.isZero()) {
            out.put(member, s);
          }
        });
    return out;
  }
}
