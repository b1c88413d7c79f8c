package io.canary2k8s.discover.live;

import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;

/**
 * The calls of a run that are waiting for AWS, and where each went: for the progress line while an
 * answer is late ({@link #longestWaiting()}), and for a failure's message ({@link #lastSent()}: the
 * endpoint of the last request this thread sent; a client runs its interceptors on the calling
 * thread).
 */
final class CallWatch {
  /** One call in flight. */
  static final class Call {
    final String action;
    final String region;
    final long startNanos;
    volatile String endpoint;

    Call(String action, String region, long startNanos) {
      this.action = action;
      this.region = region;
      this.startNanos = startNanos;
    }
  }

  private static final ExecutionAttribute<Call> CALL = new ExecutionAttribute<>("canary2k8s.call");

  /** A request sent: where to, and how long its answer may take. */
  record Sent(String endpoint, Duration attemptTimeout) {}

  private static final ThreadLocal<Sent> LAST_SENT = new ThreadLocal<>();

  private final Set<Call> inFlight = ConcurrentHashMap.newKeySet();
  private final Duration attemptTimeout;
  private final LongSupplier clock;

  CallWatch(Duration attemptTimeout) {
    this(attemptTimeout, System::nanoTime);
  }

  CallWatch(Duration attemptTimeout, LongSupplier clock) {
    this.attemptTimeout = attemptTimeout;
    this.clock = clock;
  }

  /** The interceptor of a client whose IAM service prefix is {@code iamPrefix}. */
  ExecutionInterceptor interceptor(String iamPrefix) {
    return new ExecutionInterceptor() {
      @Override
      public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attrs) {
        Region region = attrs.getAttribute(AwsExecutionAttribute.AWS_REGION);
        Call call =
            new Call(
                iamPrefix + ":" + attrs.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                region == null || region.isGlobalRegion() ? Route53Crawl.REGION : region.id(),
                clock.getAsLong());
        attrs.putAttribute(CALL, call);
        inFlight.add(call);
      }

      @Override
      public void beforeTransmission(
          Context.BeforeTransmission context, ExecutionAttributes attrs) {
        URI uri = context.httpRequest().getUri();
        String endpoint =
            uri.getScheme()
                + "://"
                + uri.getHost()
                + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        LAST_SENT.set(new Sent(endpoint, attemptTimeout));
        Call call = attrs.getAttribute(CALL);
        if (call != null) {
          call.endpoint = endpoint;
        }
      }

      @Override
      public void afterExecution(Context.AfterExecution context, ExecutionAttributes attrs) {
        done(attrs);
      }

      @Override
      public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attrs) {
        done(attrs);
      }
    };
  }

  private void done(ExecutionAttributes attrs) {
    Call call = attrs.getAttribute(CALL);
    if (call != null) {
      inFlight.remove(call);
    }
  }

  /** The call that has been waiting longest, if any. */
  Optional<Call> longestWaiting() {
    return inFlight.stream().min(Comparator.comparingLong(c -> c.startNanos));
  }

  /** Whole seconds {@code call} has been waiting. */
  long secondsWaiting(Call call) {
    return (clock.getAsLong() - call.startNanos) / 1_000_000_000L;
  }

  /** The last request sent on this thread since {@link #forget()}, or null. */
  static Sent lastSent() {
    return LAST_SENT.get();
  }

  /** Forgets this thread's last request: a new call starts. */
  static void forget() {
    LAST_SENT.remove();
  }
}
