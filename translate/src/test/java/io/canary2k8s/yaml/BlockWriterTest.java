package io.canary2k8s.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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

  /** Pieces that exercise quoting: indicators, reserved words, numbers, escapes, Unicode, line breaks. */
  private static final List<String> PIECES = List.of(
      "a", "app", "x-y", "v1", "apps/v1", "app.kubernetes.io/name", "/", "/healthz", "_", ".", "..",
      "-", "--", "---", "...", ":", ": ", " ", "  ", "#", " #", "?", "!", "&", "*", "|", ">", "%", "@", "`",
      "'", "\"", "\\", ",", "[", "]", "{", "}", "(", ")", "=", "+", "~", "0", "1", "42", "007", "1.5", ".5",
      "1e3", "0x1F", "0o17", "1_000", "-1", "+1", "yes", "no", "on", "off", "y", "n", "Y", "N", "true",
      "False", "NULL", "null", "Yes", "é", "→", "\t", "\n", "\r", "Host(`a.example.com`)", " && ",
      "PathPrefix(`/`)", "- op: replace\n", "  path: /spec\n", "line\nline", "\n\n", "x \n", "nginx:1.25", "http://x", "100m", "128Mi", "TCP", "IfNotPresent", "<<", "=", "%2F");

  private static String text(Random r) {
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(4);
    for (int i = 0; i < n; i++) {
      sb.append(PIECES.get(r.nextInt(PIECES.size())));
    }
    if (r.nextInt(10) == 0) {
      sb.append("x".repeat(r.nextInt(200))); // long keys become complex keys
    }
    return sb.toString();
  }

  private static JsonNode value(Random r, int depth) {
    int k = r.nextInt(depth > 3 ? 5 : 8);
    switch (k) {
      case 0:
        return F.numberNode(r.nextInt(70000) - 100);
      case 1:
        return F.numberNode(r.nextLong());
      case 2:
        return F.booleanNode(r.nextBoolean());
      case 3:
      case 4:
        return F.textNode(text(r));
      case 5:
        return object(r, depth + 1);
      case 6:
        ArrayNode a = F.arrayNode();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
          a.add(r.nextInt(6) == 0 ? F.arrayNode() : value(r, depth + 1));
        }
        return a;
      default:
        return r.nextInt(20) == 0 ? F.numberNode(r.nextDouble()) : F.textNode(text(r));
    }
  }

  private static ObjectNode object(Random r, int depth) {
    ObjectNode o = F.objectNode();
    int n = r.nextInt(5);
    for (int i = 0; i < n; i++) {
      o.set(r.nextInt(3) == 0 ? text(r) : PIECES.get(r.nextInt(12)), value(r, depth));
    }
    return o;
  }

  @Test
  void writesWhatJacksonWritesOrDeclines() {
    AtomicInteger written = new AtomicInteger();
    AtomicInteger literals = new AtomicInteger();
    Seeded.forAll("block writer = jackson", 20_000, r -> {
      ObjectNode root = object(r, 0);
      root.put("kind", "X"); // never empty
      String fast = BlockWriter.write(root);
      if (fast != null) {
        written.incrementAndGet();
        if (fast.contains(": |")) {
          literals.incrementAndGet();
        }
        assertThat(fast).isEqualTo(Yaml.jackson(root));
      }
    });
    // the property says something only if the writer does not always decline
    assertThat(written.get()).isGreaterThan(2_000);
    assertThat(literals.get()).as("literal blocks written").isGreaterThan(200);
  }

  @Test
  void aTypicalDeploymentTakesTheFastPathAndMatches() {
    Deployment d = new DeploymentBuilder()
        .withNewMetadata().withName("web").withNamespace("shop")
        .withLabels(Map.of("app.kubernetes.io/name", "web", "canary2k8s.io/track", "stable"))
        .withAnnotations(Map.of("canary2k8s.io/source", "autoscaling-group/web-asg")).endMetadata()
        .withNewSpec().withReplicas(3)
        .withNewSelector().withMatchLabels(Map.of("app", "web")).endSelector()
        .withNewTemplate().withNewMetadata().withLabels(Map.of("app", "web")).endMetadata()
        .withNewSpec().withAutomountServiceAccountToken(false)
        .addNewContainer().withName("app").withImage("registry.example.com/web:1.2.3")
        .withNewResources().withRequests(Map.of("cpu", new Quantity("100m"), "memory", new Quantity("128Mi"))).endResources()
        .withNewSecurityContext().withRunAsNonRoot(true).withNewCapabilities().withDrop("ALL").endCapabilities().endSecurityContext()
        .addNewPort().withName("http").withContainerPort(8080).withProtocol("TCP").endPort()
        .withNewReadinessProbe().withNewHttpGet().withPath("/healthz").withPort(new IntOrString(8080)).endHttpGet().endReadinessProbe()
        .addNewVolumeMount().withName("tmp").withMountPath("/tmp").endVolumeMount()
        .endContainer()
        .addNewVolume().withName("tmp").withNewEmptyDir().endEmptyDir().endVolume()
        .endSpec().endTemplate().endSpec().build();
    String fast = BlockWriter.write(Yaml.toTree(d));
    assertThat(fast).isNotNull().isEqualTo(Yaml.jackson(d)).contains("emptyDir: {}").contains("        - image: registry.example.com/web:1.2.3\n");
    assertThat(Yaml.dump(d)).isEqualTo(fast);
  }
}
