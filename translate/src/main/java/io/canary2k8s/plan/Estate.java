package io.canary2k8s.plan;

import io.canary2k8s.inventory.AutoScalingGroup;
import io.canary2k8s.inventory.ClassicLoadBalancer;
import io.canary2k8s.inventory.DnsNames;
import io.canary2k8s.inventory.Inventory;
import io.canary2k8s.notes.Notifier;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The inventory indexed for the plan: classic ELBs and Auto Scaling groups by name, the ALBs and
 * NLBs ({@link ElbV2Planner}), which load balancer a DNS name is, how many groups are behind each
 * load balancer, and the Route53 zones as a resolver reads them ({@link Route53Zones}). Built once
 * on the calling thread, read-only after: every app's job reads it.
 */
final class Estate {
  private final Inventory inventory;

  /**
   * Name → classic ELB and name → Auto Scaling group, in name order: looked up for every app, track
   * and route, so hashed, and iterated in that fixed order.
   */
  private final Map<String, ClassicLoadBalancer> classic;

  private final Map<String, AutoScalingGroup> groups;

  /** The ALBs and NLBs: their groups, splits and rules. */
  private final ElbV2Planner v2;

  /** {@link DnsNames#loadBalancerKey} of a load balancer's DNS name → its name. */
  private final Map<String, String> byDnsKey = new HashMap<>();

  /** Load balancer → how many groups of the whole inventory are behind it (not per app). */
  private final Map<String, Long> groupsBehind = new HashMap<>();

  /** The Route53 zones and their records, indexed for resolution. */
  private final Route53Zones zones;

  /** Indexes {@code inventory}; notes the ALBs and NLBs and target groups that are left out. */
  Estate(Inventory inventory, Notifier notes) {
    this.inventory = inventory;
    this.classic = byName(inventory.classicLoadBalancers(), ClassicLoadBalancer::name);
    this.groups = byName(inventory.autoScalingGroups(), AutoScalingGroup::name);
    for (ClassicLoadBalancer lb : inventory.classicLoadBalancers()) {
      byDnsKey.put(DnsNames.loadBalancerKey(lb.dnsName()), lb.name());
    }
    for (AutoScalingGroup g : groups.values()) {
      for (String lb : new TreeSet<>(g.loadBalancerNames())) {
        groupsBehind.merge(lb, 1L, Long::sum);
      }
    }
    v2 = new ElbV2Planner(inventory, classic.keySet(), notes);
    v2.byDnsKey().forEach(byDnsKey::putIfAbsent);
    for (String lb : v2.loadBalancers().keySet()) {
      groupsBehind.put(lb, (long) v2.groupsBehind(lb).size());
    }
    zones = new Route53Zones(inventory, notes);
  }

  /** {@code items} by name, iterated in name order (the last of a name wins, as in a TreeMap). */
  private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
    Map<String, T> sorted = new TreeMap<>();
    items.forEach(i -> sorted.put(name.apply(i), i));
    return new LinkedHashMap<>(sorted);
  }

  Inventory inventory() {
    return inventory;
  }

  /** The classic ELBs by name, iterated in name order. */
  Map<String, ClassicLoadBalancer> classicLoadBalancers() {
    return classic;
  }

  /** The classic ELB of that name, or null (an ALB/NLB, or none). */
  ClassicLoadBalancer classic(String name) {
    return classic.get(name);
  }

  /** The Auto Scaling groups by name, iterated in name order. */
  Map<String, AutoScalingGroup> groups() {
    return groups;
  }

  AutoScalingGroup group(String name) {
    return groups.get(name);
  }

  ElbV2Planner v2() {
    return v2;
  }

  /** Whether {@code lb} is a migrated ALB or NLB. */
  boolean isV2(String lb) {
    return v2.isV2(lb);
  }

  /** The load balancer whose DNS name has this {@link DnsNames#loadBalancerKey}, or null. */
  String loadBalancerByDnsKey(String key) {
    return byDnsKey.get(key);
  }

  /** The Route53 zones of the inventory, public and private, with their records. */
  Route53Zones zones() {
    return zones;
  }

  /** How many Auto Scaling groups of the inventory are behind {@code lb}. */
  long groupsBehind(String lb) {
    return groupsBehind.getOrDefault(lb, 0L);
  }
}
