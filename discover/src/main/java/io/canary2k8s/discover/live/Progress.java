package io.canary2k8s.discover.live;

/**
 * Told how far discovery got, per service and region; the CLI prints it on a terminal only. Calls
 * are serialised by discovery (never concurrent), but may come from worker threads.
 */
@FunctionalInterface
public interface Progress {
  /** Prints nothing. */
  Progress NONE = (service, region, itemsSoFar) -> {};

  /**
   * @param service e.g. {@code elb load balancers}, {@code route53 records}
   * @param region the region, or {@code global} for Route53
   * @param itemsSoFar items of that kind read so far in that region
   */
  void update(String service, String region, int itemsSoFar);
}
