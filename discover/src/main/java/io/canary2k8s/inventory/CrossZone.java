package io.canary2k8s.inventory;

/** A classic ELB's cross-zone load balancing, or UNKNOWN when its attributes were not captured. */
public enum CrossZone {
  ENABLED,
  DISABLED,
  UNKNOWN
}
