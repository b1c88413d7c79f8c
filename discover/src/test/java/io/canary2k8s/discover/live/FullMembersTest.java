package io.canary2k8s.discover.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.canary2k8s.discover.CaptureReader;
import io.canary2k8s.input.Json;
import io.canary2k8s.inventory.AutoScalingGroup;
import io.canary2k8s.inventory.BackendPolicy;
import io.canary2k8s.inventory.CertificateSource;
import io.canary2k8s.inventory.ClassicLoadBalancer;
import io.canary2k8s.inventory.CrossZone;
import io.canary2k8s.inventory.DnsRecord;
import io.canary2k8s.inventory.HostedZone;
import io.canary2k8s.inventory.Instance;
import io.canary2k8s.inventory.Inventory;
import io.canary2k8s.inventory.ListenerRule;
import io.canary2k8s.inventory.ListenerV2;
import io.canary2k8s.inventory.RuleCondition;
import io.canary2k8s.inventory.RuleTransform;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awssdk.core.SdkPojo;

/**
 * A capture whose every file holds every member the AWS service model gives its command's output
 * ({@code tools/aws-shapes/full_members.py}, values of its own): it reads, every field that matters
 * lands in the inventory, and every answer is the same JSON after a trip through the SDK's model
 * objects (what live discovery maps is what the capture's mapping reads).
 */
