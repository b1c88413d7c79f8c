package io.canary2k8s.discover.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;

/** Mutating calls are refused inside the process: a listening socket sees no connection. */
class ReadOnlyInterceptorTest {
  private ServerSocket server;
  private final AtomicInteger connections = new AtomicInteger();
  private Thread acceptor;
  private URI endpoint;

  @BeforeEach
  void listen() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    endpoint = URI.create("http://127.0.0.1:" + server.getLocalPort());
    acceptor =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                  connections.incrementAndGet();
                } catch (IOException e) {
                  return;
                }
              }
            });
    acceptor.setDaemon(true);
    acceptor.start();
  }

  @AfterEach
  void close() throws IOException {
    server.close();
  }

  private LiveOptions options(CallRecorder calls) {
    return LiveOptions.defaults()
        .withEndpointUrl(endpoint)
        .withCredentialsProvider(Seeder.CREDENTIALS)
        .withCallRecorder(calls);
  }

  @Test
  void mutatingCallsAreRefusedBeforeAnythingIsSent() throws InterruptedException {
    CallRecorder calls = new CallRecorder();
    try (AwsClients clients = new AwsClients(options(calls), Region.EU_WEST_1)) {
      assertThatThrownBy(
              () -> clients.elb(Region.EU_WEST_1).createLoadBalancer(r -> r.loadBalancerName("x")))
          .isInstanceOf(ReadOnlyViolationException.class)
          .hasMessageContaining("elasticloadbalancing:CreateLoadBalancer");
      assertThatThrownBy(
              () ->
                  clients
                      .autoScaling(Region.EU_WEST_1)
                      .updateAutoScalingGroup(r -> r.autoScalingGroupName("g").desiredCapacity(0)))
          .isInstanceOf(ReadOnlyViolationException.class)
          .hasMessageContaining("autoscaling:UpdateAutoScalingGroup");
      assertThatThrownBy(
              () ->
                  clients
                      .route53()
                      .changeResourceRecordSets(
                          r ->
                              r.hostedZoneId("Z1")
                                  .changeBatch(b -> b.changes(c -> c.action("DELETE")))))
          .isInstanceOf(ReadOnlyViolationException.class)
          .hasMessageContaining("route53:ChangeResourceRecordSets");
      assertThatThrownBy(
              () -> clients.elb(Region.EU_WEST_1).deleteLoadBalancer(r -> r.loadBalancerName("x")))
          .isInstanceOf(ReadOnlyViolationException.class);
    }
    Thread.sleep(200);
    assertThat(connections.get()).as("connections the emulator-to-be received").isZero();
    assertThat(calls.total()).isZero();
  }

  @Test
  void readCallsDoGoOut() throws InterruptedException {
    CallRecorder calls = new CallRecorder();
    try (ElasticLoadBalancingClient elb =
        ElasticLoadBalancingClient.builder()
            .region(Region.EU_WEST_1)
            .endpointOverride(endpoint)
            .credentialsProvider(Seeder.CREDENTIALS)
            .overrideConfiguration(
                o ->
                    o.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .addExecutionInterceptor(
                            new ReadOnlyInterceptor("elasticloadbalancing", calls)))
            .build()) {
      assertThatThrownBy(() -> elb.describeLoadBalancers())
          .isNotInstanceOf(ReadOnlyViolationException.class);
    }
    Thread.sleep(200);
    assertThat(connections.get()).isPositive();
    assertThat(calls.actions()).containsExactly("elasticloadbalancing:DescribeLoadBalancers");
  }

  @Test
  void onlyDescribeListGetAndStsAssumeRoleAreAllowed() {
    assertThat(ReadOnlyInterceptor.allowed("elasticloadbalancing", "DescribeTags")).isTrue();
    assertThat(ReadOnlyInterceptor.allowed("route53", "ListHostedZones")).isTrue();
    assertThat(ReadOnlyInterceptor.allowed("sts", "GetCallerIdentity")).isTrue();
    assertThat(ReadOnlyInterceptor.allowed("sts", "AssumeRole")).isTrue();
    assertThat(ReadOnlyInterceptor.allowed("sts", "AssumeRoleWithSAML")).isFalse();
    assertThat(ReadOnlyInterceptor.allowed("autoscaling", "AssumeRole")).isFalse();
    assertThat(ReadOnlyInterceptor.allowed("autoscaling", "SetDesiredCapacity")).isFalse();
    assertThat(ReadOnlyInterceptor.allowed("route53", "ChangeResourceRecordSets")).isFalse();
    assertThat(ReadOnlyInterceptor.allowed("route53", null)).isFalse();
  }
}
