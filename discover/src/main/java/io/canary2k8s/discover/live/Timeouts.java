package io.canary2k8s.discover.live;

import java.time.Duration;

/**
 * How long live discovery waits for AWS. An attempt (one HTTP request) that gets no answer within
 * {@code attempt} is abandoned; a call whose attempts time out or cannot connect is retried at most
 * {@value FailFastRetryStrategy#TRANSIENT_ATTEMPTS} times in all and never after {@code call} has
 * passed, so an endpoint that accepts connections and never replies fails the run within about a
 * {@code call}. Throttling is not a timeout: a throttled call keeps its longer back-off.
 *
 * @param attempt the longest wait for one answer (connection and response)
 * @param call the longest a call keeps retrying after timeouts or connection errors
 */
public record Timeouts(Duration attempt, Duration call) {
  /** 10 s an attempt, 60 s a call. */
  public static final Timeouts DEFAULT =
      new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(60));

  /** The longest timeout accepted: an hour. */
  static final long MAX_SECONDS = 3600;

  public Timeouts {
    if (attempt == null || call == null) {
      throw new IllegalArgumentException("timeouts must be given");
    }
    if (attempt.isNegative() || attempt.isZero() || call.compareTo(attempt) < 0) {
      throw new IllegalArgumentException(
          "a call's timeout must be at least its attempt's, and both positive");
    }
  }

  /**
   * {@code ATTEMPT} or {@code ATTEMPT,CALL}, in whole seconds (1..3600); a call's default is six
   * attempts' time.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static Timeouts parse(String spec) {
    String[] parts = spec.strip().split(",", -1);
    if (parts.length > 2) {
      throw new IllegalArgumentException(
          "'" + spec + "' is not SECONDS or ATTEMPT_SECONDS,CALL_SECONDS");
    }
    long attempt = seconds(parts[0], spec);
    long call = parts.length == 2 ? seconds(parts[1], spec) : Math.min(MAX_SECONDS, 6 * attempt);
    if (call < attempt) {
      throw new IllegalArgumentException(
          "'"
              + spec
              + "': a call's timeout ("
              + call
              + " s) is below its attempt's ("
              + attempt
              + " s)");
    }
    return new Timeouts(Duration.ofSeconds(attempt), Duration.ofSeconds(call));
  }

  private static long seconds(String s, String spec) {
    String t = s.strip();
    if (t.endsWith("s")) {
      t = t.substring(0, t.length() - 1);
    }
    try {
      long v = Long.parseLong(t);
      if (v >= 1 && v <= MAX_SECONDS) {
        return v;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new IllegalArgumentException(
        "'" + spec + "': '" + s.strip() + "' is not a number of seconds from 1 to " + MAX_SECONDS);
  }

  @Override
  public String toString() {
    return attempt.toSeconds() + " s an attempt, " + call.toSeconds() + " s a call";
  }
}
