package io.canary2k8s.discover.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.canary2k8s.discover.ElbMapping;
import io.canary2k8s.input.Node;
import io.canary2k8s.inventory.ClassicLoadBalancer;
import io.canary2k8s.inventory.CrossZone;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancing.model.HealthCheck;
import software.amazon.awssdk.services.elasticloadbalancing.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancing.model.ListenerDescription;
import software.amazon.awssdk.services.elasticloadbalancing.model.LoadBalancerDescription;

/** SDK answers as the AWS CLI prints them: the member names of the service model. */
class SdkJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final LoadBalancerDescription LB =
      LoadBalancerDescription.builder()
          .loadBalancerName("shop")
          .dnsName("shop-1.eu-west-1.elb.amazonaws.com")
          .canonicalHostedZoneNameID("Z3EXAMPLEELB")
          .createdTime(Instant.parse("2026-01-02T03:04:05Z"))
          .listenerDescriptions(
              ListenerDescription.builder()
                  .listener(
                      Listener.builder()
                          .protocol("https")
                          .loadBalancerPort(443)
                          .instanceProtocol("HTTP")
                          .instancePort(8080)
                          .sslCertificateId("arn:aws:iam::123456789012:server-certificate/shop")
                          .build())
                  .build())
          .healthCheck(
              HealthCheck.builder()
                  .target("HTTP:8080/health")
                  .interval(10)
                  .timeout(5)
                  .healthyThreshold(2)
                  .unhealthyThreshold(3)
                  .build())
          .availabilityZones("eu-west-1a", "eu-west-1b")
          .build();

  @Test
  void membersAreNamedAsInTheCliOutputAndAbsentListsAreLeftOut() throws Exception {
    JsonNode expected =
        JSON.readTree(
            """
            {"LoadBalancerName": "shop",
             "DNSName": "shop-1.eu-west-1.elb.amazonaws.com",
             "CanonicalHostedZoneNameID": "Z3EXAMPLEELB",
             "ListenerDescriptions": [{"Listener": {"Protocol": "https", "LoadBalancerPort": 443,
               "InstanceProtocol": "HTTP", "InstancePort": 8080,
               "SSLCertificateId": "arn:aws:iam::123456789012:server-certificate/shop"}}],
             "AvailabilityZones": ["eu-west-1a", "eu-west-1b"],
             "HealthCheck": {"Target": "HTTP:8080/health", "Interval": 10, "Timeout": 5,
               "UnhealthyThreshold": 3, "HealthyThreshold": 2},
             "CreatedTime": "2026-01-02T03:04:05Z"}
            """);
    assertThat(SdkJson.object(LB)).isEqualTo(expected);
  }

  @Test
  void anSdkAnswerIsMappedByTheCapturesMapping() {
    ClassicLoadBalancer lb =
        new ElbMapping(
                new ElbMapping.Source() {
                  @Override
                  public Node attributes(Node lb, String name) {
                    return null;
                  }

                  @Override
                  public Node policy(Node lb, String name, Node named, String policy) {
                    return null;
                  }
                })
            .loadBalancer(
                SdkJson.node(LB, "elasticloadbalancing:DescribeLoadBalancers", "[0]"), Map.of());
    assertThat(lb.name()).isEqualTo("shop");
    assertThat(lb.listeners())
        .containsExactly(
            new io.canary2k8s.inventory.Listener(
                "HTTPS", 443, "HTTP", 8080, "arn:aws:iam::123456789012:server-certificate/shop"));
    assertThat(lb.healthCheck().target()).isEqualTo("HTTP:8080/health");
    assertThat(lb.crossZone()).isEqualTo(CrossZone.UNKNOWN);
  }
}
