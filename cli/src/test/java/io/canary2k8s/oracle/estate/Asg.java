package io.canary2k8s.oracle.estate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An Auto Scaling group: its desired capacity (in capacity units when {@code unitsPerInstance} is
 * above 1, as with {@code DesiredCapacityType: vcpu} or weighted instance types), its zones, the
 * classic ELBs and target groups it names, its tags, and the instances it has right now.
 */
public record Asg(
    String name,
    int desired,
    List<String> zones,
    Map<String, String> tags,
    List<String> loadBalancers,
    List<String> targetGroups,
    int unitsPerInstance,
    List<Instance> instances) {

  public static final String TRACK = "canary2k8s.io/track";
  public static final String APP = "canary2k8s.io/app";

  /** One instance as DescribeAutoScalingGroups lists it. */
  public record Instance(String id, String zone, String lifecycle, String health) {}

  public Asg {
    zones = List.copyOf(zones);
    tags = Map.copyOf(new TreeMap<>(tags));
    loadBalancers = List.copyOf(loadBalancers);
    targetGroups = List.copyOf(targetGroups);
    if (desired < 0 || unitsPerInstance < 1 || zones.isEmpty()) {
      throw new IllegalArgumentException("bad Auto Scaling group " + name);
    }
    instances = instances == null ? converged(name, desired / unitsPerInstance, zones) : instances;
    instances = List.copyOf(instances);
  }

  /** A group of {@code desired} instances over {@code zones} (letters or full zone names). */
  public static Asg of(String name, int desired, String... zones) {
    return new Asg(name, desired, Zones.full(zones), Map.of(), List.of(), List.of(), 1, null);
  }

  /** The instances a group has once it converged: InService and Healthy, round robin over zones. */
  static List<Instance> converged(String group, int count, List<String> zones) {
    List<Instance> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(
          new Instance(
              Zones.instanceId(group, i), zones.get(i % zones.size()), "InService", "Healthy"));
    }
    return out;
  }

  public Asg behind(String... classicElbs) {
    return new Asg(
        name,
        desired,
        zones,
        tags,
        List.of(classicElbs),
        targetGroups,
        unitsPerInstance,
        instances);
  }

  public Asg in(String... groups) {
    return new Asg(
        name, desired, zones, tags, loadBalancers, List.of(groups), unitsPerInstance, instances);
  }

  public Asg tag(String key, String value) {
    Map<String, String> t = new TreeMap<>(tags);
    t.put(key, value);
    return new Asg(
        name, desired, zones, t, loadBalancers, targetGroups, unitsPerInstance, instances);
  }

  public Asg track(String track) {
    return tag(TRACK, track);
  }

  /** Desired capacity counts units; each instance is {@code units} of them. */
  public Asg units(int units) {
    return new Asg(name, desired, zones, tags, loadBalancers, targetGroups, units, null);
  }

  public Asg instances(List<Instance> now) {
    return new Asg(name, desired, zones, tags, loadBalancers, targetGroups, unitsPerInstance, now);
  }
}
