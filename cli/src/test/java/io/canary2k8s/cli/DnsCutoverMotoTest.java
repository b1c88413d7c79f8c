package io.canary2k8s.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.canary2k8s.config.Config;
import io.canary2k8s.discover.CaptureReader;
import io.canary2k8s.emit.RouteEmitter;
import io.canary2k8s.emit.RouteEmitters;
import io.canary2k8s.inventory.DnsNames;
import io.canary2k8s.inventory.DnsRecord;
import io.canary2k8s.inventory.HostedZone;
import io.canary2k8s.inventory.Inventory;
import io.canary2k8s.notes.Notes;
import io.canary2k8s.plan.PlanOptions;
import io.canary2k8s.render.dns.DnsCutover;
import io.canary2k8s.render.dns.EdgeTarget;
import io.canary2k8s.split.WeightBasis;
import io.canary2k8s.translate.Translation;
import io.canary2k8s.translate.Translator;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every DNS change batch of every sample, applied to Route53 in moto with the real AWS CLI, in the
 * documented orders (forward to the finish and back; a step, then the rollbacks), with the records
 * read back after each batch and compared with what the step promises.
 *
 * <p>moto is lenient where Route53 is not (a DELETE need not match the record exactly, and a DELETE
 * with a set identifier removes every record with that identifier in the zone), so every batch is
 * also applied to a strict in-memory model of a zone that enforces Route53's rules: a DELETE must
 * match exactly, a CREATE must not exist, a CNAME stands alone at its name, and a simple record
 * cannot sit beside weighted ones of the same name and type.
 */
class DnsCutoverMotoTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final EdgeTarget EDGE =
      new EdgeTarget("k8s-edge-0123456789.elb.us-east-1.amazonaws.com", "Z35SXDOTRQ7X7K");
  static URI endpoint;
  static Process moto;

  /** The records each known sample must move, by zone name ("name type"). */
  static final Map<String, List<String>> EXPECTED_MOVES =
      Map.of(
          "razorpay-myapp", List.of("myapp-canary.example.com CNAME", "myapp.example.com CNAME"),
          "cross-zone-off",
              List.of(
                  "*.checkout.shop.example.org CNAME",
                  "checkout.shop.example.org A",
                  "checkout.shop.example.org AAAA"),
          // search-canary has no route (its canary ELB has no instances), so its name stays on AWS
          "canary-at-zero", List.of("search.example.net CNAME"));

  @BeforeAll
  static void startMoto() throws Exception {
    String env = System.getenv("CANARY2K8S_MOTO_ENDPOINT");
    if (env != null && !env.isBlank()) {
      endpoint = URI.create(env.replaceAll("/$", ""));
      return;
    }
    assumeTrue(
        onPath("moto_server") != null,
        "moto_server is not on PATH and CANARY2K8S_MOTO_ENDPOINT is unset");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path log = Files.createTempFile("canary2k8s-moto-", ".log");
    moto =
        new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", String.valueOf(port))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    endpoint = URI.create("http://127.0.0.1:" + port);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      try {
        if (http.send(
                    HttpRequest.newBuilder(endpoint.resolve("/moto-api/")).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          break;
        }
      } catch (IOException notYet) {
        // starting
      }
      if (!moto.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException("moto_server did not start; see " + log);
      }
      Thread.sleep(250);
    }
  }

  @AfterAll
  static void stopMoto() throws InterruptedException {
    if (moto != null) {
      moto.destroy();
      if (!moto.waitFor(10, TimeUnit.SECONDS)) {
        moto.destroyForcibly();
      }
    }
  }

  /**
   * Samples that moto can hold: not those marked NOT-IN-AWS (odd-names: AWS refuses them) or
   * NOT-IN-MOTO (alb-shapes: AWS takes them, moto does not).
   */
  static java.util.stream.Stream<String> inAws() {
    return Samples.names().stream()
        .filter(n -> !Files.exists(Samples.dir().resolve(n).resolve("NOT-IN-AWS")))
        .filter(n -> !Files.exists(Samples.dir().resolve(n).resolve("NOT-IN-MOTO")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inAws")
  void everyBatchIsAcceptedAndEveryStepHasItsWeights(String sample, @TempDir Path tmp)
      throws IOException {
    assumeTrue(onPath("aws") != null, "the AWS CLI is not on PATH");
    Inventory inv = CaptureReader.read(Samples.capture(sample));
    RouteEmitter emitter = RouteEmitters.byName("traefik-v3");
    Translation tr =
        Translator.translate(
            inv,
            new PlanOptions(WeightBasis.DESIRED, Config.EMPTY, emitter.defaultEdgeImage()),
            emitter,
            new Notes());
    Map<String, String> files = DnsCutover.files(tr.plan(), inv, EDGE, new Notes().scoped("test"));
    for (var e : files.entrySet()) {
      Path f = tmp.resolve(e.getKey());
      Files.createDirectories(f.getParent());
      Files.writeString(f, e.getValue());
    }
    List<DnsCutover.Move> moves = DnsCutover.moves(tr.plan(), inv, new Notes().scoped("test"));
    List<String> moved =
        moves.stream().map(m -> m.record().name() + " " + m.record().type()).toList();
    if (EXPECTED_MOVES.containsKey(sample)) {
      assertThat(moved).containsExactlyInAnyOrderElementsOf(EXPECTED_MOVES.get(sample));
    }
    assertThat(moved).as("a sample with nothing to cut over tests nothing").isNotEmpty();

    for (HostedZone zone : inv.hostedZones()) {
      Path dir = tmp.resolve("dns").resolve(zone.id());
      if (!Files.isDirectory(dir)) {
        continue;
      }
      List<DnsRecord> records =
          inv.dnsRecords().stream().filter(r -> r.zoneId().equals(zone.id())).toList();
      Set<String> movedHere = new TreeSet<>();
      moves.stream()
          .filter(m -> m.record().zoneId().equals(zone.id()))
          .forEach(m -> movedHere.add(m.record().name() + " " + m.record().type()));
      List<String> steps = new ArrayList<>();
      for (int p : DnsCutover.STEPS) {
        steps.add(String.format(java.util.Locale.ROOT, "%02d-weight-%d.json", steps.size() + 1, p));
      }

      // forward through every step to the finish, then back
      Zone z = Zone.create(zone, records, sample);
      for (int i = 0; i < steps.size(); i++) {
        z.apply(dir.resolve(steps.get(i)));
        z.expect(records, movedHere, State.weighted(DnsCutover.STEPS.get(i)));
      }
      z.apply(dir.resolve(DnsCutover.FINISH));
      z.expect(records, movedHere, State.EDGE_ONLY);
      z.apply(dir.resolve(DnsCutover.ROLLBACK_FINISHED));
      z.expect(records, movedHere, State.ORIGINAL);

      // a step, then the rollbacks, from the middle of the cutover
      Zone y = Zone.create(zone, records, sample + "-rollback");
      y.apply(dir.resolve(steps.get(0)));
      y.apply(dir.resolve(steps.get(1)));
      y.expect(records, movedHere, State.weighted(DnsCutover.STEPS.get(1)));
      y.apply(dir.resolve(DnsCutover.ROLLBACK_WEIGHTS));
      y.expect(records, movedHere, State.weighted(0));
      y.apply(dir.resolve(DnsCutover.ROLLBACK_RESTORE));
      y.expect(records, movedHere, State.ORIGINAL);
    }
  }

  /** What a moved record looks like: original, weighted at the edge's percent, or edge only. */
  record State(String kind, int edgePercent) {
    static final State ORIGINAL = new State("original", 0);
    static final State EDGE_ONLY = new State("edge-only", 100);

    static State weighted(int p) {
      return new State("weighted", p);
    }
  }

  /** A zone in moto and its strict model, side by side. */
  static final class Zone {
    final String motoId;
    final String label;
    final Map<String, JsonNode> strict = new TreeMap<>();

    Zone(String motoId, String label) {
      this.motoId = motoId;
      this.label = label;
    }

    static Zone create(HostedZone zone, List<DnsRecord> records, String tag) throws IOException {
      JsonNode created =
          aws(
              "route53",
              "create-hosted-zone",
              "--name",
              zone.name(),
              "--caller-reference",
              "canary2k8s-" + tag + "-" + System.nanoTime());
      // moto makes up its own zone id: the sample's id maps to it
      Zone z =
          new Zone(
              created.at("/HostedZone/Id").asText().replace("/hostedzone/", ""),
              zone.id() + " (" + tag + ")");
      ObjectNode batch = JSON.createObjectNode();
      ArrayNode changes = batch.putArray("Changes");
      // seeded with UPSERT, not CREATE: moto refuses a CREATE equal to one in the zone's change
      // journal, so a rollback that re-creates an original record would fail there (not in Route53)
      for (DnsRecord r : records) {
        changes.addObject().put("Action", "UPSERT").set("ResourceRecordSet", original(r));
      }
      Path f = Files.createTempFile("canary2k8s-seed", ".json");
      try {
        Files.writeString(f, JSON.writeValueAsString(batch));
        z.apply(f);
      } finally {
        Files.deleteIfExists(f);
      }
      return z;
    }

    void apply(Path batchFile) throws IOException {
      JsonNode batch = JSON.readTree(batchFile.toFile());
      strictApply(batch, batchFile.getFileName().toString());
      JsonNode answer =
          aws(
              "route53",
              "change-resource-record-sets",
              "--hosted-zone-id",
              motoId,
              "--change-batch",
              "file://" + batchFile.toAbsolutePath());
      assertThat(answer.at("/ChangeInfo/Status").asText())
          .as(batchFile.toString())
          .isIn("PENDING", "INSYNC");
    }

    /** Route53's rules, which moto does not all enforce. */
    void strictApply(JsonNode batch, String file) {
      assertThat(batch.get("Changes").size()).as(file).isPositive();
      assertThat(batch.path("Comment").asText().length())
          .as(file + " Comment")
          .isLessThanOrEqualTo(256);
      for (JsonNode c : batch.get("Changes")) {
        JsonNode set = c.get("ResourceRecordSet");
        String key = key(set);
        switch (c.get("Action").asText()) {
          case "CREATE" -> {
            assertThat(strict)
                .as(label + " " + file + ": CREATE of an existing " + key)
                .doesNotContainKey(key);
            strict.put(key, set);
          }
          case "DELETE" -> {
            assertThat(strict.get(key))
                .as(label + " " + file + ": DELETE must match " + key + " exactly")
                .isEqualTo(set);
            strict.remove(key);
          }
          case "UPSERT" -> strict.put(key, set);
          default -> throw new AssertionError(file + ": unknown action " + c.get("Action"));
        }
      }
      Map<String, Set<String>> typesByName = new TreeMap<>();
      Map<String, Set<String>> policiesByNameType = new TreeMap<>();
      for (JsonNode set : strict.values()) {
        String name = DnsNames.normalise(set.get("Name").asText());
        typesByName.computeIfAbsent(name, k -> new TreeSet<>()).add(set.get("Type").asText());
        policiesByNameType
            .computeIfAbsent(name + " " + set.get("Type").asText(), k -> new TreeSet<>())
            .add(set.has("SetIdentifier") ? "weighted" : "simple");
        assertThat(set.path("Weight").asInt(0)).isBetween(0, 255);
      }
      typesByName.forEach(
          (name, types) -> {
            if (types.contains("CNAME")) {
              assertThat(types)
                  .as(label + " " + file + ": a CNAME stands alone at " + name)
                  .containsExactly("CNAME");
            }
          });
      policiesByNameType.forEach(
          (nt, policies) ->
              assertThat(policies)
                  .as(label + " " + file + ": simple and weighted records mixed at " + nt)
                  .hasSize(1));
    }

    /** Reads the zone back from moto; checks it and the strict model against the step's promise. */
    void expect(List<DnsRecord> records, Set<String> moved, State state) throws IOException {
      Map<String, String> want = new TreeMap<>();
      for (DnsRecord r : records) {
        String nt = r.name() + " " + r.type();
        if (!moved.contains(nt) || state.kind().equals("original")) {
          // records that do not move stay as they are, weighted ones with their identifier and
          // weight
          want.put(
              nt + " " + (r.setIdentifier() == null ? "-" : r.setIdentifier()),
              (r.weight() == null ? "" : r.weight() + " ") + target(original(r)));
        } else if (state.kind().equals("edge-only")) {
          want.put(nt + " -", edgeTarget(r));
        } else {
          want.put(
              nt + " " + DnsCutover.OLD_ID,
              (100 - state.edgePercent()) + " " + target(original(r)));
          want.put(nt + " " + DnsCutover.NEW_ID, state.edgePercent() + " " + edgeTarget(r));
        }
      }
      JsonNode listed = aws("route53", "list-resource-record-sets", "--hosted-zone-id", motoId);
      List<JsonNode> sets = new ArrayList<>();
      listed.get("ResourceRecordSets").forEach(sets::add);
      assertThat(summarise(sets)).as(label + " in moto at " + state).isEqualTo(want);
      assertThat(summarise(new ArrayList<>(strict.values())))
          .as(label + " strictly at " + state)
          .isEqualTo(want);
    }

    static Map<String, String> summarise(List<JsonNode> sets) {
      Map<String, String> got = new TreeMap<>();
      for (JsonNode s : sets) {
        String type = s.get("Type").asText();
        if (type.equals("NS") || type.equals("SOA")) {
          continue;
        }
        String k =
            DnsNames.normalise(s.get("Name").asText())
                + " "
                + type
                + " "
                + s.path("SetIdentifier").asText("-");
        got.put(k, (s.has("Weight") ? s.get("Weight").asInt() + " " : "") + target(s));
      }
      return got;
    }

    static String target(JsonNode set) {
      if (set.has("AliasTarget")) {
        return "alias "
            + set.at("/AliasTarget/HostedZoneId").asText()
            + " "
            + DnsNames.normalise(set.at("/AliasTarget/DNSName").asText())
            + " "
            + set.at("/AliasTarget/EvaluateTargetHealth").asBoolean();
      }
      List<String> values = new ArrayList<>();
      set.get("ResourceRecords").forEach(v -> values.add(v.get("Value").asText()));
      return "ttl " + set.get("TTL").asLong() + " " + values;
    }

    static String edgeTarget(DnsRecord r) {
      return r.aliasTarget() != null
          ? "alias "
              + EDGE.zoneId()
              + " "
              + EDGE.name()
              + " "
              + r.aliasTarget().evaluateTargetHealth()
          : "ttl " + r.ttl() + " [" + EDGE.name() + "]";
    }

    static String key(JsonNode set) {
      return DnsNames.normalise(set.get("Name").asText())
          + " "
          + set.get("Type").asText()
          + " "
          + set.path("SetIdentifier").asText("-");
    }

    /** A record as Route53 lists it, built here independently of DnsCutover. */
    static ObjectNode original(DnsRecord r) {
      ObjectNode s = JSON.createObjectNode();
      s.put("Name", r.name() + ".");
      s.put("Type", r.type());
      if (r.setIdentifier() != null) {
        s.put("SetIdentifier", r.setIdentifier());
      }
      if (r.weight() != null) {
        s.put("Weight", r.weight());
      }
      if (r.aliasTarget() != null) {
        s.putObject("AliasTarget")
            .put("HostedZoneId", r.aliasTarget().hostedZoneId())
            .put("DNSName", r.aliasTarget().dnsName())
            .put("EvaluateTargetHealth", r.aliasTarget().evaluateTargetHealth());
      } else {
        s.put("TTL", r.ttl());
        ArrayNode values = s.putArray("ResourceRecords");
        r.values().forEach(v -> values.addObject().put("Value", v));
      }
      return s;
    }
  }

  static JsonNode aws(String... args) throws IOException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                onPath("aws").toString(),
                "--endpoint-url",
                endpoint.toString(),
                "--output",
                "json"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("AWS_"));
    env.put("AWS_ACCESS_KEY_ID", "testing");
    env.put("AWS_SECRET_ACCESS_KEY", "testing");
    env.put("AWS_DEFAULT_REGION", "us-east-1");
    env.put("AWS_CONFIG_FILE", "/dev/null");
    env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
    Path out = Files.createTempFile("canary2k8s-aws", ".out");
    Path err = Files.createTempFile("canary2k8s-aws", ".err");
    try {
      Process p =
          pb.redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("aws " + String.join(" ", args) + " did not finish within 120 s");
      }
      String stdout = Files.readString(out, StandardCharsets.UTF_8);
      assertThat(p.exitValue())
          .as("aws %s\n%s", String.join(" ", args), Files.readString(err, StandardCharsets.UTF_8))
          .isZero();
      return JSON.readTree(stdout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  static Path onPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path c = Path.of(dir.isEmpty() ? "." : dir, name);
      if (Files.isRegularFile(c) && Files.isExecutable(c)) {
        return c;
      }
    }
    return null;
  }
}
