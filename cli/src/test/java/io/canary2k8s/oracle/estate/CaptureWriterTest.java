package io.canary2k8s.oracle.estate;

import static io.canary2k8s.oracle.estate.V2LoadBalancer.forward;
import static io.canary2k8s.oracle.estate.V2LoadBalancer.listen;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureWriterTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void writesTheDocumentedLayoutInTheShapesTheAwsCliPrints(@TempDir Path tmp) throws Exception {
    ClassicElb elb = ClassicElb.of("web", "HTTP:80", "SSL:8443").crossZone(false);
    V2LoadBalancer alb =
        V2LoadBalancer.alb("alb")
            .listener(listen("HTTPS", 443, forward("s", 9, "c", 1)).rule(3, forward("s")));
    Estate e =
        Estate.of(
            elb,
            alb,
            TargetGroup.of("s"),
            TargetGroup.of("c").crossZone("false"),
            Asg.of("web-stable", 4, "a", "b").behind("web").track("stable"),
            Asg.of("big", 8, "a").units(4).in("s"),
            HostedZone.publicZone("ZW1", "example.com")
                .cname("*", elb.dnsName())
                .alias("www", alb.dnsName()),
            HostedZone.privateZone("ZW2", "example.com").failover("in", "PRIMARY", elb.dnsName()));
    Path dir = CaptureWriter.write(e, tmp.resolve("capture"));

    JsonNode lbs = JSON.readTree(dir.resolve("elb/describe-load-balancers.json").toFile());
    JsonNode lb = lbs.at("/LoadBalancerDescriptions/0");
    assertThat(lb.at("/ListenerDescriptions/1/Listener/Protocol").asText()).isEqualTo("SSL");
    assertThat(lb.at("/ListenerDescriptions/1/Listener/SSLCertificateId").asText())
        .startsWith("arn:aws:acm:");
    assertThat(lb.at("/Instances")).hasSize(4);
    assertThat(
            JSON.readTree(dir.resolve("elb/attributes/web.json").toFile())
                .at("/LoadBalancerAttributes/CrossZoneLoadBalancing/Enabled")
                .asBoolean(true))
        .isFalse();

    JsonNode rules = JSON.readTree(dir.resolve("elbv2/rules/alb-443.json").toFile());
    JsonNode simple = rules.at("/Rules/0/Actions/0");
    assertThat(simple.path("TargetGroupArn").asText()).contains(":targetgroup/s/");
    assertThat(simple.at("/ForwardConfig/TargetGroups/0/Weight").asInt()).isEqualTo(1);
    assertThat(rules.at("/Rules/1/Priority").asText()).isEqualTo("default");
    assertThat(rules.at("/Rules/1/Actions/0/ForwardConfig/TargetGroups")).hasSize(2);
    assertThat(
            JSON.readTree(dir.resolve("elbv2/target-group-attributes/c.json").toFile()).toString())
        .contains("\"load_balancing.cross_zone.enabled\",\"Value\":\"false\"");

    JsonNode asgs =
        JSON.readTree(dir.resolve("autoscaling/describe-auto-scaling-groups.json").toFile());
    JsonNode big = asgs.at("/AutoScalingGroups/1");
    assertThat(big.path("DesiredCapacity").asInt()).isEqualTo(8);
    assertThat(big.path("Instances")).hasSize(2);
    assertThat(big.at("/Instances/0/WeightedCapacity").asText()).isEqualTo("4");

    JsonNode zones = JSON.readTree(dir.resolve("route53/list-hosted-zones.json").toFile());
    assertThat(zones.at("/HostedZones/0/Id").asText()).isEqualTo("/hostedzone/ZW1");
    assertThat(zones.at("/HostedZones/1/Config/PrivateZone").asBoolean()).isTrue();
    JsonNode pub = JSON.readTree(dir.resolve("route53/zones/ZW1.json").toFile());
    assertThat(pub.at("/ResourceRecordSets/2/Name").asText()).isEqualTo("\\052.example.com.");
    assertThat(pub.at("/ResourceRecordSets/3/AliasTarget/DNSName").asText())
        .startsWith("dualstack.")
        .endsWith(".elb.amazonaws.com.");
    JsonNode priv = JSON.readTree(dir.resolve("route53/zones/ZW2.json").toFile());
    assertThat(priv.at("/ResourceRecordSets/2/Failover").asText()).isEqualTo("PRIMARY");
    assertThat(priv.at("/ResourceRecordSets/2/SetIdentifier").asText()).isEqualTo("primary");
  }
}
