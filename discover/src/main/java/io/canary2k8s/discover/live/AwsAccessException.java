package io.canary2k8s.discover.live;

/**
 * An AWS call that was denied or kept failing (after the SDK's retries). The message names the IAM
 * action and the region, e.g. {@code autoscaling:DescribeAutoScalingGroups in eu-west-1 was denied:
 * AccessDenied: ...}. The CLI turns it into exit code 4.
 */
public final class AwsAccessException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String action;
  private final String region;
  private final boolean denied;

  public AwsAccessException(
      String action, String region, boolean denied, String detail, Throwable cause) {
    super(action + " in " + region + (denied ? " was denied: " : " failed: ") + detail, cause);
    this.action = action;
    this.region = region;
    this.denied = denied;
  }

  /** The IAM action, e.g. {@code elasticloadbalancing:DescribeLoadBalancers}. */
  public String action() {
    return action;
  }

  /** The region, or {@code global} for Route53. */
  public String region() {
    return region;
  }

  /** True when AWS refused the call (HTTP 401/403 or an access-denied code). */
  public boolean denied() {
    return denied;
  }
}
