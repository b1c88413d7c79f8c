package io.canary2k8s.yaml;

import static io.canary2k8s.yaml.RandomTrees.object;
import static io.canary2k8s.yaml.RandomTrees.text;
import static io.canary2k8s.yaml.RandomTrees.value;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.canary2k8s.testing.Seeded;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** BlockWriter writes exactly what Jackson-YAML writes, or declines. */
class BlockWriterTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  @Test
  void writesWhatJacksonWritesOrDeclines() {
    AtomicInteger written = new AtomicInteger();
    AtomicInteger literals = new AtomicInteger();
    AtomicInteger quoted = new AtomicInteger();
    Seeded.forAll(
        "block writer = jackson",
        20_000,
        r -> {
          ObjectNode root = object(r, 0);
          root.put("kind", "X"); // never empty
          String fast = Yaml.block(root);
          if (fast != null) {
            written.incrementAndGet();
            if (fast.contains(": |")) {
              literals.incrementAndGet();
            }
            if (fast.contains(": \"") && fast.matches("(?s).*: \"[^\n]*[\\\\\",#\\[].*")) {
              quoted.incrementAndGet();
            }
            assertThat(fast).isEqualTo(Yaml.jackson(root));
          }
        });
    // the property says something only if the writer does not always decline
    assertThat(written.get()).isGreaterThan(2_000);
    assertThat(literals.get()).as("literal blocks written").isGreaterThan(200);
    assertThat(quoted.get())
        .as("double-quoted values with indicators or escapes written")
        .isGreaterThan(500);
  }

  @Test
  void deepNestingIsIndentedAsJacksonIndentsIt() {
    // indentation past one run of the writer's spaces (64), in maps and in sequences
    ObjectNode root = F.objectNode().put("kind", "X");
    ObjectNode at = root;
    for (int depth = 0; depth < 45; depth++) {
      at.putArray("list").add("item-" + depth).addObject().put("v", depth);
      at = at.putObject("level" + depth);
    }
    at.put("leaf", "end");
    String fast = Yaml.block(root);
    assertThat(fast)
        .isNotNull()
        .isEqualTo(Yaml.jackson(root))
        .contains("\n" + " ".repeat(90) + "leaf: end\n");
  }

  @Test
  void topLevelSequencesAreWrittenAsJacksonWritesThemOrDeclined() {
    AtomicInteger written = new AtomicInteger();
    Seeded.forAll(
        "block writer = jackson, top-level sequence",
        5_000,
        r -> {
          ArrayNode root = F.arrayNode();
          int n = 1 + r.nextInt(4);
          for (int i = 0; i < n; i++) {
            root.add(r.nextBoolean() ? object(r, 1) : value(r, 1));
          }
          String fast = Yaml.block(root);
          if (fast != null) {
            written.incrementAndGet();
            assertThat(fast).isEqualTo(Yaml.jackson(root));
          }
        });
    assertThat(written.get()).isGreaterThan(1_000);
  }

  @Test
  void valuesJacksonQuotesAreDoubleQuotedWithTheirEscapes() {
    Map<String, Object> m =
        Map.of(
            "a",
            "elb/web,web-canary",
            "b",
            "say \"hi\"",
            "c",
            "C:\\tmp",
            "d",
            "true",
            "e",
            "443",
            "f",
            "#x");
    assertThat(Yaml.block(m))
        .isNotNull()
        .isEqualTo(Yaml.jackson(m))
        .contains("a: \"elb/web,web-canary\"");
  }

  @Test
  void traefikRulesAndClusterEntriesArePlainAtOnce() {
    // one or more of each per app: they stay on the fast path, not through Jackson one by one
    assertThat(BlockWriter.plainSafe("Host(`shop.example.com`)")).isTrue();
    assertThat(BlockWriter.plainSafe("_cluster/namespace-shop.yaml")).isTrue();
    assertThat(BlockWriter.plainSafe("`tick")).as("a backtick first is an indicator").isFalse();
    Map<String, Object> m =
        Map.of(
            "match",
            "Host(`shop.example.com`) && PathPrefix(`/api`)",
            "resources",
            List.of("_cluster/namespace-shop.yaml", "_", "`tick", "a`"));
    assertThat(Yaml.block(m))
        .isNotNull()
        .isEqualTo(Yaml.jackson(m))
        .contains("match: Host(`shop.example.com`) && PathPrefix(`/api`)\n")
        .contains("  - _cluster/namespace-shop.yaml\n");
  }

  @Test
  void declinesWhatIsNotOfThePlainShape() {
    assertThat(Yaml.block(F.objectNode())).as("empty document").isNull();
    assertThat(Yaml.block(F.arrayNode())).as("empty document").isNull();
    assertThat(Yaml.block("text")).as("scalar document").isNull();
    assertThat(Yaml.block(Map.of("a", List.of(List.of(1))))).as("list in a list").isNull();
    assertThat(Yaml.block(Map.of("a", List.of("x\ny")))).as("multi-line string in a list").isNull();
    assertThat(Yaml.block(Map.of("a", 1.5))).as("floating point").isNull();
    assertThat(Yaml.block(F.objectNode().putNull("a"))).as("null").isNull();
    // and dump still writes them, through Jackson
    assertThat(Yaml.dump(Map.of("a", 1.5))).isEqualTo("a: 1.5\n");
  }

  /**
   * The per-character table and the resolver's first-character shortcut decide exactly as the scan
   * and the full resolver call they replace.
   */
  @Test
  void plainSafeDecidesAsTheFullResolverAndScan() {
    org.yaml.snakeyaml.resolver.Resolver resolver = new org.yaml.snakeyaml.resolver.Resolver();
    AtomicInteger safe = new AtomicInteger();
    Seeded.forAll(
        "plainSafe = resolver + scan",
        50_000,
        r -> {
          String s = r.nextInt(4) == 0 ? randomChars(r) : text(r);
          boolean expected = referencePlainSafe(resolver, s);
          assertThat(BlockWriter.plainSafe(s)).as("plainSafe(%s)", s).isEqualTo(expected);
          if (expected) {
            safe.incrementAndGet();
          }
        });
    assertThat(safe.get()).isGreaterThan(5_000);
  }

  /** Longer text, past the limits under which the resolver tries its patterns (10 for words). */
  @Test
  void plainSafeDecidesAsTheFullResolverForLongerText() {
    org.yaml.snakeyaml.resolver.Resolver resolver = new org.yaml.snakeyaml.resolver.Resolver();
    String[] pieces = {
      "true",
      "False",
      "NULL",
      "off",
      "y",
      "0x1F",
      "1e10",
      "2001-12-14",
      "1_000",
      ".5",
      "-",
      "~",
      "=",
      "<<",
      "ab",
      "Z9",
      "/",
      "."
    };
    AtomicInteger safe = new AtomicInteger();
    Seeded.forAll(
        "plainSafe = resolver + scan, longer text",
        20_000,
        r -> {
          StringBuilder sb = new StringBuilder();
          while (sb.length() < 8 + r.nextInt(8)) {
            sb.append(r.nextInt(3) == 0 ? randomChars(r) : pieces[r.nextInt(pieces.length)]);
          }
          String s = sb.toString();
          boolean expected = referencePlainSafe(resolver, s);
          assertThat(BlockWriter.plainSafe(s)).as("plainSafe(%s)", s).isEqualTo(expected);
          if (expected) {
            safe.incrementAndGet();
          }
        });
    assertThat(safe.get()).isGreaterThan(2_000);
    assertThat(BlockWriter.plainSafe("2001-12-14 21:59:43.10 -5"))
        .as("a timestamp, limit 50")
        .isFalse();
    assertThat(BlockWriter.plainSafe("1234567890123")).as("an integer, limit 1024").isFalse();
    assertThat(BlockWriter.plainSafe("falsefalse1")).isTrue();
  }

  private static String randomChars(Random r) {
    String alphabet = "aAzZyYnNtTfFoO019-+._/:# ,[]{}\"'\\&*!|>%@`~<=?$()\té→";
    StringBuilder sb = new StringBuilder();
    int n = 1 + r.nextInt(8);
    for (int i = 0; i < n; i++) {
      sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  /** The reference check: the resolver on every string, then a scan. */
  private static boolean referencePlainSafe(
      org.yaml.snakeyaml.resolver.Resolver resolver, String s) {
    if (s.isEmpty()
        || !resolver
            .resolve(org.yaml.snakeyaml.nodes.NodeId.scalar, s, true)
            .equals(org.yaml.snakeyaml.nodes.Tag.STR)) {
      return false;
    }
    char last = s.charAt(s.length() - 1);
    if (last == ' ' || last == ':') {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c > 0x7e || ",[]{}\"'\\#&*!|>%@".indexOf(c) >= 0 || (c == '`' && i == 0)) {
        return false;
      }
      if ((c == ' ' || c == ':') && s.charAt(i + 1) == ' ') {
        return false;
      }
    }
    return true;
  }

  @Test
  void aTypicalDeploymentTakesTheFastPathAndMatches() {
    Deployment d =
        new DeploymentBuilder()
            .withNewMetadata()
            .withName("web")
            .withNamespace("shop")
            .withLabels(Map.of("app.kubernetes.io/name", "web", "canary2k8s.io/track", "stable"))
            .withAnnotations(Map.of("canary2k8s.io/source", "autoscaling-group/web-asg"))
            .endMetadata()
            .withNewSpec()
            .withReplicas(3)
            .withNewSelector()
            .withMatchLabels(Map.of("app", "web"))
            .endSelector()
            .withNewTemplate()
            .withNewMetadata()
            .withLabels(Map.of("app", "web"))
            .endMetadata()
            .withNewSpec()
            .withAutomountServiceAccountToken(false)
            .addNewContainer()
            .withName("app")
            .withImage("registry.example.com/web:1.2.3")
            .withNewResources()
            .withRequests(Map.of("cpu", new Quantity("100m"), "memory", new Quantity("128Mi")))
            .endResources()
            .withNewSecurityContext()
            .withRunAsNonRoot(true)
            .withNewCapabilities()
            .withDrop("ALL")
            .endCapabilities()
            .endSecurityContext()
            .addNewPort()
            .withName("http")
            .withContainerPort(8080)
            .withProtocol("TCP")
            .endPort()
            .withNewReadinessProbe()
            .withNewHttpGet()
            .withPath("/healthz")
            .withPort(new IntOrString(8080))
            .endHttpGet()
            .endReadinessProbe()
            .addNewVolumeMount()
            .withName("tmp")
            .withMountPath("/tmp")
            .endVolumeMount()
            .endContainer()
            .addNewVolume()
            .withName("tmp")
            .withNewEmptyDir()
            .endEmptyDir()
            .endVolume()
            .endSpec()
            .endTemplate()
            .endSpec()
            .build();
    String fast = Yaml.block(d);
    assertThat(fast)
        .isNotNull()
        .isEqualTo(Yaml.jackson(d))
        .contains("emptyDir: {}")
        .contains("        - image: registry.example.com/web:1.2.3\n");
    assertThat(Yaml.dump(d)).isEqualTo(fast);
  }
}