class FullMembersTest {
  static Path capture() {
    try {
      return Path.of(
          FullMembersTest.class.getResource("/io/canary2k8s/discover/full-members").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void everyFieldThatMattersLandsInTheInventory() {
    Inventory inv = CaptureReader.read(capture());
    assertThat(inv.notes()).isEmpty();

    ClassicLoadBalancer clb = inv.classicLoadBalancers().get(0);
    assertThat(clb.name()).isEqualTo("full-clb");
    assertThat(clb.crossZone()).isEqualTo(CrossZone.ENABLED);
    assertThat(clb.connectionDrainingSeconds()).isEqualTo(30);
    assertThat(clb.idleTimeoutSeconds()).isEqualTo(60);
    assertThat(clb.listeners().get(0).certificateSource()).isEqualTo(CertificateSource.IAM);
    assertThat(clb.healthCheck().target()).isEqualTo("HTTP:8080/healthz");
    assertThat(clb.policies())
        .containsExactly(
            "app-cookie-stickiness:full-app-cookie",
            "lb-cookie-stickiness:full-lb-cookie",
            "other:full-proxy");
    assertThat(clb.backendPolicies())
        .containsExactly(
            new BackendPolicy(
                8080, "full-proxy", "ProxyProtocolPolicyType", Map.of("ProxyProtocol", "true")));
    assertThat(clb.proxyProtocolPorts()).containsExactly(8080);
    assertThat(clb.tags()).containsEntry("canary2k8s.io/app", "full");

    ListenerV2 listener = inv.loadBalancersV2().get(0).listeners().get(0);
    assertThat(listener.port()).isEqualTo(8443);
    assertThat(listener.certificateArns())
        .singleElement()
        .satisfies(a -> assertThat(CertificateSource.of(a)).isEqualTo(CertificateSource.ACM));
    ListenerRule rule = listener.rules().get(0);
    assertThat(rule.priority()).isEqualTo("10");
    assertThat(rule.conditions())
        .containsExactly(
            new RuleCondition(
                "path-pattern",
                null,
                List.of("/v1/*", "/v1/items/*"),
                List.of("^/v1/[a-z]+$", "^/v1/items/[0-9]+$")));
    assertThat(rule.transforms())
        .containsExactly(
            new RuleTransform(
                "url-rewrite", List.of(new RuleTransform.Rewrite("^/v1/(.*)$", "/api/$1"))));
    assertThat(rule.actions().get(0).targetGroups()).hasSize(1);
    assertThat(rule.actions().get(0).stickinessSeconds()).isEqualTo(3600);
    assertThat(listener.defaultRule().transforms()).isEmpty();
    assertThat(inv.targetGroups().get(0).attributes())
        .containsEntry("load_balancing.cross_zone.enabled", "true");

    AutoScalingGroup g = inv.autoScalingGroups().get(0);
    assertThat(g.status()).isEqualTo("Delete in progress");
    assertThat(g.desiredCapacityType()).isEqualTo("units");
    assertThat(g.mixedInstancesPolicy()).isTrue();
    assertThat(g.instanceOverrides())
        .containsExactly(new AutoScalingGroup.InstanceOverride("m6i.xlarge", 4));
    assertThat(g.instances())
        .containsExactly(
            new Instance(
                "i-0f1e2d3c4b5a69788", "eu-west-1a", "InService", "Healthy", "m6i.large", 2));
    assertThat(g.loadBalancerNames()).containsExactly("full-clb");
    assertThat(g.scalingPolicies())
        .singleElement()
        .satisfies(p -> assertThat(p.targetValue()).isEqualTo(55.0));

    assertThat(inv.hostedZones())
        .containsExactly(
            new HostedZone(
                "Z0FULLMEMBERS0001",
                "full.example.net",
                true,
                List.of(new HostedZone.Vpc("vpc-0a1b2c3d4e5f60718", "eu-west-1"))));
    DnsRecord r = inv.dnsRecords().get(0);
    assertThat(r.name()).isEqualTo("www.full.example.net");
    assertThat(r.type()).isEqualTo("A");
    assertThat(r.weight()).isEqualTo(7L);
    assertThat(r.routingPolicy()).isEqualTo("weighted");
    assertThat(r.failover()).isEqualTo("PRIMARY");
    assertThat(r.region()).isEqualTo("eu-west-1");
    assertThat(r.geoLocation()).isEqualTo(new DnsRecord.GeoLocation("EU", "IE", "D"));
    assertThat(r.geoProximityLocation())
        .isEqualTo(
            new DnsRecord.GeoProximityLocation(
                "eu-west-1", "eu-west-1-dub-1", "53.35", "-6.26", 10));
    assertThat(r.cidrRouting())
        .isEqualTo(new DnsRecord.CidrRouting("0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9", "dublin"));
    assertThat(r.multiValueAnswer()).isTrue();
    assertThat(r.healthCheckId()).isEqualTo("1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901");
    assertThat(r.trafficPolicyInstanceId()).isEqualTo("2c3d4e5f-6071-8293-a4b5-c6d7e8f90a1b");
    assertThat(r.aliasTarget().evaluateTargetHealth()).isTrue();
  }

  /**
   * Members the service model (botocore 1.43.11) has and this SDK (2.40.2) does not know yet, so
   * that live discovery never sees them: none of them is read into the inventory. A newer SDK makes
   * this list shrink (and the test fail until it is updated).
   */
  private static final Map<String, Set<String>> NOT_IN_THE_SDK =
      Map.of(
          "autoscaling/describe-auto-scaling-groups.json",
          Set.of(
              "AutoScalingGroups[].AvailabilityZoneIds",
              "AutoScalingGroups[].DeletionProtection",
              "AutoScalingGroups[].Instances[].AvailabilityZoneId"));

  @TestFactory
  Stream<DynamicTest> everyAnswerIsTheSameJsonThroughTheSdk() {
    Map<String, Supplier<SdkPojo>> answers =
        Map.ofEntries(
            Map.entry(
                "elb/describe-load-balancers.json",
                software.amazon.awssdk.services.elasticloadbalancing.model
                        .DescribeLoadBalancersResponse
                    ::builder),
            Map.entry(
                "elb/describe-tags.json",
                software.amazon.awssdk.services.elasticloadbalancing.model.DescribeTagsResponse
                    ::builder),
            Map.entry(
                "elb/attributes/full-clb.json",
                software.amazon.awssdk.services.elasticloadbalancing.model
                        .DescribeLoadBalancerAttributesResponse
                    ::builder),
            Map.entry(
                "elb/policies/full-clb.json",
                software.amazon.awssdk.services.elasticloadbalancing.model
                        .DescribeLoadBalancerPoliciesResponse
                    ::builder),
            Map.entry(
                "elbv2/describe-load-balancers.json",
                software.amazon.awssdk.services.elasticloadbalancingv2.model
                        .DescribeLoadBalancersResponse
                    ::builder),
            Map.entry(
                "elbv2/describe-target-groups.json",
                software.amazon.awssdk.services.elasticloadbalancingv2.model
                        .DescribeTargetGroupsResponse
                    ::builder),
            Map.entry(
                "elbv2/listeners/full-alb.json",
                software.amazon.awssdk.services.elasticloadbalancingv2.model
                        .DescribeListenersResponse
                    ::builder),
            Map.entry(
                "elbv2/rules/full-alb-8443.json",
                software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeRulesResponse
                    ::builder),
            Map.entry(
                "elbv2/attributes/full-alb.json",
                software.amazon.awssdk.services.elasticloadbalancingv2.model
                        .DescribeLoadBalancerAttributesResponse
                    ::builder),
            Map.entry(
                "elbv2/target-group-attributes/full-tg.json",
                software.amazon.awssdk.services.elasticloadbalancingv2.model
                        .DescribeTargetGroupAttributesResponse
                    ::builder),
            Map.entry(
                "autoscaling/describe-auto-scaling-groups.json",
                software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsResponse
                    ::builder),
            Map.entry(
                "autoscaling/describe-policies.json",
                software.amazon.awssdk.services.autoscaling.model.DescribePoliciesResponse
                    ::builder),
            Map.entry(
                "route53/list-hosted-zones.json",
                software.amazon.awssdk.services.route53.model.ListHostedZonesResponse::builder),
            Map.entry(
                "route53/hosted-zones/Z0FULLMEMBERS0001.json",
                software.amazon.awssdk.services.route53.model.GetHostedZoneResponse::builder),
            Map.entry(
                "route53/zones/Z0FULLMEMBERS0001.json",
                software.amazon.awssdk.services.route53.model.ListResourceRecordSetsResponse
                    ::builder));
    return answers.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.getKey(),
                    () -> {
                      JsonNode cli = Json.readTree(capture().resolve(e.getKey()), e.getKey());
                      SdkPojo sdk = SdkPojos.build(cli, e.getValue().get());
                      assertThat(SdkPojos.differences(SdkJson.object(sdk), cli))
                          .as("members lost or changed on the way through the SDK")
                          .containsExactlyInAnyOrderElementsOf(
                              NOT_IN_THE_SDK.getOrDefault(e.getKey(), Set.of()));
                    }));
  }
}
