package io.canary2k8s.inventory;

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
    Map<String, String> tags) {

  public AutoScalingGroup {
    availabilityZones = Sorted.strings(availabilityZones);
    loadBalancerNames = Sorted.strings(loadBalancerNames);
    targetGroupArns = Sorted.strings(targetGroupArns);
    instances = Sorted.list(instances, Comparator.comparing(Instance::instanceId));
    suspendedProcesses = Sorted.strings(suspendedProcesses);
    scalingPolicies = Sorted.list(scalingPolicies, Comparator.comparing(ScalingPolicy::policyName));
    tags = Sorted.map(tags);
  }

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
        tags);
  }
}
