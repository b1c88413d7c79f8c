package io.canary2k8s.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.canary2k8s.config.Config;
import io.canary2k8s.discover.CaptureReader;
import io.canary2k8s.inventory.AliasTarget;
import io.canary2k8s.inventory.AutoScalingGroup;
import io.canary2k8s.inventory.ClassicLoadBalancer;
import io.canary2k8s.inventory.CrossZone;
import io.canary2k8s.inventory.DnsRecord;
import io.canary2k8s.inventory.HealthCheck;
import io.canary2k8s.inventory.Instance;
import io.canary2k8s.inventory.Inventory;
import io.canary2k8s.inventory.Listener;
import io.canary2k8s.inventory.Provenance;
import io.canary2k8s.notes.Notifier;
import io.canary2k8s.split.WeightBasis;
import io.canary2k8s.testing.Seeded;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The plan is built on every core: the plan, and the notes in the order the notifier is called, are
 * the same on one thread as on several. The estates make apps whose names collide (an app's name
 * depends on the apps named before it), canaries whose track names collide, weighted DNS names over
 * two load balancers, and hosts shared by two apps.
 */
class PlanBuilderThreadsTest {
  static final String[] ZONES = {"eu-west-1a", "eu-west-1b", "eu-west-1c"};
  static final String[] APP_TAGS = {"shop", "Shop", "shop", "pay/ments", "x".repeat(50)};
  static final String[] TRACKS = {"stable", "beta", "beta", ""};

  record Run(Plan plan, List<String> notes, Throwable failure) {}

  static Run run(Inventory inventory, WeightBasis basis, int threads) {
    List<String> notes = new ArrayList<>();
    Thread caller = Thread.currentThread();
    Notifier n =
        (severity, subject, message) -> {
          assertThat(Thread.currentThread())
              .as("notes are made on the calling thread")
              .isSameAs(caller);
          notes.add(severity + " " + subject + ": " + message);
        };
    Plan[] plan = new Plan[1];
    Throwable failure =
        catchThrowable(
            () ->
                plan[0] =
                    PlanBuilder.build(
                        inventory, new PlanOptions(basis, Config.EMPTY, "traefik:v3"), n, threads));
    return new Run(plan[0], notes, failure);
  }

  static void assertSameOnEveryThreadCount(Inventory inventory) {
    for (WeightBasis basis : WeightBasis.values()) {
      Run one = run(inventory, basis, 1);
      assertThat(one.failure()).isNull();
      assertThat(one.plan().apps()).isNotEmpty();
      for (int threads : new int[] {2, 3, 8}) {
        Run many = run(inventory, basis, threads);
        assertThat(many.failure()).isNull();
        assertThat(many.plan()).as("plan on %d threads", threads).isEqualTo(one.plan());
        assertThat(many.notes())
            .as("notes on %d threads", threads)
            .containsExactlyElementsOf(one.notes());
      }
    }
  }

  @Test
  void generatedEstatesPlanTheSameOnOneThreadAndOnMany() {
    Seeded.forAll(
        "plan threads",
        6,
        rnd -> assertSameOnEveryThreadCount(estate(rnd, 150 + rnd.nextInt(150), null)));
  }

  @Test
  void theSamplesTogetherPlanTheSameOnOneThreadAndOnMany() throws Exception {
    List<Inventory> parts = new ArrayList<>();
    try (Stream<Path> samples = Files.list(Path.of("..", "samples"))) {
      for (Path s : samples.sorted().toList()) {
        parts.add(CaptureReader.read(s.resolve("capture")));
      }
    }
    parts.add(CaptureReader.read(ElbV2PlanTest.capture("nlb-cross-zone-off")));
    assertThat(parts).hasSizeGreaterThan(3);
    assertSameOnEveryThreadCount(
        new Inventory(
            Inventory.SCHEMA_VERSION,
            parts.get(0).provenance(),
            parts.stream().flatMap(i -> i.classicLoadBalancers().stream()).toList(),
            parts.stream().flatMap(i -> i.loadBalancersV2().stream()).toList(),
            parts.stream().flatMap(i -> i.targetGroups().stream()).toList(),
            parts.stream().flatMap(i -> i.autoScalingGroups().stream()).toList(),
            parts.stream().flatMap(i -> i.hostedZones().stream()).distinct().toList(),
            parts.stream().flatMap(i -> i.dnsRecords().stream()).toList(),
            List.of()));
  }

  /**
   * A failure inside one app is thrown as it was, after the notes of the apps before it, whatever
   * the threads: the same exception, raised where the plan failed (a piece of the plan stage, not
   * the code that runs the jobs).
   */
  @Test
  void aFailureInsideAnAppIsThrownUnwrappedAfterTheNotesBeforeIt() {
    Inventory inventory = estate(new Random(42), 200, 137);
    Run one = run(inventory, WeightBasis.DESIRED, 1);
    assertThat(one.failure()).isExactlyInstanceOf(NullPointerException.class);
    StackTraceElement raised = one.failure().getStackTrace()[0];
    assertThat(raised.getClassName()).startsWith("io.canary2k8s.plan.");
    for (int threads : new int[] {2, 8}) {
      Run many = run(inventory, WeightBasis.DESIRED, threads);
      assertThat(many.failure()).isExactlyInstanceOf(NullPointerException.class);
      assertThat(many.failure().getStackTrace()[0]).isEqualTo(raised);
      assertThat(many.notes()).containsExactlyElementsOf(one.notes());
    }
  }

