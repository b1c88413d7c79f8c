package io.canary2k8s.discover;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.canary2k8s.input.InputException;
import io.canary2k8s.inventory.AutoScalingGroup;
import io.canary2k8s.inventory.BackendPolicy;
import io.canary2k8s.inventory.DnsRecord;
import io.canary2k8s.inventory.HostedZone;
import io.canary2k8s.inventory.Inventory;
import io.canary2k8s.inventory.RuleCondition;
import io.canary2k8s.inventory.RuleTransform;
import io.canary2k8s.notes.Note;
import io.canary2k8s.notes.Severity;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shapes real estates have, in AWS's documented forms (names and values of our own), on a copy
 * of the full-members capture ({@code tools/aws-shapes/full_members.py}): each reads, or is refused
 * with one line naming the file and the field.
 */
class CaptureShapesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RULES = "elbv2/rules/full-alb-8443.json";
  private static final String ASGS = "autoscaling/describe-auto-scaling-groups.json";
  private static final String ZONE = "Z0FULLMEMBERS0001";
  private static final String RECORDS = "route53/zones/" + ZONE + ".json";

  @TempDir Path tmp;

  /** A fresh copy of the full-members capture. */
  private Path capture() throws IOException {
    Path from;
    try {
      from =
          Path.of(
              CaptureShapesTest.class.getResource("/io/canary2k8s/discover/full-members").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    Path to = tmp.resolve("capture");
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return to;
  }

  private static void edit(Path c, String rel, Consumer<ObjectNode> change) throws IOException {
    Path f = c.resolve(rel);
    ObjectNode doc = (ObjectNode) JSON.readTree(f.toFile());
    change.accept(doc);
    JSON.writerWithDefaultPrettyPrinter().writeValue(f.toFile(), doc);
  }

  private static ObjectNode first(ObjectNode doc, String key) {
    return (ObjectNode) doc.withArray(key).get(0);
  }

  private static ObjectNode object(String json) {
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static InputException rejection(Path c) {
    try {
      CaptureReader.read(c);
    } catch (InputException e) {
      return e;
    }
    throw new AssertionError("the capture was read");
  }

  private static List<Note> infos(Inventory inv) {
    return inv.notes().stream().filter(n -> n.severity() == Severity.INFO).toList();
  }

  // ---- ELBv2 rules ---------------------------------------------------------------------------

  @Test
  void regexConditionsAreReadWhereverTheServiceModelAllowsThem() throws IOException {
    Path c = capture();
    edit(
        c,
        RULES,
        doc ->
            first(doc, "Rules")
                .set(
                    "Conditions",
                    JSON.createArrayNode()
                        .add(
                            object(
                                "{\"Field\": \"host-header\", \"HostHeaderConfig\":"
                                    + " {\"RegexValues\": [\"^(api|www)\\\\.shop\\\\.example$\"]}}"))
                        .add(
                            object(
                                "{\"Field\": \"path-pattern\", \"PathPatternConfig\":"
                                    + " {\"RegexValues\": [\"^/orders/[0-9]+$\"]}}"))
                        .add(
                            object(
                                "{\"Field\": \"http-header\", \"HttpHeaderConfig\":"
                                    + " {\"HttpHeaderName\": \"X-Track\", \"RegexValues\":"
                                    + " [\"^canary-.*\"]}}"))
                        .add(
                            object(
                                "{\"Field\": \"query-string\", \"QueryStringConfig\":"
                                    + " {\"Values\": [{\"Key\": \"v\", \"Value\": \"2\"}]},"
                                    + " \"RegexValues\": [\"unused\"]}"))));
    List<RuleCondition> conditions =
        CaptureReader.read(c)
            .loadBalancersV2()
            .get(0)
            .listeners()
            .get(0)
            .rules()
            .get(0)
            .conditions();
    assertThat(conditions)
        .containsExactly(
            new RuleCondition(
                "host-header", null, List.of(), List.of("^(api|www)\\.shop\\.example$")),
            new RuleCondition("http-header", "X-Track", List.of(), List.of("^canary-.*")),
            new RuleCondition("path-pattern", null, List.of(), List.of("^/orders/[0-9]+$")),
            new RuleCondition("query-string", null, List.of("v=2"), List.of("unused")));
  }

  @Test
  void aConditionWithNeitherValuesNorRegularExpressionsIsRefused() throws IOException {
    Path c = capture();
    edit(
        c,
        RULES,
        doc ->
            first(doc, "Rules")
                .set(
                    "Conditions",
                    JSON.createArrayNode()
                        .add(object("{\"Field\": \"path-pattern\", \"PathPatternConfig\": {}}"))));
    InputException e = rejection(c);
    assertThat(e.file()).endsWith(RULES);
    assertThat(e.field()).isEqualTo("Rules[0].Conditions[0].Values");
    assertThat(e.getMessage()).contains("needs at least one value");
  }

  @Test
  void hostHeaderRewritesAreReadInOrder() throws IOException {
    Path c = capture();
    edit(
        c,
        RULES,
        doc ->
            first(doc, "Rules")
                .set(
                    "Transforms",
                    JSON.createArrayNode()
                        .add(
                            object(
                                "{\"Type\": \"host-header-rewrite\", \"HostHeaderRewriteConfig\":"
                                    + " {\"Rewrites\": [{\"Regex\": \"^old\\\\.(.*)$\", \"Replace\":"
                                    + " \"new.$1\"}, {\"Regex\": \"^www\\\\.(.*)$\", \"Replace\":"
                                    + " \"$1\"}]}}"))
                        .add(
                            object(
                                "{\"Type\": \"url-rewrite\", \"UrlRewriteConfig\": {\"Rewrites\":"
                                    + " [{\"Regex\": \"^/legacy(/.*)$\", \"Replace\": \"\"}]}}"))));
    assertThat(
            CaptureReader.read(c)
                .loadBalancersV2()
                .get(0)
                .listeners()
                .get(0)
                .rules()
                .get(0)
                .transforms())
        .containsExactly(
            new RuleTransform(
                "host-header-rewrite",
                List.of(
                    new RuleTransform.Rewrite("^old\\.(.*)$", "new.$1"),
                    new RuleTransform.Rewrite("^www\\.(.*)$", "$1"))),
            new RuleTransform(
                "url-rewrite", List.of(new RuleTransform.Rewrite("^/legacy(/.*)$", ""))));
  }

  // ---- pagination ------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "elb/describe-load-balancers.json, NextMarker, \"full-clb\"",
    "elb/describe-tags.json, NextToken, \"eyJOZXh0VG9rZW4iOiBudWxsfQ==\"",
    "elb/policies/full-clb.json, NextToken, \"eyJib3RvX3RydW5jYXRlX2Ftb3VudCI6IDF9\"",
    "elbv2/describe-load-balancers.json, NextMarker, \"bWFya2VyLTE=\"",
    "elbv2/describe-target-groups.json, NextMarker, \"bWFya2VyLTI=\"",
    "elbv2/listeners/full-alb.json, NextMarker, \"bWFya2VyLTM=\"",
    "elbv2/rules/full-alb-8443.json, NextMarker, \"bWFya2VyLTQ=\"",
    "elbv2/target-group-attributes/full-tg.json, NextToken, \"eyJuIjogMX0=\"",
    "autoscaling/describe-auto-scaling-groups.json, NextToken, \"full-asg\"",
    "autoscaling/describe-policies.json, NextToken, \"full-cpu\"",
    "route53/list-hosted-zones.json, IsTruncated, true",
    "route53/list-hosted-zones.json, NextMarker, \"Z0NEXTZONE00001\"",
    "route53/list-hosted-zones.json, Marker, \"Z0PREVIOUSZONE1\"",
    "route53/zones/Z0FULLMEMBERS0001.json, NextRecordName, \"zz.full.example.net.\"",
    "route53/zones/Z0FULLMEMBERS0001.json, NextRecordType, \"CNAME\"",
    "route53/zones/Z0FULLMEMBERS0001.json, NextRecordIdentifier, \"b\"",
  })
  void onePageOfAListingIsRefusedNamingTheFileAndTheToken(String rel, String token, String value)
      throws IOException {
    Path c = capture();
    edit(c, rel, doc -> doc.set(token, readValue(value)));
    InputException e = rejection(c);
    assertThat(e.file()).endsWith(rel);
    assertThat(e.field()).isEqualTo(token);
    assertThat(e.getMessage())
        .contains(
            "captured without auto-pagination (more results follow): rerun the AWS CLI without"
                + " --max-items / --no-paginate");
  }

  private static JsonNode readValue(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aTokenBeforeTheListIsFoundAndWinsOverAProblemWithAnElement() throws IOException {
    Path c = capture();
    Path f = c.resolve(ASGS);
    String json = Files.readString(f).replace("\"MinSize\": 1", "\"MinSize\": 100");
    Files.writeString(f, "{\"NextToken\": \"abc\"," + json.strip().substring(1));
    InputException e = rejection(c);
    assertThat(e.file()).endsWith(ASGS);
    assertThat(e.field()).isEqualTo("NextToken");
  }

  @Test
  void aCompleteUnpaginatedPageIsRead() throws IOException {
    Path c = capture();
    edit(
        c,
        RECORDS,
        doc -> {
          doc.put("IsTruncated", false);
          doc.put("MaxItems", "300");
        });
    edit(c, "route53/list-hosted-zones.json", doc -> doc.put("Marker", ""));
    assertThat(CaptureReader.read(c).dnsRecords()).hasSize(1);
  }

  // ---- classic ELB
  // -------------------------------------------------------------------------------

  @Test
  void anAccountWithOnlyAlbsNeedsNoClassicElbFile() throws IOException {
    Path c = capture();
    for (String rel :
        List.of(
            "elb/describe-load-balancers.json",
            "elb/describe-tags.json",
            "elb/attributes/full-clb.json",
            "elb/policies/full-clb.json")) {
      Files.delete(c.resolve(rel));
    }
    edit(c, ASGS, doc -> first(doc, "AutoScalingGroups").putArray("LoadBalancerNames"));
    Inventory inv = CaptureReader.read(c);
    assertThat(inv.classicLoadBalancers()).isEmpty();
    assertThat(inv.loadBalancersV2()).hasSize(1);
    assertThat(infos(inv))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.subject()).isEqualTo("elb/describe-load-balancers.json");
              assertThat(n.message()).contains("taken to have none");
            });
  }

  @Test
  void withoutTheClassicElbFileAGroupNamingOneIsRefused() throws IOException {
    Path c = capture();
    Files.delete(c.resolve("elb/describe-load-balancers.json"));
    Files.delete(c.resolve("elb/describe-tags.json"));
    InputException e = rejection(c);
    assertThat(e.file()).endsWith(ASGS);
    assertThat(e.field()).isEqualTo("AutoScalingGroups[0].LoadBalancerNames[0]");
    assertThat(e.getMessage()).contains("not in elb/describe-load-balancers.json");
  }

  @Test
  void proxyProtocolIsReadPerInstancePort() throws IOException {
    Path c = capture();
    edit(
        c,
        "elb/describe-load-balancers.json",
        doc ->
            first(doc, "LoadBalancerDescriptions")
                .set(
                    "BackendServerDescriptions",
                    JSON.createArrayNode()
                        .add(
                            object(
                                "{\"InstancePort\": 8080, \"PolicyNames\": [\"full-proxy\","
                                    + " \"full-auth\"]}"))
                        .add(
                            object(
                                "{\"InstancePort\": 9090, \"PolicyNames\": [\"full-proxy-off\"]}"))));
    edit(
        c,
        "elb/policies/full-clb.json",
        doc ->
            doc.withArray("PolicyDescriptions")
                .add(
                    object(
                        "{\"PolicyName\": \"full-auth\", \"PolicyTypeName\":"
                            + " \"BackendServerAuthenticationPolicyType\","
                            + " \"PolicyAttributeDescriptions\": [{\"AttributeName\":"
                            + " \"PublicKeyPolicyName\", \"AttributeValue\": \"full-key\"}]}"))
                .add(
                    object(
                        "{\"PolicyName\": \"full-proxy-off\", \"PolicyTypeName\":"
                            + " \"ProxyProtocolPolicyType\", \"PolicyAttributeDescriptions\":"
                            + " [{\"AttributeName\": \"ProxyProtocol\", \"AttributeValue\":"
                            + " \"false\"}]}")));
    var lb = CaptureReader.read(c).classicLoadBalancers().get(0);
    assertThat(lb.backendPolicies())
        .containsExactly(
            new BackendPolicy(
                8080,
                "full-auth",
                "BackendServerAuthenticationPolicyType",
                Map.of("PublicKeyPolicyName", "full-key")),
            new BackendPolicy(
                8080, "full-proxy", "ProxyProtocolPolicyType", Map.of("ProxyProtocol", "true")),
            new BackendPolicy(
                9090,
                "full-proxy-off",
                "ProxyProtocolPolicyType",
                Map.of("ProxyProtocol", "false")));
    assertThat(lb.proxyProtocolPorts()).containsExactly(8080);
  }

  @Test
  void backEndPoliciesWithoutThePoliciesFileHaveNoTypeAndANote() throws IOException {
    Path c = capture();
    Files.delete(c.resolve("elb/policies/full-clb.json"));
    Inventory inv = CaptureReader.read(c);
    assertThat(inv.classicLoadBalancers().get(0).backendPolicies())
        .containsExactly(new BackendPolicy(8080, "full-proxy", null, Map.of()));
    assertThat(inv.classicLoadBalancers().get(0).proxyProtocolPorts()).isEmpty();
    assertThat(infos(inv))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.subject()).isEqualTo("full-clb");
              assertThat(n.message())
                  .contains("elb/policies/full-clb.json was not captured")
                  .contains("types are unknown");
            });
  }

  @Test
  void aBackEndPolicyMissingFromThePoliciesFileIsRefused() throws IOException {
    Path c = capture();
    edit(c, "elb/policies/full-clb.json", doc -> doc.putArray("PolicyDescriptions"));
    InputException e = rejection(c);
    assertThat(e.file()).endsWith("elb/describe-load-balancers.json");
    assertThat(e.field())
        .isEqualTo("LoadBalancerDescriptions[0].BackendServerDescriptions[0].PolicyNames[0]");
    assertThat(e.getMessage()).contains("policy 'full-proxy' is not in elb/policies/full-clb.json");
  }

  // ---- Auto Scaling
  // ------------------------------------------------------------------------------

  @Test
  void capacityInVcpusWithTypesChosenByAttributes() throws IOException {
    Path c = capture();
    edit(
        c,
        ASGS,
        doc -> {
          ObjectNode g = first(doc, "AutoScalingGroups");
          g.put("DesiredCapacityType", "vcpu");
          g.remove("Status");
          ObjectNode override =
              (ObjectNode) g.at("/MixedInstancesPolicy/LaunchTemplate/Overrides/0");
          override.remove("InstanceType");
          override.remove("WeightedCapacity");
          ((ObjectNode) g.withArray("Instances").get(0)).put("WeightedCapacity", "4");
        });
    AutoScalingGroup g = CaptureReader.read(c).autoScalingGroups().get(0);
    assertThat(g.desiredCapacityType()).isEqualTo("vcpu");
    assertThat(g.status()).isNull();
    assertThat(g.instanceOverrides())
        .containsExactly(new AutoScalingGroup.InstanceOverride(null, null));
    assertThat(g.instances().get(0).weightedCapacity()).isEqualTo(4);
  }

  @Test
  void aWeightThatIsNotAWholeNumberOfUnitsIsRefused() throws IOException {
    Path c = capture();
    edit(
        c,
        ASGS,
        doc ->
            ((ObjectNode) first(doc, "AutoScalingGroups").withArray("Instances").get(0))
                .put("WeightedCapacity", "1.5"));
    InputException e = rejection(c);
    assertThat(e.field()).isEqualTo("AutoScalingGroups[0].Instances[0].WeightedCapacity");
    assertThat(e.getMessage()).contains("'1.5' is not a whole number of capacity units");
  }

  // ---- Route53 ---------------------------------------------------------------------------------

  @Test
  void everyRecordThatAnswersForAHostIsKeptWithItsRouting() throws IOException {
    Path c = capture();
    edit(
        c,
        RECORDS,
        doc -> {
          ArrayNode sets = doc.putArray("ResourceRecordSets");
          sets.add(
              object(
                  "{\"Name\": \"full.example.net.\", \"Type\": \"MX\", \"TTL\": 300,"
                      + " \"ResourceRecords\": [{\"Value\": \"10 mail.full.example.net.\"}]}"));
          // a chain inside the zone: m -> www -> the apex -> the ALB
          sets.add(
              object(
                  "{\"Name\": \"full.example.net.\", \"Type\": \"A\", \"AliasTarget\":"
                      + " {\"HostedZoneId\": \"Z32O12XQLNTSW2\", \"DNSName\":"
                      + " \"dualstack.full-alb-1234567890.eu-west-1.elb.amazonaws.com.\","
                      + " \"EvaluateTargetHealth\": true}}"));
          sets.add(
              object(
                  "{\"Name\": \"www.full.example.net.\", \"Type\": \"A\", \"AliasTarget\":"
                      + " {\"HostedZoneId\": \""
                      + ZONE
                      + "\", \"DNSName\": \"full.example.net.\", \"EvaluateTargetHealth\":"
                      + " false}}"));
          sets.add(
              object(
                  "{\"Name\": \"m.full.example.net.\", \"Type\": \"CNAME\", \"TTL\": 300,"
                      + " \"ResourceRecords\": [{\"Value\": \"www.full.example.net\"}]}"));
          // failover: a health-checked primary, a secondary
          sets.add(
              object(
                  "{\"Name\": \"pay.full.example.net.\", \"Type\": \"CNAME\", \"SetIdentifier\":"
                      + " \"pay-a\", \"Failover\": \"PRIMARY\", \"TTL\": 60, \"ResourceRecords\":"
                      + " [{\"Value\": \"full-alb-1234567890.eu-west-1.elb.amazonaws.com\"}],"
                      + " \"HealthCheckId\": \"3d4e5f60-7182-93a4-b5c6-d7e8f90a1b2c\"}"));
          sets.add(
              object(
                  "{\"Name\": \"pay.full.example.net.\", \"Type\": \"CNAME\", \"SetIdentifier\":"
                      + " \"pay-b\", \"Failover\": \"SECONDARY\", \"TTL\": 60,"
                      + " \"ResourceRecords\": [{\"Value\": \"standby.example.org\"}]}"));
          // latency, geolocation, CIDR
          sets.add(
              object(
                  "{\"Name\": \"near.full.example.net.\", \"Type\": \"A\", \"SetIdentifier\":"
                      + " \"near-eu\", \"Region\": \"eu-west-1\", \"AliasTarget\":"
                      + " {\"HostedZoneId\": \"Z32O12XQLNTSW2\", \"DNSName\":"
                      + " \"full-alb-1234567890.eu-west-1.elb.amazonaws.com.\","
                      + " \"EvaluateTargetHealth\": true}}"));
          sets.add(
              object(
                  "{\"Name\": \"geo.full.example.net.\", \"Type\": \"CNAME\", \"SetIdentifier\":"
                      + " \"geo-default\", \"GeoLocation\": {\"CountryCode\": \"*\"}, \"TTL\": 60,"
                      + " \"ResourceRecords\": [{\"Value\": \"www.full.example.net\"}]}"));
          sets.add(
              object(
                  "{\"Name\": \"office.full.example.net.\", \"Type\": \"CNAME\","
                      + " \"SetIdentifier\": \"office-hq\", \"CidrRoutingConfig\":"
                      + " {\"CollectionId\": \"4e5f6071-8293-a4b5-c6d7-e8f90a1b2c3d\","
                      + " \"LocationName\": \"hq\"}, \"TTL\": 60, \"ResourceRecords\": [{\"Value\":"
                      + " \"www.full.example.net\"}]}"));
          // a weighted group of an alias and a plain address record
          sets.add(
              object(
                  "{\"Name\": \"shop.full.example.net.\", \"Type\": \"A\", \"SetIdentifier\":"
                      + " \"alb\", \"Weight\": 3, \"AliasTarget\": {\"HostedZoneId\":"
                      + " \"Z32O12XQLNTSW2\", \"DNSName\":"
                      + " \"full-alb-1234567890.eu-west-1.elb.amazonaws.com.\","
                      + " \"EvaluateTargetHealth\": false}}"));
          sets.add(
              object(
                  "{\"Name\": \"shop.full.example.net.\", \"Type\": \"A\", \"SetIdentifier\":"
                      + " \"on-prem\", \"Weight\": 1, \"TTL\": 60, \"ResourceRecords\":"
                      + " [{\"Value\": \"198.51.100.20\"}]}"));
        });
    List<DnsRecord> records = CaptureReader.read(c).dnsRecords();
    assertThat(records)
        .extracting(r -> r.name() + " " + r.type() + " " + r.setIdentifier())
        .containsExactly(
            "full.example.net A null",
            "geo.full.example.net CNAME geo-default",
            "m.full.example.net CNAME null",
            "near.full.example.net A near-eu",
            "office.full.example.net CNAME office-hq",
            "pay.full.example.net CNAME pay-a",
            "pay.full.example.net CNAME pay-b",
            "shop.full.example.net A alb",
            "shop.full.example.net A on-prem",
            "www.full.example.net A null");
    DnsRecord primary = records.get(5);
    assertThat(primary.routingPolicy()).isEqualTo("failover");
    assertThat(primary.failover()).isEqualTo("PRIMARY");
    assertThat(primary.healthCheckId()).isEqualTo("3d4e5f60-7182-93a4-b5c6-d7e8f90a1b2c");
    assertThat(records.get(6).failover()).isEqualTo("SECONDARY");
    assertThat(records.get(3).region()).isEqualTo("eu-west-1");
    assertThat(records.get(3).routingPolicy()).isEqualTo("latency");
    assertThat(records.get(1).geoLocation()).isEqualTo(new DnsRecord.GeoLocation(null, "*", null));
    assertThat(records.get(4).cidrRouting())
        .isEqualTo(new DnsRecord.CidrRouting("4e5f6071-8293-a4b5-c6d7-e8f90a1b2c3d", "hq"));
    assertThat(records.get(4).routingPolicy()).isEqualTo("cidr");
    assertThat(records.get(8).values()).containsExactly("198.51.100.20");
    assertThat(records.get(8).weight()).isEqualTo(1L);
    assertThat(records.get(9).aliasTarget().hostedZoneId()).isEqualTo(ZONE);
  }

  @Test
  void aWeightedAndAPlainRecordOfOneNameAndTypeContradictEachOther() throws IOException {
    Path c = capture();
    edit(
        c,
        RECORDS,
        doc ->
            doc.withArray("ResourceRecordSets")
                .add(
                    object(
                        "{\"Name\": \"www.full.example.net.\", \"Type\": \"A\", \"TTL\": 60,"
                            + " \"ResourceRecords\": [{\"Value\": \"192.0.2.99\"}]}")));
    InputException e = rejection(c);
    assertThat(e.file()).endsWith(RECORDS);
    assertThat(e.getMessage()).contains("does not mix routing policies");
  }

  @Test
  void aPrivateZoneWithoutItsDetailsHasNoVpcsAndANote() throws IOException {
    Path c = capture();
    Files.delete(c.resolve("route53/hosted-zones/" + ZONE + ".json"));
    Inventory inv = CaptureReader.read(c);
    assertThat(inv.hostedZones())
        .containsExactly(new HostedZone(ZONE, "full.example.net", true, List.of()));
    assertThat(infos(inv))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.subject()).isEqualTo(ZONE);
              assertThat(n.message())
                  .contains("Private hosted zone full.example.net")
                  .contains("route53/hosted-zones/" + ZONE + ".json");
            });
  }

  @Test
  void theDetailsOfAnotherZoneAreRefused() throws IOException {
    Path c = capture();
    edit(
        c,
        "route53/hosted-zones/" + ZONE + ".json",
        doc -> ((ObjectNode) doc.get("HostedZone")).put("Id", "/hostedzone/Z0OTHERZONE0001"));
    InputException e = rejection(c);
    assertThat(e.file()).endsWith("route53/hosted-zones/" + ZONE + ".json");
    assertThat(e.field()).isEqualTo("HostedZone.Id");
    assertThat(e.getMessage()).contains("is Z0OTHERZONE0001, not the zone " + ZONE);
  }
}
