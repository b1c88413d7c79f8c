package io.canary2k8s.plan;

/** A track's part in a canary: the big stable group or a small canary. */
public enum Role {
  STABLE,
  CANARY;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
