package io.canary2k8s.discover.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.canary2k8s.discover.CaptureReader;
import io.canary2k8s.input.Json;
import io.canary2k8s.inventory.ClassicLoadBalancer;
import io.canary2k8s.inventory.CrossZone;
import io.canary2k8s.inventory.DnsRecord;
import io.canary2k8s.inventory.Inventory;
import io.canary2k8s.inventory.InventoryJson;
import io.canary2k8s.notes.Note;
import io.canary2k8s.notes.Notes;
import io.canary2k8s.notes.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * Live discovery against moto, compared with the AWS CLI capture of the same emulator read by
 * CaptureReader. Every {@code samples/*}{@code /capture} is recreated in moto and checked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveDiscoveryMotoTest {
  /** Every operation any live discovery of this class called. */
  private static final CallRecorder CALLS = new CallRecorder();

  private URI endpoint;
  @TempDir Path tmp;

  @BeforeAll
  void start() {
    endpoint = Moto.endpoint();
  }

  @AfterAll
  void everyCallIsInThePolicy() {
    if (CALLS.total() > 0) {
      assertThat(policyActions()).containsAll(CALLS.actions());
    }
  }

  LiveOptions options(String... regions) {
    return LiveOptions.defaults()
        .withRegions(List.of(regions))
        .withEndpointUrl(endpoint)
        .withCredentialsProvider(Seeder.CREDENTIALS)
        .withCallRecorder(CALLS);
  }

  // ---- samples -------------------------------------------------------------------------------

  @TestFactory
  Stream<DynamicTest> everySampleCaptureDiscoversLikeTheCaptureScript() throws IOException {
    Path samples = Path.of(System.getProperty("samples.dir", "../samples"));
    List<Path> captures = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(samples)) {
      // a sample marked NOT-IN-AWS holds names AWS itself refuses (samples/odd-names), one marked
      // NOT-IN-MOTO shapes AWS takes and moto does not (samples/alb-shapes): moto cannot hold it,
      // so there is nothing to compare
      dirs.filter(d -> !Files.exists(d.resolve("NOT-IN-AWS")))
          .filter(d -> !Files.exists(d.resolve("NOT-IN-MOTO")))
          .map(d -> d.resolve("capture"))
          .filter(Files::isDirectory)
          .sorted()
          .forEach(captures::add);
    }
    assertThat(captures).as("sample captures under " + samples).isNotEmpty();
    return captures.stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.getParent().getFileName().toString(), () -> checkSample(c)));
  }

  private void checkSample(Path capture) throws IOException {
    Inventory sample = CaptureReader.read(capture);
    String region =
        sample.provenance() != null && sample.provenance().region() != null
            ? sample.provenance().region()
            : "us-east-1";
    Moto.reset();
    try (Seeder seeder = new Seeder(endpoint, region)) {
      seeder.seed(sample);
    }
    Notes run = new Notes();
    Map<String, Inventory> live = LiveDiscovery.discover(options(region), run, Progress.NONE);
    assertThat(live).containsOnlyKeys(region);
    Inventory liveInventory = live.get(region);
    Path dir = tmp.resolve(capture.getParent().getFileName().toString());
    Inventory captured = CaptureRun.capture(endpoint, region, dir);

    assertSameEstate(liveInventory, captured);
    assertThat(Shape.of(withoutUncapturedAttributes(liveInventory, sample)))
        .as("moto holds the sample's estate")
        .isEqualTo(Shape.of(sample));
    assertThat(liveInventory.provenance().source()).isEqualTo("aws-api");
    assertThat(liveInventory.provenance().capturedAt()).isNull();
    assertThat(liveInventory.provenance().accountId()).isEqualTo("123456789012");
    assertNoUserData(liveInventory, dir);
  }

  /**
   * A sample without an ELB's attributes file says UNKNOWN; moto always has attributes (its
   * defaults), so those are blanked in the live inventory before comparing shapes.
   */
  private static Inventory withoutUncapturedAttributes(Inventory live, Inventory sample) {
    Set<String> unknown = new TreeSet<>();
    sample.classicLoadBalancers().stream()
        .filter(lb -> lb.crossZone() == CrossZone.UNKNOWN)
        .forEach(lb -> unknown.add(lb.name()));
    List<ClassicLoadBalancer> lbs = new ArrayList<>();
    for (ClassicLoadBalancer lb : live.classicLoadBalancers()) {
      lbs.add(
          !unknown.contains(lb.name())
              ? lb
              : new ClassicLoadBalancer(
                  lb.name(),
                  lb.dnsName(),
                  lb.scheme(),
                  lb.availabilityZones(),
                  lb.listeners(),
                  lb.healthCheck(),
                  lb.instanceIds(),
                  CrossZone.UNKNOWN,
                  null,
                  null,
                  lb.policies(),
                  lb.tags()));
    }
    return new Inventory(
        live.schemaVersion(),
        live.provenance(),
        lbs,
        live.loadBalancersV2(),
        live.targetGroups(),
        live.autoScalingGroups(),
        live.hostedZones(),
        live.dnsRecords(),
        live.notes());
  }

  // ---- hand-made estates --------------------------------------------------------------------

  @Test
  void syntheticEstateDiscoversLikeTheCaptureScript() throws IOException {
    Moto.reset();
    Inventory estate = Estates.synthetic("eu-west-1");
    try (Seeder seeder = new Seeder(endpoint, "eu-west-1")) {
      seeder.seed(estate);
    }
    List<String> progress = new ArrayList<>();
    Inventory live =
        LiveDiscovery.discover(
                options("eu-west-1"),
                new Notes(),
                (service, region, n) -> progress.add(service + "@" + region + "=" + n))
            .get("eu-west-1");
    Inventory captured = CaptureRun.capture(endpoint, "eu-west-1", tmp.resolve("synthetic"));

    assertSameEstate(live, captured);
    assertThat(Shape.of(live)).isEqualTo(Shape.of(estate));
    assertThat(live.dnsRecords())
        .extracting(DnsRecord::setIdentifier)
        .as("set identifiers as AWS sent them, not cut by the SDK's Route53IdInterceptor")
        .contains("team-a/stable", "team-b/canary", "team-a/canary");
    assertThat(live.notes()).isEmpty();
    assertThat(progress)
        .contains("elb load balancers@eu-west-1=25", "autoscaling groups@eu-west-1=3");
    assertNoUserData(live, tmp.resolve("synthetic"));
  }

  @Test
  void severalRegionsGiveOneInventoryEachWithTheGlobalZones() {
    Moto.reset();
    Inventory west = Estates.synthetic("eu-west-1");
    try (Seeder seeder = new Seeder(endpoint, "eu-west-1")) {
      seeder.seed(west);
    }
    try (Seeder seeder = new Seeder(endpoint, "us-east-2")) {
      seeder.loadBalancer(
          Estates.elb(
              "east-only", "us-east-2", io.canary2k8s.inventory.CrossZone.ENABLED, Map.of()));
    }
    Map<String, Inventory> live =
        LiveDiscovery.discover(options("us-east-2", "eu-west-1"), new Notes(), null);
    assertThat(live.keySet()).containsExactly("eu-west-1", "us-east-2");
    assertThat(live.get("us-east-2").classicLoadBalancers())
        .extracting(l -> l.name())
        .containsExactly("east-only");
    assertThat(live.get("eu-west-1").classicLoadBalancers()).hasSize(25);
    assertThat(live.get("us-east-2").hostedZones()).isEqualTo(live.get("eu-west-1").hostedZones());
    assertThat(live.get("us-east-2").dnsRecords()).isEqualTo(live.get("eu-west-1").dnsRecords());
    assertThat(live.get("us-east-2").provenance().region()).isEqualTo("us-east-2");
  }

  @Test
  void assumedRoleReadsTheSameEstate() {
    Moto.reset();
    try (Seeder seeder = new Seeder(endpoint, "eu-west-1")) {
      seeder.seed(Estates.synthetic("eu-west-1"));
    }
    CallRecorder calls = new CallRecorder();
    Inventory direct =
        LiveDiscovery.discover(options("eu-west-1"), new Notes(), null).get("eu-west-1");
    Inventory assumed =
        LiveDiscovery.discover(
                options("eu-west-1")
                    .withRoleArn("arn:aws:iam::123456789012:role/canary2k8s-read")
                    .withCallRecorder(calls),
                new Notes(),
                null)
            .get("eu-west-1");
    assertThat(assumed).isEqualTo(direct);
    assertThat(calls.actions()).contains("sts:AssumeRole");
    CALLS.record("sts:AssumeRole");
  }

  // ---- Route53 paging -----------------------------------------------------------------------

  @Test
  void pageBoundaryInsideAWeightedGroupNeitherDuplicatesNorLoses() throws IOException {
    Moto.reset();
    String zone;
    try (Seeder seeder = new Seeder(endpoint, "us-east-1")) {
      zone = createZone(seeder, "paging.example");
      List<Change> changes = new ArrayList<>();
      for (int i = 0; i < 250; i++) {
        changes.add(
            cname(String.format(java.util.Locale.ROOT, "a%03d.paging.example", i), null, null));
      }
      for (int i = 0; i < 100; i++) {
        changes.add(cname("w.paging.example", "team/w" + i, 1L));
      }
      String z = zone;
      seeder.route53.changeResourceRecordSets(
          r -> r.hostedZoneId(z).changeBatch(b -> b.changes(changes)));
    }
    CallRecorder calls = new CallRecorder();
    Inventory live =
        LiveDiscovery.discover(options("us-east-1").withCallRecorder(calls), new Notes(), null)
            .get("us-east-1");
    assertThat(live.dnsRecords()).hasSize(350);
    assertThat(live.dnsRecords().stream().filter(r -> r.name().equals("w.paging.example")).count())
        .isEqualTo(100);
    assertThat(live.notes()).isEmpty();
    assertThat(calls.counts()).containsEntry("route53:ListResourceRecordSets", 2);
    Inventory captured = CaptureRun.capture(endpoint, "us-east-1", tmp.resolve("paging"));
    assertSameEstate(live, captured);
  }

  @Test
  void weightedGroupLongerThanAPageStopsWithAWarningInsteadOfLooping() {
    Moto.reset();
    try (Seeder seeder = new Seeder(endpoint, "us-east-1")) {
      String zone = createZone(seeder, "big.example");
      List<Change> changes = new ArrayList<>();
      for (int i = 0; i < 320; i++) {
        changes.add(cname("w.big.example", String.format(java.util.Locale.ROOT, "s%03d", i), 1L));
      }
      seeder.route53.changeResourceRecordSets(
          r -> r.hostedZoneId(zone).changeBatch(b -> b.changes(changes)));
    }
    Inventory live =
        LiveDiscovery.discover(options("us-east-1"), new Notes(), null).get("us-east-1");
    List<DnsRecord> group =
        live.dnsRecords().stream().filter(r -> r.name().equals("w.big.example")).toList();
    assertThat(group).extracting(DnsRecord::setIdentifier).doesNotHaveDuplicates();
    assertThat(group.size()).isBetween(298, 320);
    assertThat(live.notes())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.severity()).isEqualTo(Severity.WARNING);
              assertThat(n.message()).contains("twice").contains("big.example");
            });
  }

  private static String createZone(Seeder seeder, String name) {
    String id =
        seeder.route53.createHostedZone(r -> r.name(name).callerReference(name)).hostedZone().id();
    return id.substring(id.lastIndexOf('/') + 1);
  }

  private static Change cname(String name, String setId, Long weight) {
    return Change.builder()
        .action(ChangeAction.CREATE)
        .resourceRecordSet(
            ResourceRecordSet.builder()
                .name(name)
                .type("CNAME")
                .ttl(60L)
                .setIdentifier(setId)
                .weight(weight)
                .resourceRecords(v -> v.value("target.example.net"))
                .build())
        .build();
  }

  // ---- IAM policy -----------------------------------------------------------------------------

  @Test
  void iamPolicyHoldsExactlyTheActionsDiscoveryCalls() {
    Moto.reset();
    try (Seeder seeder = new Seeder(endpoint, "eu-west-1")) {
      seeder.seed(Estates.synthetic("eu-west-1"));
    }
    // an ALB estate too, so that every ELBv2 call (listeners, rules, attributes) is made
    Path alb =
        Path.of(System.getProperty("samples.dir", "../samples")).resolve("alb-weighted/capture");
    try (Seeder seeder = new Seeder(endpoint, "us-east-1")) {
      seeder.seed(CaptureReader.read(alb));
    }
    CallRecorder calls = new CallRecorder();
    LiveDiscovery.discover(
        options("eu-west-1", "us-east-1")
            .withRoleArn("arn:aws:iam::123456789012:role/canary2k8s-read")
            .withCallRecorder(calls),
        new Notes(),
        null);
    assertThat(calls.actions()).isEqualTo(policyActions());
  }

  static Set<String> policyActions() {
    Path policy = Path.of(System.getProperty("repo.dir", "..")).resolve("docs/iam-policy.json");
    JsonNode root = Json.readTree(policy, "docs/iam-policy.json");
    Set<String> actions = new TreeSet<>();
    for (JsonNode statement : root.get("Statement")) {
      JsonNode a = statement.get("Action");
      if (a.isArray()) {
        a.forEach(x -> actions.add(x.asText()));
      } else {
        actions.add(a.asText());
      }
    }
    return actions;
  }

  // ---- helpers --------------------------------------------------------------------------------

  static void assertSameEstate(Inventory live, Inventory captured) {
    for (var g : live.autoScalingGroups()) {
      // with weighted instance types the desired capacity counts units, not instances
      if (g.instanceOverrides().stream().allMatch(o -> o.weightedCapacity() == null)) {
        assertThat(g.instances()).as(g.name() + " instances").hasSize(g.desiredCapacity());
      }
    }
    assertThat(captured.provenance().source()).isEqualTo("aws-cli");
    assertThat(captured.provenance().capturedAt()).isNotNull();
    assertThat(InventoryJson.write(LiveDiscovery.comparable(live)))
        .isEqualTo(InventoryJson.write(LiveDiscovery.comparable(captured)));
    assertThat(LiveDiscovery.comparable(live)).isEqualTo(LiveDiscovery.comparable(captured));
  }

  static void assertNoUserData(Inventory live, Path captureDir) throws IOException {
    String marker = Seeder.USER_DATA_MARKER;
    String encoded =
        Base64.getEncoder()
            .encodeToString(
                ("#!/bin/bash\necho " + marker + "\n").getBytes(StandardCharsets.UTF_8));
    assertThat(InventoryJson.write(live)).doesNotContain(marker).doesNotContain(encoded);
    assertThat(CaptureScript.render())
        .doesNotContain("launch-configuration")
        .doesNotContain("launch-template");
    try (Stream<Path> files = Files.walk(captureDir)) {
      files
          .filter(Files::isRegularFile)
          .forEach(
              f -> {
                try {
                  String text = Files.readString(f);
                  assertThat(text).as(f.toString()).doesNotContain(marker).doesNotContain(encoded);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
    for (Note n : live.notes()) {
      assertThat(n.message()).doesNotContain(marker);
    }
  }
}
