package io.canary2k8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.canary2k8s.render.BundleWriter;
import io.canary2k8s.render.diff.DiffMarkdown;
import io.canary2k8s.render.diff.DiffReport;
import io.canary2k8s.render.diff.Differ;
import io.canary2k8s.render.diff.Documents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * canary2k8s diff and render --previous: identity pairing, semantics, traffic, budget, exit codes.
 */
class DiffTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("io.canary2k8s.cli.Samples#sampleTargets")
  void aBundleAgainstItselfHasNoChanges(String sample, String target) throws IOException {
    String golden = Samples.expected(sample, target).toString();
    Cli md = Cli.run("diff", golden, golden);
    assertThat(md.exit()).as(md.err()).isZero();
    assertThat(md.out())
        .contains("## canary2k8s diff: no changes")
        .contains("No weight changed.")
        .doesNotContain("<details>");
    Cli json = Cli.run("diff", "--format", "json", golden, golden);
    assertThat(json.exit()).as(json.err()).isZero();
    JsonNode report = JSON.readTree(json.out());
    assertThat(report.get("changes")).isEmpty();
    assertThat(report.get("traffic")).isEmpty();
    assertThat(report.at("/summary/unchanged").asInt())
        .isEqualTo(objectFiles(Samples.expected(sample, target)));
  }

  /**
   * Moving files, reordering keys and requoting scalars is not a change; documents pair by
   * identity.
   */
  @Test
  void layoutKeyOrderAndQuotingAreNotChanges(@TempDir Path tmp) throws IOException {
    Path golden = Samples.expected("razorpay-myapp", "traefik-v3");
    StringBuilder all = new StringBuilder();
    List<String> files = new ArrayList<>(BundleWriter.read(golden.resolve("base")).keySet());
    java.util.Collections.reverse(files);
    for (String f : files) {
      if (f.endsWith("kustomization.yaml")) {
        continue;
      }
      JsonNode doc =
          new com.fasterxml.jackson.dataformat.yaml.YAMLMapper()
              .readTree(Files.readString(golden.resolve("base").resolve(f)));
      all.append("---\n# from ")
          .append(f)
          .append("\n")
          .append(JSON.writeValueAsString(reversed(doc)))
          .append("\n");
    }
    Path stream = tmp.resolve("objects.yaml");
    Files.writeString(stream, all.toString()); // JSON is YAML: every key quoted, order reversed
    Cli run = Cli.run("diff", golden.toString(), stream.toString());
    assertThat(run.exit()).as(run.out() + run.err()).isZero();
  }

  static JsonNode reversed(JsonNode n) {
    if (n.isObject()) {
      ObjectNode o = JSON.createObjectNode();
      List<String> keys = new ArrayList<>();
      n.fieldNames().forEachRemaining(keys::add);
      java.util.Collections.reverse(keys);
      keys.forEach(k -> o.set(k, reversed(n.get(k))));
      return o;
    }
    if (n.isArray()) {
      var a = JSON.createArrayNode();
      n.forEach(x -> a.add(reversed(x)));
      return a;
    }
    return n;
  }

  /**
   * The canary ASG of razorpay-myapp goes from 1 to 3 instances (min, desired and max 1 → 3). The
   * stable ASG has 9, so the split moves from 9:1 to 9:3 = 3:1: the canary's share from 10 % to 25
   * %. Exactly two objects change: the canary Deployment's replicas (1 → 3) and the object holding
   * the weights of myapp.example.com (the TraefikService's stable weight 9 → 3, the canary's stays
   * 1; for traefik-v1 the Ingress annotation 90/10 → 75/25). Nothing else: not the stable
   * Deployment, not the HPA (it is the stable track's), not the canary-only host's route (it sends
   * 100 % to the canary either way).
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"traefik-v3", "traefik-v1", "gateway-api"})
  void aBiggerCanaryChangesOnlyItsReplicasAndTheWeights(String target, @TempDir Path tmp)
      throws IOException {
    Path capture = tmp.resolve("capture");
    BadInputTest.copyTree(Samples.capture("razorpay-myapp"), capture);
    Path asgs = capture.resolve("autoscaling/describe-auto-scaling-groups.json");
    JsonNode tree = JSON.readTree(asgs.toFile());
    for (JsonNode g : tree.get("AutoScalingGroups")) {
      if (g.get("AutoScalingGroupName").asText().equals("myapp-canary")) {
        assertThat(g.get("DesiredCapacity").asInt()).isEqualTo(1);
        ((ObjectNode) g).put("MinSize", 3).put("DesiredCapacity", 3).put("MaxSize", 3);
      }
    }
    Files.writeString(asgs, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree));
    Path after = tmp.resolve("after");
    Cli migrate =
        Cli.run(
            "migrate",
            "--from-aws-cli",
            capture.toString(),
            "--out",
            after.toString(),
            "--target",
            target);
    assertThat(migrate.exit()).as(migrate.err()).isZero();
    String before = Samples.expected("razorpay-myapp", target).toString();

    Cli json = Cli.run("diff", "--format", "json", before, after.toString());
    assertThat(json.exit()).as(json.err()).isEqualTo(1);
    JsonNode report = JSON.readTree(json.out());
    List<String> changes = new ArrayList<>();
    report
        .get("changes")
        .forEach(
            c ->
                changes.add(
                    c.get("status").asText()
                        + " "
                        + c.at("/id/kind").asText()
                        + " "
                        + c.at("/id/namespace").asText()
                        + "/"
                        + c.at("/id/name").asText()
                        + " "
                        + c.get("changedPaths")));
    String weights =
        switch (target) {
          case "traefik-v3" ->
              "CHANGED TraefikService myapp/myapp-wrr [\"/spec/weighted/services/0/weight\"]";
          case "gateway-api" ->
              "CHANGED HTTPRoute myapp/myapp [\"/spec/rules/0/backendRefs/0/weight\"]";
          default ->
              "CHANGED Ingress myapp/myapp [\"/metadata/annotations/traefik.ingress.kubernetes.io~1service-weights\"]";
        };
    assertThat(changes)
        .containsExactlyInAnyOrder(
            "CHANGED Deployment myapp/myapp-canary [\"/spec/replicas\"]", weights);
    assertThat(report.at("/summary/changed").asInt()).isEqualTo(2);
    assertThat(
            report.at("/summary/added").asInt()
                + report.at("/summary/removed").asInt()
                + report.at("/summary/renamed").asInt())
        .isZero();

    assertThat(report.get("traffic")).hasSize(1);
    JsonNode t = report.get("traffic").get(0);
    assertThat(t.get("host").asText()).isEqualTo("myapp.example.com");
    assertThat(t.get("shares").toString())
        .isEqualTo(
            "[{\"service\":\"myapp-canary\",\"role\":\"canary\",\"before\":\"1/10\",\"after\":\"1/4\",\"beforePercent\":\"10\",\"afterPercent\":\"25\"},"
                + "{\"service\":\"myapp\",\"role\":\"stable\",\"before\":\"9/10\",\"after\":\"3/4\",\"beforePercent\":\"90\",\"afterPercent\":\"75\"}]");

    Cli md = Cli.run("diff", before, after.toString());
    assertThat(md.exit()).isEqualTo(1);
    String out = md.out();
    assertThat(out)
        .contains("## canary2k8s diff: 0 added, 2 changed, 0 removed, 0 renamed")
        .contains(
            "- `myapp.example.com` (namespace `myapp`): canary `myapp-canary` 10 % → 25 % (1/10 → 1/4);"
                + " stable `myapp` 90 % → 75 % (9/10 → 3/4).")
        .contains("-  replicas: 1\n+  replicas: 3")
        .contains("```mermaid")
        .doesNotContain("myapp-canary.example.com");
    assertThat(out.indexOf("| Kind |")).isLessThan(out.indexOf("### Traffic"));
    assertThat(out.indexOf("### Traffic")).isLessThan(out.indexOf("<details>"));
    assertWellFormed(out);
  }

  @Test
  void renamesAreDetectedByContent() {
    Documents before =
        Documents.parse(
            Map.of(
                "a.yaml", configMap("old-name", "x", "1") + "---\n" + configMap("keep", "y", "2")));
    Documents after =
        Documents.parse(
            Map.of(
                "b.yaml", configMap("keep", "y", "2") + "---\n" + configMap("new-name", "x", "1")));
    DiffReport r = Differ.diff(before, after, "a", "b");
    assertThat(r.changes()).hasSize(1);
    assertThat(r.changes().get(0).status()).isEqualTo(DiffReport.Status.RENAMED);
    assertThat(r.changes().get(0).renamedFrom().name()).isEqualTo("old-name");
    assertThat(r.changes().get(0).id().name()).isEqualTo("new-name");
    assertThat(r.summary().unchanged()).isEqualTo(1);
    // different content: a removal and an addition, not a rename
    Documents other =
        Documents.parse(
            Map.of(
                "c.yaml", configMap("keep", "y", "2") + "---\n" + configMap("new-name", "x", "9")));
    assertThat(Differ.diff(before, other, "a", "c").changes())
        .extracting(c -> c.status().name())
        .containsExactly("ADDED", "REMOVED");
  }

  @Test
  void secretValuesAreMasked() {
    String secret =
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n  namespace: n\n"
            + "data:\n  password: %s\n  user: YWRtaW4=\nstringData:\n  token: %s\n";
    Documents before =
        Documents.parse(Map.of("a.yaml", secret.formatted("c2VjcmV0MQ==", "tok-one")));
    Documents after =
        Documents.parse(Map.of("b.yaml", secret.formatted("c2VjcmV0Mg==", "tok-two")));
    DiffReport r = Differ.diff(before, after, "a", "b");
    String md = DiffMarkdown.render(r, DiffMarkdown.DEFAULT_MAX_CHARS, "x");
    for (String s : List.of(md, r.toJson())) {
      assertThat(s)
          .doesNotContain("c2VjcmV0MQ")
          .doesNotContain("c2VjcmV0Mg")
          .doesNotContain("YWRtaW4")
          .doesNotContain("tok-one")
          .doesNotContain("tok-two");
    }
    assertThat(md)
        .contains("-  password: '*** (before)'")
        .contains("+  password: '*** (after)'")
        .contains("  user: '***'");
    assertThat(r.changes().get(0).changedPaths())
        .containsExactly("/data/password", "/stringData/token");
  }

  /**
   * 5,000 changed objects: the Markdown stays within the budget, cut between objects, and says so.
   */
  @Test
  void fiveThousandObjectsStayWithinTheBudget(@TempDir Path tmp) throws IOException {
    StringBuilder a = new StringBuilder();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      String name = String.format(java.util.Locale.ROOT, "cm-%04d", i);
      a.append("---\n").append(configMap(name, "value", "before-" + i));
      b.append("---\n").append(configMap(name, "value", "after-" + i));
    }
    Path old = tmp.resolve("old.yaml");
    Path now = tmp.resolve("new.yaml");
    Files.writeString(old, a);
    Files.writeString(now, b);
    Cli run = Cli.run("diff", old.toString(), now.toString());
    assertThat(run.exit()).as(run.err()).isEqualTo(1);
    String md = run.out();
    assertThat(md.length()).isLessThanOrEqualTo(DiffMarkdown.DEFAULT_MAX_CHARS);
    assertThat(md)
        .contains("## canary2k8s diff: 0 added, 5000 changed, 0 removed, 0 renamed")
        .contains("| ConfigMap | 0 | 5000 | 0 | 0 |");
    Matcher m =
        Pattern.compile(
                "> (\\d+) of 5000 object diffs left out to keep this report under 60,000 characters: "
                    + "`ConfigMap ns/cm-(\\d{4})` to `ConfigMap ns/cm-4999`")
            .matcher(md);
    assertThat(m.find()).as(md.substring(Math.max(0, md.length() - 800))).isTrue();
    int omitted = Integer.parseInt(m.group(1));
    int shown = count(md, "<details>");
    assertThat(shown + omitted).isEqualTo(5000);
    assertThat(shown).isGreaterThan(50);
    assertThat(Integer.parseInt(m.group(2))).isEqualTo(shown);
    assertThat(md).contains("canary2k8s diff --format json " + old + " " + now);
    assertWellFormed(md);

    Cli small = Cli.run("diff", "--max-chars", "5000", old.toString(), now.toString());
    assertThat(small.out().length()).isLessThanOrEqualTo(5000);
    assertWellFormed(small.out());
    Cli json = Cli.run("diff", "--format", "json", old.toString(), now.toString());
    assertThat(JSON.readTree(json.out()).get("changes")).hasSize(5000);
  }

  @Test
  void badInputExitsTwoNamingTheFile(@TempDir Path tmp) throws IOException {
    String golden = Samples.expected("razorpay-myapp", "traefik-v3").toString();
    Path broken = tmp.resolve("broken.yaml");
    Files.writeString(broken, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: [x\n");
    Path dup = tmp.resolve("dup.yaml");
    Files.writeString(dup, configMap("a", "k", "1") + "---\n" + configMap("a", "k", "2"));
    Path nameless = tmp.resolve("nameless.yaml");
    Files.writeString(nameless, "apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n");
    for (var c :
        List.of(
            List.of(tmp.resolve("missing").toString(), "missing", "not found"),
            List.of(broken.toString(), "broken.yaml", "not valid YAML"),
            List.of(dup.toString(), "dup.yaml", "ConfigMap ns/a"),
            List.of(nameless.toString(), "nameless.yaml", "metadata.name"))) {
      Cli run = Cli.run("diff", golden, c.get(0));
      assertThat(run.exit()).as(run.err()).isEqualTo(2);
      assertThat(run.err().strip().split("\n")).hasSize(1);
      assertThat(run.err()).contains(c.get(1)).contains(c.get(2)).doesNotContain("Exception");
      assertThat(run.out()).isEmpty();
    }
    assertThat(Cli.run("diff", "--format", "html", golden, golden).exit()).isEqualTo(2);
  }

  /**
   * A kustomization is a list of files, not an object: it is not read, so a 10,000-app bundle
   * (whose base/kustomization.yaml is over the 4 MiB limit of one YAML file) can be diffed. Among
   * several bad files, the first in path order is the one named, every time (files are parsed in
   * parallel).
   */
  @Test
  void bigKustomizationsAreSkippedAndTheFirstBadFileIsNamed(@TempDir Path tmp) throws IOException {
    Path golden = Samples.expected("razorpay-myapp", "traefik-v3");
    Path copy = tmp.resolve("copy");
    BundleWriter.read(golden)
        .forEach(
            (rel, content) -> {
              try {
                Files.createDirectories(copy.resolve(rel).getParent());
                Files.writeString(copy.resolve(rel), content);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    StringBuilder big =
        new StringBuilder(
            "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n");
    while (big.length() <= io.canary2k8s.yaml.Yaml.MAX_INPUT_CHARS) {
      big.append("  - ns/deployment-").append(big.length()).append(".yaml\n");
    }
    Files.writeString(copy.resolve("base/kustomization.yaml"), big);
    Cli same = Cli.run("diff", golden.toString(), copy.toString());
    assertThat(same.exit()).as(same.err()).isZero();

    Path dir = tmp.resolve("bad");
    Files.createDirectories(dir);
    for (int i = 0; i < 40; i++) {
      Files.writeString(
          dir.resolve(String.format(java.util.Locale.ROOT, "f%02d.yaml", i)),
          i % 7 == 3 ? "a: &x 1\nb: *x\n" : configMap("c" + i, "k", "v"));
    }
    for (int run = 0; run < 3; run++) {
      Cli bad = Cli.run("diff", golden.toString(), dir.toString());
      assertThat(bad.exit()).isEqualTo(2);
      assertThat(bad.err().strip())
          .contains("f03.yaml")
          .contains("aliases")
          .doesNotContain("f10.yaml");
    }
  }

  /**
   * An ALB path rule is a route of its own next to the host's default route: a change of its
   * weights is reported for {@code host/path}, and the host's default split is not touched.
   */
  @Test
  void aPathRouteIsReportedApartFromItsHost(@TempDir Path tmp) throws IOException {
    Path golden = Samples.expected("alb-weighted", "traefik-v3");
    Path copy = tmp.resolve("after");
    BadInputTest.copyTree(golden, copy);
    Path wrr = copy.resolve("base/web-alb/traefikservice-web-alb-rule-20-wrr.yaml");
    String text = Files.readString(wrr);
    int canary = text.indexOf("- name: web-alb-canary");
    assertThat(canary).isPositive();
    Files.writeString(
        wrr,
        text.substring(0, canary) + text.substring(canary).replaceFirst("weight: 1", "weight: 3"));
    Cli json = Cli.run("diff", "--format", "json", golden.toString(), copy.toString());
    assertThat(json.exit()).as(json.err()).isEqualTo(1);
    List<String> traffic = new ArrayList<>();
    JSON.readTree(json.out())
        .get("traffic")
        .forEach(t -> traffic.add(t.get("host").asText() + " " + t.get("shares").toString()));
    // every change is on the /api/ route (the rule names admin.example.com too; rule 10 shadows it)
    assertThat(traffic)
        .isNotEmpty()
        .allSatisfy(t -> assertThat(t).contains("/api/ ").contains("\"before\":\"1/2\""));
    assertThat(traffic)
        .anySatisfy(
            t -> assertThat(t).startsWith("www.example.com/api/ ").contains("\"after\":\"3/4\""));
  }

  /** render --previous writes DIFF.md and diff.json, deterministically, also over itself. */
  @Test
  void migrateWithPreviousWritesTheDiff(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("out");
    String capture = Samples.capture("razorpay-myapp").toString();
    String previous = Samples.expected("razorpay-myapp", "traefik-v3").toString();
    Cli first =
        Cli.run(
            "migrate", "--from-aws-cli", capture, "--out", out.toString(), "--previous", previous);
    assertThat(first.exit()).as(first.err()).isZero();
    Map<String, String> files = BundleWriter.read(out);
    assertThat(files.get("DIFF.md"))
        .contains("## canary2k8s diff: no changes")
        .contains("Compared `previous bundle` → `this bundle`")
        .doesNotContain(tmp.toString());
    assertThat(JSON.readTree(files.get("diff.json")).get("changes")).isEmpty();
    Cli again =
        Cli.run(
            "migrate",
            "--from-aws-cli",
            capture,
            "--out",
            out.toString(),
            "--previous",
            out.toString());
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.err()).contains("unchanged");
    assertThat(BundleWriter.read(out)).isEqualTo(files);
    Cli notABundle =
        Cli.run(
            "migrate",
            "--from-aws-cli",
            capture,
            "--out",
            tmp.resolve("x").toString(),
            "--previous",
            tmp.resolve("nowhere").toString());
    assertThat(notABundle.exit()).isEqualTo(2);
    assertThat(notABundle.err()).contains("nowhere").contains("no base/");
  }

  /**
   * Of several bad files, the first in path order is named, whatever order the directories list
   * them in and whichever side shares its files with the other: a file that does not parse, a
   * document that is not an object, an identity defined twice (named in the later file, pointing at
   * the earlier), the old side before the new.
   */
  @Test
  void theFirstBadFileInPathOrderIsNamed(@TempDir Path tmp) throws IOException {
    Path old = tmp.resolve("old");
    Path now = tmp.resolve("now");
    for (Path side : List.of(old, now)) {
      for (int i = 0; i < 30; i++) { // many directories: listed (and walked) in no particular order
        write(side.resolve("d" + (i * 7919 % 30) + "/c.yaml"), configMap("c" + i, "k", "v"));
      }
    }
    Cli fine = Cli.run("diff", old.toString(), now.toString());
    assertThat(fine.exit()).as(fine.err()).isZero();

    write(now.resolve("z/dup.yaml"), configMap("c3", "k", "other"));
    Cli dup = Cli.run("diff", old.toString(), now.toString());
    assertThat(dup.exit()).isEqualTo(2);
    assertThat(dup.err().strip())
        .contains(now.resolve("z/dup.yaml") + ": metadata.name: ConfigMap ns/c3")
        .endsWith("is also defined in " + now.resolve("d" + (3 * 7919 % 30) + "/c.yaml"));

    write(now.resolve("d17/list.yaml"), "- a\n- b\n");
    Cli notObject = Cli.run("diff", old.toString(), now.toString());
    assertThat(notObject.err().strip())
        .contains(now.resolve("d17/list.yaml") + ": (top level): not a Kubernetes object");

    write(now.resolve("d12/bad.yaml"), "a: [\n");
    Cli badYaml = Cli.run("diff", old.toString(), now.toString());
    assertThat(badYaml.err().strip()).contains(now.resolve("d12/bad.yaml") + ": not valid YAML");

    write(old.resolve("d29/bad.yaml"), "a: *x\n");
    Cli oldFirst = Cli.run("diff", old.toString(), now.toString());
    assertThat(oldFirst.exit()).isEqualTo(2);
    assertThat(oldFirst.err().strip())
        .contains(old.resolve("d29/bad.yaml") + ": ")
        .contains("aliases");
    for (Cli run : List.of(dup, notObject, badYaml, oldFirst)) {
      assertThat(run.err().strip().split("\n")).hasSize(1);
      assertThat(run.out()).isEmpty();
    }
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  static String configMap(String name, String key, String value) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "
        + name
        + "\n  namespace: ns\ndata:\n  "
        + key
        + ": "
        + value
        + "\n";
  }

  /** Every fence and every details tag is closed; each details block holds exactly one diff. */
  static void assertWellFormed(String md) {
    assertThat(count(md, "<details>")).isEqualTo(count(md, "</details>"));
    long fences = md.lines().filter(l -> l.startsWith("```")).count();
    assertThat(fences % 2).as("unclosed code fence").isZero();
    assertThat(md.lines().filter(l -> l.equals("```diff")).count())
        .isEqualTo(count(md, "<details>"));
  }

  static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + what.length())) {
      n++;
    }
    return n;
  }

  static int objectFiles(Path bundle) throws IOException {
    return (int)
        BundleWriter.read(bundle.resolve("base")).keySet().stream()
            .filter(f -> !f.endsWith("kustomization.yaml"))
            .count();
  }
}
