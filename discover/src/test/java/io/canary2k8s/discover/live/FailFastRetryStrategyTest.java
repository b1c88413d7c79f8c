package io.canary2k8s.discover.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;

/** Throttling keeps the standard strategy's patience; timeouts and connection errors do not. */
class FailFastRetryStrategyTest {
  private final AtomicLong now = new AtomicLong();

  private FailFastRetryStrategy strategy(Duration call) {
    return new FailFastRetryStrategy(
        AwsRetryStrategy.standardRetryStrategy().toBuilder()
            .maxAttempts(AwsClients.MAX_ATTEMPTS)
            .circuitBreakerEnabled(false)
            .build(),
        call,
        now::get);
  }

  /** Attempts a call gets when every one of them fails with {@code failure}. */
  private int attempts(FailFastRetryStrategy s, Throwable failure, Duration eachAttempt) {
    RetryToken token = s.acquireInitialToken(AcquireInitialTokenRequest.create("test")).token();
    int attempts = 1;
    while (true) {
      now.addAndGet(eachAttempt.toNanos());
      try {
        token =
            s.refreshRetryToken(
                    RefreshRetryTokenRequest.builder().token(token).failure(failure).build())
                .token();
        attempts++;
      } catch (TokenAcquisitionFailedException e) {
        return attempts;
      }
    }
  }

  private static AwsServiceException throttled() {
    return AwsServiceException.builder()
        .statusCode(400)
        .awsErrorDetails(
            AwsErrorDetails.builder().errorCode("Throttling").errorMessage("Rate exceeded").build())
        .build();
  }

  private static SdkClientException readTimedOut() {
    return SdkClientException.create(
        "Unable to execute HTTP request", new java.net.SocketTimeoutException("Read timed out"));
  }

  @Test
  void throttlingGetsEveryAttempt() {
    assertThat(attempts(strategy(Duration.ofSeconds(60)), throttled(), Duration.ofSeconds(1)))
        .isEqualTo(AwsClients.MAX_ATTEMPTS);
  }

  @Test
  void timeoutsAndConnectionErrorsGetAFew() {
    assertThat(attempts(strategy(Duration.ofSeconds(60)), readTimedOut(), Duration.ofSeconds(1)))
        .isEqualTo(FailFastRetryStrategy.TRANSIENT_ATTEMPTS);
    SdkClientException refused =
        SdkClientException.create("Unable to execute", new IOException("Connection refused"));
    assertThat(attempts(strategy(Duration.ofSeconds(60)), refused, Duration.ofMillis(1)))
        .isEqualTo(FailFastRetryStrategy.TRANSIENT_ATTEMPTS);
  }

  @Test
  void noRetryOnceTheCallsTimeIsSpent() {
    assertThat(attempts(strategy(Duration.ofSeconds(15)), readTimedOut(), Duration.ofSeconds(10)))
        .isEqualTo(2);
    assertThat(attempts(strategy(Duration.ofSeconds(5)), readTimedOut(), Duration.ofSeconds(10)))
        .isEqualTo(1);
  }

  @Test
  void whatIsNotRetryableIsNotRetried() {
    AwsServiceException denied =
        AwsServiceException.builder()
            .statusCode(403)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDenied").build())
            .build();
    assertThat(attempts(strategy(Duration.ofSeconds(60)), denied, Duration.ofMillis(1)))
        .isEqualTo(1);
  }
}
