package io.canary2k8s.discover.live;

/**
 * Told how far discovery got, per service and region, and which call is waiting for an answer when
 * one is late; the CLI prints it on a terminal only. Calls are serialised by discovery (never
 * concurrent), but may come from worker threads.
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

  /**
   * A call has had no answer for a while (told about once a second while it waits, the longest
   * waiting call only).
   *
   * @param action e.g. {@code sts:GetCallerIdentity}
   * @param region the region, or {@code global} for Route53
   * @param endpoint where its last request went, e.g. {@code https://sts.eu-west-1.amazonaws.com},
   *     or null before one was sent
   * @param seconds how long it has been waiting
   */
  default void waiting(String action, String region, String endpoint, long seconds) {}
}
