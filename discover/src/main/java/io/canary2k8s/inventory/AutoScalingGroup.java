package io.canary2k8s.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * An Auto Scaling group: its capacity, zones, instances and which load balancers it feeds. Launch
 * configuration and launch template contents (user data) are never read.
 *
 * @param loadBalancerNames classic ELBs it is attached to
 * @param targetGroupArns ELBv2 target groups it is attached to
 * @param suspendedProcesses processes suspended on the group, e.g. AddToLoadBalancer
 * @param status the group's {@code Status} when AWS gives one, e.g. {@code Delete in progress} (a
 *     group being deleted), else null
 * @param desiredCapacityType what {@code minSize}, {@code maxSize} and {@code desiredCapacity}
 *     count when AWS says ({@code units}, {@code vcpu} or {@code memory-mib}), else null (units:
 *     instances, or instance weights under a mixed instances policy)
 * @param instanceOverrides the mixed instances policy's launch template overrides: the instance
 *     types it launches and the capacity units each counts for, sorted by instance type; empty (and
 *     left out of inventory.json) without overrides
 */
public record AutoScalingGroup(
    String name,
    String arn,
    int minSize,
    int maxSize,
    int desiredCapacity,
    List<String> availabilityZones,
    List<String> loadBalancerNames,
    List<String> targetGroupArns,
    List<Instance> instances,
    List<String> suspendedProcesses,
    boolean mixedInstancesPolicy,
    List<ScalingPolicy> scalingPolicies,
    Map<String, String> tags,
    String status,
    String desiredCapacityType,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<InstanceOverride> instanceOverrides) {

  public AutoScalingGroup {
    availabilityZones = Sorted.strings(availabilityZones);
    loadBalancerNames = Sorted.strings(loadBalancerNames);
    targetGroupArns = Sorted.strings(targetGroupArns);
    instances = Sorted.list(instances, Comparator.comparing(Instance::instanceId));
    suspendedProcesses = Sorted.strings(suspendedProcesses);
    scalingPolicies = Sorted.list(scalingPolicies, Comparator.comparing(ScalingPolicy::policyName));
    tags = Sorted.map(tags);
    // sorted: the listed order is a launch priority, which no split depends on, and the same
    // group must give the same inventory in whatever order AWS lists its overrides
    instanceOverrides =
        Sorted.list(
            instanceOverrides,
            Comparator.comparing(
                    InstanceOverride::instanceType,
                    Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(
                    InstanceOverride::weightedCapacity,
                    Comparator.nullsFirst(Comparator.naturalOrder())));
  }

  /** A group without status, capacity type or instance overrides. */
  public AutoScalingGroup(
      String name,
      String arn,
      int minSize,
      int maxSize,
      int desiredCapacity,
      List<String> availabilityZones,
      List<String> loadBalancerNames,
      List<String> targetGroupArns,
      List<Instance> instances,
      List<String> suspendedProcesses,
      boolean mixedInstancesPolicy,
      List<ScalingPolicy> scalingPolicies,
      Map<String, String> tags) {
    this(
        name,
        arn,
        minSize,
        maxSize,
        desiredCapacity,
        availabilityZones,
        loadBalancerNames,
        targetGroupArns,
        instances,
        suspendedProcesses,
        mixedInstancesPolicy,
        scalingPolicies,
        tags,
        null,
        null,
        List.of());
  }

  /**
   * One override of a mixed instances policy's launch template.
   *
   * @param instanceType the instance type, or null for an override that chooses types by their
   *     attributes ({@code InstanceRequirements})
   * @param weightedCapacity the capacity units an instance of it counts for ({@code
   *     WeightedCapacity}), or null when not given (1)
   */
  public record InstanceOverride(String instanceType, Integer weightedCapacity) {}

  /** Same group with its scaling policies (they come from a separate capture file). */
  public AutoScalingGroup withScalingPolicies(List<ScalingPolicy> policies) {
    return new AutoScalingGroup(
        name,
        arn,
        minSize,
        maxSize,
        desiredCapacity,
        availabilityZones,
        loadBalancerNames,
        targetGroupArns,
        instances,
        suspendedProcesses,
        mixedInstancesPolicy,
        policies,
        tags,
        status,
        desiredCapacityType,
        instanceOverrides);
  }
}
