package io.canary2k8s.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves the test kit can fail: each check is shown rejecting a broken input. */
class ManifestValidatorTest {

  private static final String DEPLOYMENT =
      """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: myapp-stable
              namespace: myapp
            spec:
              replicas: 2
              selector:
                matchLabels: {app: myapp, track: stable}
              template:
                metadata:
                  labels: {app: myapp, track: stable}
                spec:
                  containers:
                    - name: myapp
                      image: registry.example.com/myapp:1.0.0
                      ports: [{containerPort: 8080, name: http}]
            """;

  private static final String TRAEFIK_SERVICE_NEGATIVE_WEIGHT =
      """
            apiVersion: traefik.io/v1alpha1
            kind: TraefikService
            metadata:
              name: myapp-canary
              namespace: myapp
            spec:
              weighted:
                services:
                  - name: myapp-stable
                    port: 80
                    weight: 100
                  - name: myapp-canary
                    port: 80
                    weight: -1
            """;

  @Test
  void validDeploymentPasses() {
    assertThat(ManifestValidator.validate(DEPLOYMENT, "deployment")).isEqualTo(1);
  }

  @Test
  void validFilePasses(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("deployment.yaml");
    Files.writeString(
        file, DEPLOYMENT + "---\n" + DEPLOYMENT.replace("myapp-stable", "myapp-canary"));
    assertThat(ManifestValidator.validate(file)).isEqualTo(2);
  }

  @Test
  void traefikServiceWithNegativeWeightFails() {
    assertThatThrownBy(
            () -> ManifestValidator.validate(TRAEFIK_SERVICE_NEGATIVE_WEIGHT, "canary.yaml"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("canary.yaml: doc 1 (TraefikService/myapp/myapp-canary)")
        .hasMessageContaining("weight must be >= 0");
  }

  @Test
  void unknownKindFails() {
    String widget =
        """
                apiVersion: example.com/v1
                kind: Widget
                metadata:
                  name: w
                """;
    assertThatThrownBy(() -> ManifestValidator.validate(DEPLOYMENT + "---\n" + widget, "widget"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("doc 2 (Widget/-/w)")
        .hasMessageContaining("unknown apiVersion/kind example.com/v1 Widget")
        .hasMessageNotContaining("doc 1");
  }

  @Test
  void emptyInputFails() {
    assertThatThrownBy(() -> ManifestValidator.validate("# nothing here\n", "empty"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("no documents");
  }

  @Test
  void kustomizationBuildsAndValidates(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("deployment.yaml"), DEPLOYMENT);
    Files.writeString(
        dir.resolve("kustomization.yaml"),
        """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                labels:
                  - pairs: {app.kubernetes.io/managed-by: canary2k8s}
                resources:
                  - deployment.yaml
                """);
    String yaml = Kustomize.build(dir);
    assertThat(yaml).contains("app.kubernetes.io/managed-by: canary2k8s");
    assertThat(ManifestValidator.validate(yaml, "kustomize build")).isEqualTo(1);
  }

  @Test
  void kustomizationWithBrokenResourcePathFails(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("kustomization.yaml"),
        """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - does-not-exist.yaml
                """);
    assertThatThrownBy(() -> Kustomize.build(dir))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(dir.toAbsolutePath().normalize().toString())
        .hasMessageContaining("does-not-exist.yaml");
  }
}
