package io.canary2k8s.discover.live;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * The SDK clients of one discovery run, all built the same way: one URL-connection HTTP client, the
 * run's {@link Timeouts} (an attempt that gets no answer in time is abandoned), the standard retry
 * strategy (never the SDK's LEGACY default) with more attempts for throttling and no circuit
 * breaker (an inventory crawl should outwait throttling) but few for timeouts and connection errors
 * ({@link FailFastRetryStrategy}), the {@link ReadOnlyInterceptor}, the run's {@link CallWatch} and
 * a {@link RetryCounter}. Closing it closes every client it built.
 */
final class AwsClients implements AutoCloseable {
  /**
   * Attempts per call, first included, when AWS throttles. Throttled attempts back off 1 s .. 20 s
   * with jitter; other failures get {@value FailFastRetryStrategy#TRANSIENT_ATTEMPTS} attempts.
   */
  static final int MAX_ATTEMPTS = 10;

  private final LiveOptions options;
  private final SdkHttpClient http;
  private final RetryStrategy retryStrategy;
  private final CallWatch watch;
  private final RetryCounter retries = new RetryCounter();
  private final List<AutoCloseable> opened = new ArrayList<>();
  private final AwsCredentialsProvider credentials;
  private final SetIdentifierKeeper setIdentifiers = new SetIdentifierKeeper();

  AwsClients(LiveOptions options, Region stsRegion) {
    this.options = options;
    Timeouts timeouts = options.timeouts();
    this.http =
        UrlConnectionHttpClient.builder()
            .connectionTimeout(timeouts.attempt())
            .socketTimeout(timeouts.attempt())
            .build();
    this.retryStrategy =
        new FailFastRetryStrategy(
            AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(MAX_ATTEMPTS)
                .circuitBreakerEnabled(false)
                .build(),
            timeouts.call());
    this.watch = new CallWatch(timeouts.attempt());
    AwsCredentialsProvider base = options.credentialsProvider();
    if (base == null) {
      DefaultCredentialsProvider chain =
          options.profile() == null
              ? DefaultCredentialsProvider.builder().build()
              : DefaultCredentialsProvider.builder().profileName(options.profile()).build();
      opened.add(chain);
      base = chain;
    }
    if (options.roleArn() != null) {
      StsClient sts = build(StsClient.builder(), stsRegion, "sts", base);
      StsAssumeRoleCredentialsProvider assumed =
          StsAssumeRoleCredentialsProvider.builder()
              .stsClient(sts)
              .refreshRequest(
                  r -> r.roleArn(options.roleArn()).roleSessionName("canary2k8s-discover"))
              .build();
      opened.add(assumed);
      base = assumed;
    }
    this.credentials = base;
  }

  /** The region of the default region chain (honouring the profile), for runs without one. */
  static Region defaultRegion(LiveOptions options) {
    DefaultAwsRegionProviderChain chain =
        options.profile() == null
            ? new DefaultAwsRegionProviderChain()
            : DefaultAwsRegionProviderChain.builder().profileName(options.profile()).build();
    try {
      return chain.getRegion();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "no AWS region: pass --region or set AWS_REGION (or a region in the profile)", e);
    }
  }

  ElasticLoadBalancingClient elb(Region region) {
    return build(ElasticLoadBalancingClient.builder(), region, "elasticloadbalancing", credentials);
  }

  software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client elbv2(
      Region region) {
    return build(
        software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client
            .builder(),
        region,
        "elasticloadbalancing",
        credentials);
  }

  AutoScalingClient autoScaling(Region region) {
    return build(AutoScalingClient.builder(), region, "autoscaling", credentials);
  }

  StsClient sts(Region region) {
    return build(StsClient.builder(), region, "sts", credentials);
  }

  /** Route53 is global: signed for {@link Region#AWS_GLOBAL}. */
  Route53Client route53() {
    return build(
        Route53Client.builder(), Region.AWS_GLOBAL, "route53", credentials, setIdentifiers);
  }

  SetIdentifierKeeper setIdentifiers() {
    return setIdentifiers;
  }

  RetryCounter retries() {
    return retries;
  }

  /** The calls of this run waiting for AWS. */
  CallWatch watch() {
    return watch;
  }

  private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends AutoCloseable>
      C build(
          B builder,
          Region region,
          String iamPrefix,
          AwsCredentialsProvider creds,
          ExecutionInterceptor... extra) {
    builder
        .region(region)
        .credentialsProvider(creds)
        .httpClient(http)
        .overrideConfiguration(
            o -> {
              o.retryStrategy(retryStrategy)
                  .apiCallAttemptTimeout(options.timeouts().attempt())
                  .addExecutionInterceptor(
                      new ReadOnlyInterceptor(iamPrefix, options.callRecorder()))
                  .addExecutionInterceptor(watch.interceptor(iamPrefix))
                  .addMetricPublisher(retries);
              for (ExecutionInterceptor e : extra) {
                o.addExecutionInterceptor(e);
              }
            });
    if (options.endpointUrl() != null) {
      builder.endpointOverride(options.endpointUrl());
    }
    C client = builder.build();
    synchronized (opened) {
      opened.add(client);
    }
    return client;
  }

  @Override
  public void close() {
    List<AutoCloseable> all;
    synchronized (opened) {
      all = new ArrayList<>(opened);
      opened.clear();
    }
    for (int i = all.size() - 1; i >= 0; i--) {
      try {
        all.get(i).close();
      } catch (Exception ignored) {
        // closing is best effort
      }
    }
    http.close();
  }
}