  // ---- the estate ---------------------------------------------------------------------------

  /**
   * {@code apps} classic ELBs, each with a stable ASG and up to two canaries; some with a second
   * ELB the same groups are behind and a weighted DNS name over both; some sharing a host with the
   * app before. App {@code broken} (if not null) has a listener without a protocol.
   */
  static Inventory estate(Random rnd, int apps, Integer broken) {
    List<ClassicLoadBalancer> elbs = new ArrayList<>();
    List<AutoScalingGroup> asgs = new ArrayList<>();
    List<DnsRecord> records = new ArrayList<>();
    for (int a = 0; a < apps; a++) {
      String elb = (rnd.nextInt(5) == 0 ? "shop" : "elb-" + a) + "-" + a;
      List<String> lbNames = new ArrayList<>(List.of(elb));
      if (rnd.nextInt(6) == 0) {
        lbNames.add(elb + "-b");
      }
      for (String lb : lbNames) {
        Map<String, String> tags = new TreeMap<>();
        if (rnd.nextInt(3) == 0) {
          tags.put(PlanBuilder.TAG_APP, APP_TAGS[rnd.nextInt(APP_TAGS.length)]);
        }
        List<Listener> listeners = new ArrayList<>();
        listeners.add(
            new Listener(broken != null && broken == a ? null : "HTTP", 80, "HTTP", 8080, null));
        if (rnd.nextBoolean()) {
          listeners.add(
              new Listener(
                  "HTTPS", 443, "HTTP", 8080, "arn:aws:acm:eu-west-1:1:certificate/" + lb));
        }
        elbs.add(
            new ClassicLoadBalancer(
                lb,
                dns(lb),
                "internet-facing",
                someZones(rnd),
                listeners,
                new HealthCheck(rnd.nextBoolean() ? "HTTP:8080/health" : "TCP:8080", 10, 5, 2, 3),
                List.of(),
                CrossZone.values()[rnd.nextInt(3)],
                rnd.nextBoolean() ? 30 : null,
                null,
                List.of(),
                tags));
      }
      int groups = 1 + rnd.nextInt(3);
      for (int g = 0; g < groups; g++) {
        String name = "asg-" + a + "-" + g;
        Map<String, String> tags = new TreeMap<>();
        String track = TRACKS[rnd.nextInt(TRACKS.length)];
        if (!track.isEmpty()) {
          tags.put(PlanBuilder.TAG_TRACK, track);
        }
        if (rnd.nextInt(4) == 0) {
          tags.put(PlanBuilder.TAG_APP, APP_TAGS[rnd.nextInt(APP_TAGS.length)]);
        }
        List<String> zones = someZones(rnd);
        int desired = rnd.nextInt(5);
        List<Instance> instances = new ArrayList<>();
        for (int i = 0; i < desired; i++) {
          instances.add(
              new Instance(
                  "i-" + a + "-" + g + "-" + i,
                  zones.get(i % zones.size()),
                  rnd.nextInt(5) == 0 ? "Pending" : "InService",
                  "Healthy",
                  "m5.large"));
        }
        asgs.add(
            new AutoScalingGroup(
                name,
                "arn:" + name,
                rnd.nextInt(2),
                1 + rnd.nextInt(6),
                desired,
                zones,
                lbNames,
                List.of(),
                instances,
                List.of(),
                false,
                List.of(),
                tags));
      }
      String host = "app" + (a > 0 && rnd.nextInt(8) == 0 ? a - 1 : a) + ".example.com";
      if (lbNames.size() == 2) {
        for (String lb : lbNames) {
          records.add(
              new DnsRecord(
                  "Z1",
                  host,
                  "A",
                  null,
                  lb,
                  (long) rnd.nextInt(3),
                  List.of(),
                  new AliasTarget(dns(lb), "Z32O12XQLNTSW2", false),
                  "weighted"));
        }
      } else {
        records.add(
            new DnsRecord(
                "Z1",
                host + (rnd.nextInt(8) == 0 ? "x" : ""),
                "CNAME",
                60L,
                null,
                null,
                List.of(dns(elb)),
                null,
                "simple"));
      }
    }
    return new Inventory(
        Inventory.SCHEMA_VERSION,
        new Provenance("test", "eu-west-1", null, null),
        elbs,
        List.of(),
        List.of(),
        asgs,
        List.of(),
        records,
        List.of());
  }

  static String dns(String lb) {
    return lb.toLowerCase(java.util.Locale.ROOT) + "-123.eu-west-1.elb.amazonaws.com";
  }

  static List<String> someZones(Random rnd) {
    List<String> z = new ArrayList<>();
    for (String zone : ZONES) {
      if (rnd.nextBoolean()) {
        z.add(zone);
      }
    }
    return z.isEmpty() ? List.of(ZONES[rnd.nextInt(3)]) : z;
  }
}
