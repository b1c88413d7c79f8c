package io.canary2k8s.discover.live;

import java.time.Duration;
import java.util.function.LongSupplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RecordSuccessResponse;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;

/**
 * The SDK's standard retry strategy (its attempts and back-off, throttling's longer back-off
 * included) with a shorter leash for everything that is not throttling: timeouts, connection errors
 * and server errors end a call after {@value #TRANSIENT_ATTEMPTS} such failures, or once the call
 * has run for its timeout. An endpoint that never answers is not worth ten patient attempts; AWS
 * asking a large account to slow down is.
 */
final class FailFastRetryStrategy implements RetryStrategy {
  /** Attempts of a call that failed other than by throttling, before the call fails. */
  static final int TRANSIENT_ATTEMPTS = 3;

  private final RetryStrategy standard;
  private final long callNanos;
  private final LongSupplier clock;

  FailFastRetryStrategy(RetryStrategy standard, Duration call) {
    this(standard, call, System::nanoTime);
  }

  FailFastRetryStrategy(RetryStrategy standard, Duration call, LongSupplier clock) {
    this.standard = standard;
    this.callNanos = call.toNanos();
    this.clock = clock;
  }

  /** The standard strategy's token, with when the call started and how often it failed so. */
  private record Token(RetryToken standard, long startNanos, int transientFailures)
      implements RetryToken {}

  @Override
  public AcquireInitialTokenResponse acquireInitialToken(AcquireInitialTokenRequest request) {
    AcquireInitialTokenResponse r = standard.acquireInitialToken(request);
    return AcquireInitialTokenResponse.create(
        new Token(r.token(), clock.getAsLong(), 0), r.delay());
  }

  @Override
  public RefreshRetryTokenResponse refreshRetryToken(RefreshRetryTokenRequest request) {
    Token t = (Token) request.token();
    RefreshRetryTokenResponse r =
        standard.refreshRetryToken(request.toBuilder().token(t.standard()).build());
    if (throttling(request.failure())) {
      return RefreshRetryTokenResponse.create(
          new Token(r.token(), t.startNanos(), t.transientFailures()), r.delay());
    }
    int failures = t.transientFailures() + 1;
    Token next = new Token(r.token(), t.startNanos(), failures);
    long spent = clock.getAsLong() - t.startNanos() + r.delay().toNanos();
    if (failures >= TRANSIENT_ATTEMPTS || spent >= callNanos) {
      throw new TokenAcquisitionFailedException(
          "not retried: " + failures + " attempt(s) failed other than by throttling",
          next,
          request.failure());
    }
    return RefreshRetryTokenResponse.create(next, r.delay());
  }

  @Override
  public RecordSuccessResponse recordSuccess(RecordSuccessRequest request) {
    Token t = (Token) request.token();
    RecordSuccessResponse r = standard.recordSuccess(RecordSuccessRequest.create(t.standard()));
    return RecordSuccessResponse.create(
        new Token(r.token(), t.startNanos(), t.transientFailures()));
  }

  @Override
  public int maxAttempts() {
    return standard.maxAttempts();
  }

  /** Not a builder's product: the SDK asks for one only of its own default strategies. */
  @Override
  public Builder<?, ?> toBuilder() {
    throw new UnsupportedOperationException("FailFastRetryStrategy has no builder");
  }

  /** What AWS sends when it throttles: a throttling error code, or HTTP 429. */
  static boolean throttling(Throwable failure) {
    if (failure instanceof AwsServiceException e) {
      return e.isThrottlingException();
    }
    return failure instanceof SdkServiceException e && e.isThrottlingException();
  }
}
