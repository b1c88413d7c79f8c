package io.canary2k8s.split;

/** What counts as the instances of a track: its desired capacity or its in-service instances. */
public enum WeightBasis {
  /** Desired capacity, spread evenly over the group's zones: the state the ASG converges to. */
  DESIRED("desired"),
  /** Instances that are InService and not Unhealthy, in the zones they are in. */
  IN_SERVICE("in-service");

  private final String flag;

  WeightBasis(String flag) {
    this.flag = flag;
  }

  public String flag() {
    return flag;
  }

  public static WeightBasis fromFlag(String s) {
    for (WeightBasis b : values()) {
      if (b.flag.equals(s)) {
        return b;
      }
    }
    throw new IllegalArgumentException("unknown weight basis '" + s + "' (desired or in-service)");
  }
}
