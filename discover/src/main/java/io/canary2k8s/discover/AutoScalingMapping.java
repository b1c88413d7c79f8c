package io.canary2k8s.discover;

import io.canary2k8s.input.Node;
import io.canary2k8s.inventory.AutoScalingGroup;
import io.canary2k8s.inventory.Instance;
import io.canary2k8s.inventory.ScalingPolicy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Auto Scaling answers ({@code aws autoscaling describe-auto-scaling-groups}, {@code
 * describe-policies}) into inventory records: the one mapping of these shapes, for a capture's JSON
 * and for live discovery's SDK answers turned into the same JSON (see {@link ElbMapping}).
 */
public final class AutoScalingMapping {
  /** Told what a group is attached to, as soon as that has been read. */
  public interface Source {
    /**
     * The classic ELBs and target groups {@code group} feeds ({@code LoadBalancerNames}, {@code
     * TargetGroupARNs} and {@code TrafficSources}), before its instances are read.
     */
    void attached(Node group, String name, Set<String> loadBalancerNames, Set<String> targetGroups);
  }

  /** A scaling policy and the group it belongs to. */
  public record GroupPolicy(String group, ScalingPolicy policy) {}

  private final Source source;
  private final Set<String> seen = new HashSet<>();

  public AutoScalingMapping(Source source) {
    this.source = source;
  }

  /** The names of the groups mapped so far. */
  public Set<String> names() {
    return seen;
  }

  /**
   * One element of {@code AutoScalingGroups}, with its policies from {@code policies} (by group
   * name). Two groups of one name are refused.
   */
  public AutoScalingGroup group(Node g, Map<String, List<ScalingPolicy>> policies) {
    String name = g.text("AutoScalingGroupName");
    if (!seen.add(name)) {
      throw g.problem("AutoScalingGroupName", "duplicate Auto Scaling group '" + name + "'");
    }
    int min = g.intValue("MinSize", 0, 1_000_000);
    int max = g.intValue("MaxSize", 0, 1_000_000);
    int desired = g.intValue("DesiredCapacity", 0, 1_000_000);
    if (min > max) {
      throw g.problem("MinSize", "MinSize " + min + " is above MaxSize " + max);
    }
    if (desired < min || desired > max) {
      throw g.problem(
          "DesiredCapacity",
          "DesiredCapacity " + desired + " is outside MinSize..MaxSize " + min + ".." + max);
    }
    Set<String> lbNames = new TreeSet<>(g.strings("LoadBalancerNames"));
    Set<String> groupTgs = new TreeSet<>(g.strings("TargetGroupARNs"));
    for (Node ts : g.optArray("TrafficSources")) {
      String type = ts.optText("Type");
      if ("elb".equals(type)) {
        lbNames.add(ts.text("Identifier"));
      } else if ("elbv2".equals(type)) {
        groupTgs.add(ts.text("Identifier"));
      }
    }
    source.attached(g, name, lbNames, groupTgs);
    List<Instance> instances = new ArrayList<>();
    for (Node i : g.optArray("Instances")) {
      instances.add(
          new Instance(
              i.text("InstanceId"),
              i.text("AvailabilityZone"),
              i.text("LifecycleState"),
              i.optText("HealthStatus"),
              i.optText("InstanceType"),
              units(i, "WeightedCapacity")));
    }
    List<String> suspended = new ArrayList<>();
    for (Node s : g.optArray("SuspendedProcesses")) {
      suspended.add(s.text("ProcessName"));
    }
    Map<String, String> tags = new TreeMap<>();
    for (Node t : g.optArray("Tags")) {
      tags.put(t.text("Key"), t.has("Value") ? t.get("Value").asText() : "");
    }
    List<String> zones = g.strings("AvailabilityZones");
    if (zones.isEmpty()) {
      throw g.problem("AvailabilityZones", "is empty");
    }
    String arn = g.optText("AutoScalingGroupARN");
    List<AutoScalingGroup.InstanceOverride> overrides = new ArrayList<>();
    Node mixed = g.optObject("MixedInstancesPolicy");
    Node template = mixed == null ? null : mixed.optObject("LaunchTemplate");
    if (template != null) {
      for (Node o : template.optArray("Overrides")) {
        overrides.add(
            new AutoScalingGroup.InstanceOverride(
                o.optText("InstanceType"), units(o, "WeightedCapacity")));
      }
    }
    return new AutoScalingGroup(
        name,
        arn,
        min,
        max,
        desired,
        zones,
        List.copyOf(lbNames),
        List.copyOf(groupTgs),
        instances,
        suspended,
        mixed != null,
        policies.getOrDefault(name, List.of()),
        tags,
        g.optText("Status"),
        g.optText("DesiredCapacityType"),
        overrides);
  }

  /**
   * The most capacity units a weight may give (a {@code memory-mib} weight is an instance's MiB).
   */
  static final long MAX_UNITS = 1_000_000_000L;

  /**
   * A {@code WeightedCapacity}: capacity units as a string of digits, as AWS sends it (a JSON
   * number is taken too); null when absent.
   */
  private static Integer units(Node n, String field) {
    if (!n.has(field)) {
      return null;
    }
    Node v = n.get(field);
    String text = v.raw().isIntegralNumber() ? v.raw().asText() : v.asText().strip();
    if (text.matches("[0-9]{1,10}")) {
      long units = Long.parseLong(text);
      if (units >= 1 && units <= MAX_UNITS) {
        return (int) units;
      }
    }
    throw v.problem(
        "'" + text + "' is not a whole number of capacity units from 1 to " + MAX_UNITS);
  }

  /** One element of {@code ScalingPolicies}. */
  public static GroupPolicy policy(Node p) {
    String type = p.text("PolicyType");
    String metric = null;
    Double target = null;
    Node tt = p.optObject("TargetTrackingConfiguration");
    if (tt != null) {
      Node pm = tt.optObject("PredefinedMetricSpecification");
      metric = pm != null ? pm.text("PredefinedMetricType") : "custom";
      target = tt.doubleValue("TargetValue");
    }
    String group = p.text("AutoScalingGroupName");
    return new GroupPolicy(
        group,
        new ScalingPolicy(p.text("PolicyName"), type, metric, target, p.bool("Enabled", true)));
  }
}
