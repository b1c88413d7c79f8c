package io.canary2k8s.split;

import io.canary2k8s.inventory.AutoScalingGroup;

/**
 * An Auto Scaling group's capacity in instances, the unit the split, the stable track's choice, the
 * replicas and the HPA count in: the one place that reads desired capacity and minimum and maximum
 * size from a group. They are the group's values as given; a group with a mixed instances policy
 * may give them in weighted units (vCPUs or memory), which the plan notes. Converting such units to
 * instances belongs here, so that every count changes together.
 */
public final class Capacity {
  private Capacity() {}

  /** The instances the group converges to. */
  public static int desired(AutoScalingGroup g) {
    return g.desiredCapacity();
  }

  /** The fewest instances the group runs. */
  public static int min(AutoScalingGroup g) {
    return g.minSize();
  }

  /** The most instances the group runs. */
  public static int max(AutoScalingGroup g) {
    return g.maxSize();
  }
}
