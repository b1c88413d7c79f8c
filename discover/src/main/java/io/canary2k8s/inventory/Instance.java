package io.canary2k8s.inventory;

/**
 * One instance of an Auto Scaling group.
 *
 * @param lifecycleState e.g. InService, Pending, Standby
 * @param healthStatus Healthy or Unhealthy
 * @param weightedCapacity the capacity units the instance counts for ({@code WeightedCapacity}: its
 *     instance type's weight, or its vCPUs or MiB under a {@code vcpu}/{@code memory-mib} desired
 *     capacity type), or null when AWS gives none (1 unit)
 */
public record Instance(
    String instanceId,
    String availabilityZone,
    String lifecycleState,
    String healthStatus,
    String instanceType,
    Integer weightedCapacity) {

  /** An instance without a capacity weight. */
  public Instance(
      String instanceId,
      String availabilityZone,
      String lifecycleState,
      String healthStatus,
      String instanceType) {
    this(instanceId, availabilityZone, lifecycleState, healthStatus, instanceType, null);
  }

  /** Counts as taking traffic: in service and healthy. */
  public boolean serving() {
    return "InService".equals(lifecycleState) && !"Unhealthy".equals(healthStatus);
  }
}
