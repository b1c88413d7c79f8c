package io.canary2k8s.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.canary2k8s.testing.Seeded;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** BlockWriter writes exactly what Jackson-YAML writes, or declines. */
class BlockWriterTest {
  @Test
  void writesWhatJacksonWritesOrDeclines() {
    AtomicInteger written = new AtomicInteger();
    AtomicInteger literals = new AtomicInteger();
    Seeded.forAll("block writer = jackson", 20_000, r -> {
      ObjectNode root = RandomTrees.object(r, 0);
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
