package io.canary2k8s.inventory;

/**
 * One instance of an Auto Scaling group.
 *
 * @param lifecycleState e.g. InService, Pending, Standby
 * @param healthStatus Healthy or Unhealthy
 */
public record Instance(
    String instanceId,
    String availabilityZone,
    String lifecycleState,
    String healthStatus,
    String instanceType) {

  /** Counts as taking traffic: in service and healthy. */
  public boolean serving() {
    return "InService".equals(lifecycleState) && !"Unhealthy".equals(healthStatus);
  }
}
