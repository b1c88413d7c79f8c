package io.canary2k8s.split;

import io.canary2k8s.inventory.AutoScalingGroup;
import io.canary2k8s.inventory.AutoScalingGroup.InstanceOverride;
import io.canary2k8s.inventory.Instance;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An Auto Scaling group's capacity in instances: the unit the split, the choice of the stable track
 * by size, the replicas and the HPA count in. The one place that reads desired capacity and minimum
 * and maximum size from a group.
 *
 * <p>A group's sizes count capacity units: instances, unless its mixed instances policy gives its
 * instance types a {@code WeightedCapacity} or its {@code DesiredCapacityType} is {@code vcpu} or
 * {@code memory-mib}. Load balancers balance per registered instance, whatever its size, so the
 * units are turned into the instances the group converges to: with {@code w} the units one instance
 * counts for, {@code n = ⌈units / w⌉} (AWS launches until the desired capacity is met, even if that
 * exceeds it; it exceeds the maximum by less than one instance's weight). {@code w} is 1 when no
 * weight is given; else the one weight shared by the group's instance type overrides and its
 * in-service instances (under {@code vcpu}/{@code memory-mib}, the in-service instances' weights:
 * their vCPUs or MiB). When they do not share one weight (several instance types of different
 * weights, or no instance to read a vCPU or MiB count from), the instances the group converges to
 * depend on the allocation strategy: then the desired count is the group's in-service instances,
 * and min and max are bounded by the largest and the smallest weight.
 *
 * @param desired the instances the group converges to
 * @param min the fewest instances the group runs
 * @param max the most instances the group runs
 * @param weight the units one instance counts for, or null when they differ ({@link #inService})
 * @param units the group's sizes as AWS gives them: {@code desired}, {@code min}, {@code max}
 * @param unitName what a unit is: {@code instances}, {@code units}, {@code vCPUs} or {@code MiB}
 * @param weightsFrom where the weight was read, e.g. {@code instance type m5.xlarge}; the weights
 *     read, by the item that gave each, when they differ; empty when capacity counts instances
 */
public record Capacity(
    int desired,
    int min,
    int max,
    Integer weight,
    Units units,
    String unitName,
    Map<String, Integer> weightsFrom) {

  /** The group's sizes as given, in its units. */
  public record Units(int min, int desired, int max) {}

  public Capacity {
    weightsFrom = java.util.Collections.unmodifiableMap(new TreeMap<>(weightsFrom));
  }

  /** The capacity of {@code g} in instances. */
  public static Capacity of(AutoScalingGroup g) {
    Units units = new Units(g.minSize(), g.desiredCapacity(), g.maxSize());
    String type = g.desiredCapacityType();
    boolean attributes = "vcpu".equals(type) || "memory-mib".equals(type);
    String unitName = "vcpu".equals(type) ? "vCPUs" : "memory-mib".equals(type) ? "MiB" : "units";
    Map<String, Integer> from = new TreeMap<>();
    if (!attributes) {
      for (InstanceOverride o : g.instanceOverrides()) {
        if (o.weightedCapacity() != null) {
          from.put(
              "instance type " + (o.instanceType() == null ? "(by attributes)" : o.instanceType()),
              o.weightedCapacity());
        }
      }
    }
    boolean weighted =
        attributes
            || !from.isEmpty()
            || g.instances().stream().anyMatch(i -> i.serving() && i.weightedCapacity() != null);
    for (Instance i : g.instances()) {
      if (weighted && i.serving()) {
        // an instance keeps the weight it launched with, even when its type's weight changed
        from.put(
            "instance " + i.instanceId(), i.weightedCapacity() == null ? 1 : i.weightedCapacity());
      }
    }
    if (from.isEmpty() && !attributes) {
      return new Capacity(
          units.desired(), units.min(), units.max(), 1, units, "instances", Map.of());
    }
    TreeSet<Integer> weights = new TreeSet<>(from.values());
    if (weights.size() == 1 && weights.iterator().next() >= 1) {
      int w = weights.iterator().next();
      String first =
          from.keySet().stream()
              .filter(k -> k.startsWith("instance type"))
              .findFirst()
              .orElse(from.keySet().iterator().next());
      return new Capacity(
          ceil(units.desired(), w),
          ceil(units.min(), w),
          ceil(units.max(), w),
          w,
          units,
          unitName,
          Map.of(first, w));
    }
    int serving = 0;
    for (Instance i : g.instances()) {
      if (i.serving()) {
        serving++;
      }
    }
    int smallest = weights.isEmpty() ? 1 : Math.max(1, weights.first());
    int largest = weights.isEmpty() ? 1 : Math.max(1, weights.last());
    int max = Math.max(serving, ceil(units.max(), smallest));
    int min = Math.min(serving, ceil(units.min(), largest));
    return new Capacity(serving, min, max, null, units, unitName, from);
  }

  /** {@code ⌈n / w⌉} for {@code n >= 0}, {@code w >= 1}. */
  private static int ceil(int n, int w) {
    return n <= 0 ? 0 : (n + w - 1) / w;
  }

  /** Whether the sizes count instances as given: no weights, or units of one per instance. */
  public boolean countsInstances() {
    return weight != null && weight == 1 && !unitName.equals("vCPUs") && !unitName.equals("MiB");
  }

  /** Whether the desired count is the in-service instances: the weights did not say. */
  public boolean inService() {
    return weight == null;
  }

  /**
   * How the instances were counted, for a note or REVIEW.md: e.g. {@code desired capacity 12 units
   * at 4 per instance (instance type m5.xlarge) = 3 instances}; null when capacity counts
   * instances.
   */
  public String explain() {
    if (countsInstances()) {
      return null;
    }
    if (weight != null) {
      var e = weightsFrom.entrySet().iterator().next();
      return "desired capacity "
          + units.desired()
          + " "
          + unitName
          + " at "
          + weight
          + " per instance ("
          + e.getKey()
          + ") = "
          + desired
          + (desired == 1 ? " instance" : " instances")
          + "; min "
          + units.min()
          + " = "
          + min
          + ", max "
          + units.max()
          + " = "
          + max;
    }
    StringBuilder why = new StringBuilder();
    if (weightsFrom.isEmpty()) {
      why.append("no in-service instance gives its weight");
    } else {
      why.append("instances weigh differently: ");
      int shown = 0;
      for (var e : weightsFrom.entrySet()) {
        if (shown++ == 6) {
          why.append(", and ").append(weightsFrom.size() - 6).append(" more");
          break;
        }
        why.append(shown > 1 ? ", " : "").append(e.getKey()).append(' ').append(e.getValue());
      }
    }
    return "desired capacity "
        + units.desired()
        + " "
        + unitName
        + " cannot be turned into instances ("
        + why
        + "); the "
        + desired
        + " in-service "
        + (desired == 1 ? "instance is" : "instances are")
        + " counted instead; min "
        + units.min()
        + " and max "
        + units.max()
        + " bound "
        + min
        + " to "
        + max
        + " instances";
  }

  /** The instances the group converges to. */
  public static int desired(AutoScalingGroup g) {
    return of(g).desired();
  }

  /** The fewest instances the group runs. */
  public static int min(AutoScalingGroup g) {
    return of(g).min();
  }

  /** The most instances the group runs. */
  public static int max(AutoScalingGroup g) {
    return of(g).max();
  }
}
