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
 * standard retry strategy (never the SDK's LEGACY default) with more attempts and no circuit
 * breaker (an inventory crawl should outwait throttling), the {@link ReadOnlyInterceptor}, and a
 * {@link RetryCounter}. Closing it closes every client it built.
 */
final class AwsClients implements AutoCloseable {
  /** Attempts per call, first included. Throttled attempts back off 1 s .. 20 s with jitter. */
  static final int MAX_ATTEMPTS = 10;

  private final LiveOptions options;
  private final SdkHttpClient http = UrlConnectionHttpClient.builder().build();
  private final RetryStrategy retryStrategy =
      AwsRetryStrategy.standardRetryStrategy().toBuilder()
          .maxAttempts(MAX_ATTEMPTS)
          .circuitBreakerEnabled(false)
          .build();
  private final RetryCounter retries = new RetryCounter();
  private final List<AutoCloseable> opened = new ArrayList<>();
  private final AwsCredentialsProvider credentials;
  private final SetIdentifierKeeper setIdentifiers = new SetIdentifierKeeper();

  AwsClients(LiveOptions options, Region stsRegion) {
    this.options = options;
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
                  .addExecutionInterceptor(
                      new ReadOnlyInterceptor(iamPrefix, options.callRecorder()))
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
