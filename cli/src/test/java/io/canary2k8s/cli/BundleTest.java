package io.canary2k8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.canary2k8s.config.Config;
import io.canary2k8s.discover.CaptureReader;
import io.canary2k8s.emit.RouteEmitter;
import io.canary2k8s.emit.RouteEmitters;
import io.canary2k8s.inventory.Inventory;
import io.canary2k8s.notes.Notes;
import io.canary2k8s.plan.App;
import io.canary2k8s.plan.PlanOptions;
import io.canary2k8s.plan.Route;
import io.canary2k8s.plan.Step;
import io.canary2k8s.render.BundleWriter;
import io.canary2k8s.split.Fraction;
import io.canary2k8s.split.WeightBasis;
import io.canary2k8s.testkit.Kustomize;
import io.canary2k8s.testkit.ManifestValidator;
import io.canary2k8s.testkit.PodSecurity;
import io.canary2k8s.translate.Translation;
import io.canary2k8s.translate.Translator;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample, every target, end to end through the CLI: the bundle equals its golden copy byte
 * for byte, base and every overlay build with kubectl kustomize, every object passes the type-level
 * validators and the CRD schemas, and the weights parsed back from the built output equal the
 * recovered split (the step's split, for overlays).
 *
 * <p>Regenerate the goldens with {@code ./mvnw -pl cli -am test -Dgolden.update=true} and review
 * the diff.
 */
class BundleTest {
  static final boolean UPDATE = Boolean.getBoolean("golden.update");
  static final YAMLMapper YAML = new YAMLMapper();

  @BeforeAll
  static void fixedVersion() {
    System.setProperty("canary2k8s.version", "0.0.0-test");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("io.canary2k8s.cli.Samples#sampleTargets")
  void bundleIsGoldenBuildsValidatesAndKeepsTheSplit(
      String sample, String target, @TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("bundle");
    List<String> args =
        new ArrayList<>(
            List.of(
                "migrate",
                "--from-aws-cli",
                Samples.capture(sample).toString(),
                "--out",
                out.toString(),
                "--target",
                target));
    args.addAll(Samples.configArgs(sample));
    if (Samples.errorsExpected(sample, target)) {
      Cli refused = Cli.run(args.toArray(String[]::new));
      assertThat(refused.exit()).as("%s for %s has ERROR notes", sample, target).isEqualTo(3);
      args.add("--allow-errors");
    }
    Cli run = Cli.run(args.toArray(String[]::new));
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).isEmpty();

    Map<String, String> files = BundleWriter.read(out);
    Path golden = Samples.expected(sample, target);
    if (UPDATE) {
      if (Files.exists(golden)) {
        deleteTree(golden);
      }
      for (var e : files.entrySet()) {
        Path f = golden.resolve(e.getKey());
        Files.createDirectories(f.getParent());
        Files.writeString(f, e.getValue());
      }
    }
    assertThat(files)
        .as(
            "bundle of %s for %s equals %s (regenerate with -Dgolden.update=true)",
            sample, target, golden)
        .isEqualTo(BundleWriter.read(golden));

    Inventory inventory = CaptureReader.read(Samples.capture(sample));
    RouteEmitter emitter = RouteEmitters.byName(target);
    Config config =
        Samples.configArgs(sample).isEmpty()
            ? Config.EMPTY
            : Config.read(Path.of(Samples.configArgs(sample).get(1)));
    Translation tr =
        Translator.translate(
            inventory,
            new PlanOptions(WeightBasis.DESIRED, config, emitter.defaultEdgeImage()),
            emitter,
            new Notes());

    List<String> overlays = new ArrayList<>(List.of("base"));
    for (Step s : Step.defaults()) {
      overlays.add("overlays/" + s.name());
    }
    for (String dir : overlays) {
      String built = Kustomize.build(out.resolve(dir));
      ManifestValidator.validate(built, sample + "/" + target + "/" + dir);
      List<JsonNode> docs = docs(built);
      assertThat(PodSecurity.violations(docs, null))
          .as("Pod Security of %s %s %s", sample, target, dir)
          .isEmpty();
      assertHpaOwnsReplicas(docs, sample + " " + target + " " + dir);
      Step step =
          dir.equals("base")
              ? null
              : Step.defaults().stream()
                  .filter(s -> dir.endsWith("/" + s.name()))
                  .findFirst()
                  .orElseThrow();
      for (App app : tr.plan().apps()) {
        for (Route r : app.routes()) {
          Route expected = step == null ? r : step.apply(r, app);
          assertWeights(target, docs, app, expected, sample + " " + dir);
        }
      }
    }
  }

  /**
   * {@code --edge-host-network}, for every target: the edge DaemonSet uses the host network with
   * its DNS policy, its namespace enforces privileged (warn and audit restricted), everything else
   * still passes restricted, it builds and validates, and REVIEW.md justifies it.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("io.canary2k8s.cli.Samples#targets")
  void edgeHostNetworkIsAJustifiedExceptionOnly(String target, @TempDir Path tmp)
      throws IOException {
    Path out = tmp.resolve("bundle");
    Cli run =
        Cli.run(
            "migrate",
            "--from-aws-cli",
            Samples.capture("razorpay-myapp").toString(),
            "--out",
            out.toString(),
            "--target",
            target,
            "--edge-host-network");
    assertThat(run.exit()).as(run.err()).isZero();
    String built = Kustomize.build(out.resolve("base"));
    ManifestValidator.validate(built, "razorpay-myapp/" + target + "/host-network");
    List<JsonNode> docs = docs(built);
    assertThat(PodSecurity.violations(docs, "traefik")).isEmpty();
    JsonNode ds = find(docs, "DaemonSet", "traefik", "traefik");
    assertThat(ds.at("/spec/template/spec/hostNetwork").asBoolean()).isTrue();
    assertThat(ds.at("/spec/template/spec/dnsPolicy").asText())
        .isEqualTo("ClusterFirstWithHostNet");
    assertThat(
            docs.stream()
                .filter(
                    d ->
                        d.path("kind").asText().equals("Namespace")
                            && d.at("/metadata/labels")
                                .path("pod-security.kubernetes.io/enforce")
                                .asText()
                                .equals("privileged")))
        .as("only the edge namespace is privileged")
        .hasSize(1);
    assertThat(Files.readString(out.resolve("REVIEW.md")))
        .contains(
            "Exception to Pod Security Standard `restricted`: host network (`--edge-host-network`)")
        .contains("namespace `traefik` enforces `privileged`");
  }

  static void assertWeights(
      String target, List<JsonNode> docs, App app, Route route, String where) {
    Map<String, Fraction> want = new TreeMap<>();
    route.backends().forEach(b -> want.put(b.track(), b.share()));
    assertThat(want.values().stream().reduce(Fraction.ZERO, Fraction::plus))
        .isEqualTo(Fraction.ONE);
    if (route.isTcp()) {
      assertTcpWeights(target, docs, app, route, want, where);
      return;
    }
    if (!target.equals("traefik-v3") && route.paths().stream().anyMatch(Route.PathMatch::regex)) {
      // a regex path only Traefik v3 matches as AWS does: the others leave the route out (a
      // WARNING names it), so no object of the route may exist
      String kind = target.equals("gateway-api") ? "HTTPRoute" : "Ingress";
      assertThat(docs)
          .as(where + " " + route.name() + " is left out")
          .noneMatch(
              d ->
                  d.path("kind").asText().equals(kind)
                      && d.at("/metadata/namespace").asText().equals(app.namespace())
                      && d.at("/metadata/name").asText().equals(route.name()));
      return;
    }
    if (target.equals("traefik-v3")) {
      JsonNode ts = find(docs, "TraefikService", app.namespace(), route.name() + "-wrr");
      Map<String, Long> weights = new TreeMap<>();
      ts.at("/spec/weighted/services")
          .forEach(s -> weights.put(s.get("name").asText(), s.get("weight").asLong()));
      long total = weights.values().stream().mapToLong(Long::longValue).sum();
      Map<String, Fraction> got = new TreeMap<>();
      weights.forEach((k, v) -> got.put(k, Fraction.of(v, total)));
      assertThat(got).as(where + " " + route.name()).isEqualTo(want);
    } else if (target.equals("gateway-api")) {
      JsonNode hr = find(docs, "HTTPRoute", app.namespace(), route.name());
      assertThat(hr.at("/spec/rules")).as(where + " " + route.name() + " has one rule").hasSize(1);
      Map<String, Long> weights = new TreeMap<>();
      hr.at("/spec/rules/0/backendRefs")
          .forEach(
              s -> {
                assertThat(s.path("namespace").isMissingNode())
                    .as("backend in the route's namespace")
                    .isTrue();
                assertThat(s.get("weight").asLong()).isBetween(1L, 1_000_000L);
                weights.put(s.get("name").asText(), s.get("weight").asLong());
              });
      long total = weights.values().stream().mapToLong(Long::longValue).sum();
      Map<String, Fraction> got = new TreeMap<>();
      weights.forEach((k, v) -> got.put(k, Fraction.of(v, total)));
      assertThat(got).as(where + " " + route.name()).isEqualTo(want);
      assertThat(hr.at("/spec/parentRefs"))
          .as(where + " " + route.name() + " attaches to the edge Gateway")
          .isNotEmpty();
    } else {
      JsonNode ing = find(docs, "Ingress", app.namespace(), route.name());
      String ann =
          ing.at("/metadata/annotations")
              .path("traefik.ingress.kubernetes.io/service-weights")
              .asText(null);
      List<String> services = new ArrayList<>();
      ing.at("/spec/rules/0/http/paths")
          .forEach(p -> services.add(p.at("/backend/serviceName").asText()));
      // a rule with several path patterns is one Ingress path per pattern, to the same services
      assertThat(services.stream().distinct().toList())
          .as(where + " " + route.name() + " paths")
          .containsExactlyInAnyOrderElementsOf(want.keySet());
      if (ann == null) {
        assertThat(want).hasSize(1);
        return;
      }
      Map<String, BigDecimal> pct = new TreeMap<>();
      for (String line : ann.split("\n")) {
        String[] kv = line.split(": ");
        assertThat(kv[1]).matches("\\d{1,3}\\.\\d{3}%");
        pct.put(kv[0], new BigDecimal(kv[1].substring(0, kv[1].length() - 1)));
      }
      assertThat(pct.keySet()).isEqualTo(want.keySet());
      assertThat(pct.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
          .isEqualByComparingTo("100.000");
      want.forEach(
          (track, share) -> {
            BigDecimal exact =
                new BigDecimal(share.numerator().multiply(BigInteger.valueOf(100)))
                    .divide(
                        new BigDecimal(share.denominator()), 12, java.math.RoundingMode.HALF_EVEN);
            assertThat(pct.get(track).subtract(exact).abs())
                .as(where + " " + track)
                .isLessThanOrEqualTo(new BigDecimal("0.0005"));
          });
    }
  }

  /**
   * A TCP route's weights: an IngressRouteTCP's services (Traefik v3), a TCPRoute's or TLSRoute's
   * backendRefs (Gateway API); Traefik 1.7 has no object for it (an ERROR note says so).
   */
  static void assertTcpWeights(
      String target,
      List<JsonNode> docs,
      App app,
      Route route,
      Map<String, Fraction> want,
      String where) {
    JsonNode refs;
    if (target.equals("traefik-v3")) {
      JsonNode ir = find(docs, "IngressRouteTCP", app.namespace(), route.name());
      assertThat(ir.at("/spec/entryPoints/0").asText()).isEqualTo(route.listener().entryPoint());
      refs = ir.at("/spec/routes/0/services");
    } else if (target.equals("gateway-api")) {
      String kind = route.listener().terminatesTls() ? "TLSRoute" : "TCPRoute";
      refs = find(docs, kind, app.namespace(), route.name()).at("/spec/rules/0/backendRefs");
    } else {
      assertThat(docs)
          .as(where + " " + route.name() + ": Traefik 1.7 has no TCP route")
          .noneMatch(
              d ->
                  route.name().equals(d.at("/metadata/name").asText())
                      && app.namespace().equals(d.at("/metadata/namespace").asText()));
      return;
    }
    Map<String, Long> weights = new TreeMap<>();
    refs.forEach(s -> weights.put(s.get("name").asText(), s.get("weight").asLong()));
    long total = weights.values().stream().mapToLong(Long::longValue).sum();
    Map<String, Fraction> got = new TreeMap<>();
    weights.forEach((k, v) -> got.put(k, Fraction.of(v, total)));
    assertThat(got).as(where + " " + route.name()).isEqualTo(want);
  }

  static JsonNode find(List<JsonNode> docs, String kind, String ns, String name) {
    return docs.stream()
        .filter(
            d ->
                kind.equals(d.path("kind").asText())
                    && ns.equals(d.at("/metadata/namespace").asText())
                    && name.equals(d.at("/metadata/name").asText()))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError("no " + kind + " " + ns + "/" + name + " in the built output"));
  }

  static List<JsonNode> docs(String yaml) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
      while (it.hasNext()) {
        JsonNode n = it.next();
        if (n != null && !n.isNull() && !n.isMissingNode()) {
          out.add(n);
        }
      }
    }
    return out;
  }

  /** No Deployment that an HPA targets sets {@code spec.replicas}: the HPA owns the count. */
  static void assertHpaOwnsReplicas(List<JsonNode> docs, String where) {
    java.util.Set<String> scaled = new java.util.TreeSet<>();
    for (JsonNode d : docs) {
      if (d.path("kind").asText().equals("HorizontalPodAutoscaler")) {
        scaled.add(
            d.path("metadata").path("namespace").asText()
                + "/"
                + d.path("spec").path("scaleTargetRef").path("name").asText());
      }
    }
    for (JsonNode d : docs) {
      String id =
          d.path("metadata").path("namespace").asText()
              + "/"
              + d.path("metadata").path("name").asText();
      if (d.path("kind").asText().equals("Deployment") && scaled.contains(id)) {
        assertThat(d.path("spec").has("replicas"))
            .as("Deployment %s in %s is targeted by an HPA and sets replicas", id, where)
            .isFalse();
      }
    }
  }

  static void deleteTree(Path p) throws IOException {
    try (var s = Files.walk(p)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
    }
  }
}
