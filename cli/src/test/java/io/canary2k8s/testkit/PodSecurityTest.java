package io.canary2k8s.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Pod Security check catches each thing it claims to check, and passes a clean manifest. */
class PodSecurityTest {
  static final String NS =
      """
      apiVersion: v1
      kind: Namespace
      metadata:
        name: app
        labels:
          pod-security.kubernetes.io/enforce: restricted
          pod-security.kubernetes.io/warn: restricted
      ---
      """;
  static final String PDB =
      """
      ---
      apiVersion: policy/v1
      kind: PodDisruptionBudget
      metadata: {name: web, namespace: app}
      spec:
        maxUnavailable: 1
        selector: {matchLabels: {app.kubernetes.io/instance: web}}
      """;
  static final String GOOD =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: app
        labels: {canary2k8s.io/role: stable}
      spec:
        template:
          metadata:
            labels: {app.kubernetes.io/instance: web}
          spec:
            securityContext:
              runAsNonRoot: true
              seccompProfile: {type: RuntimeDefault}
            containers:
              - name: app
                image: x:1
                ports: [{containerPort: 8080}]
                resources:
                  requests: {cpu: 100m, memory: 64Mi}
                  limits: {memory: 128Mi}
                securityContext:
                  allowPrivilegeEscalation: false
                  readOnlyRootFilesystem: true
                  capabilities: {drop: [ALL]}
            volumes:
              - name: tmp
                emptyDir: {}
      """;

  static List<JsonNode> docs(String yaml) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    try (var it = new YAMLMapper().readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
      while (it.hasNext()) {
        out.add(it.next());
      }
    }
    return out;
  }

  static List<String> check(String deployment) throws IOException {
    return PodSecurity.violations(docs(NS + deployment + PDB), null);
  }

  @Test
  void cleanManifestPasses() throws IOException {
    assertThat(check(GOOD)).isEmpty();
  }

  @Test
  void catchesEveryDeviation() throws IOException {
    assertThat(
            check(
                GOOD.replace(
                    "    spec:\n      securityContext:",
                    "    spec:\n      hostNetwork: true\n      securityContext:")))
        .anyMatch(v -> v.endsWith(": hostNetwork"));
    assertThat(
            check(
                GOOD.replace(
                    "    spec:\n      securityContext:",
                    "    spec:\n      hostPID: true\n      securityContext:")))
        .anyMatch(v -> v.endsWith(": hostPID"));
    assertThat(
            check(
                GOOD.replace(
                    "allowPrivilegeEscalation: false",
                    "allowPrivilegeEscalation: false\n            privileged: true")))
        .anyMatch(v -> v.endsWith(": privileged"));
    assertThat(
            check(
                GOOD.replace("allowPrivilegeEscalation: false", "allowPrivilegeEscalation: true")))
        .anyMatch(v -> v.contains("allowPrivilegeEscalation"));
    assertThat(check(GOOD.replace("readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false")))
        .anyMatch(v -> v.contains("readOnlyRootFilesystem"));
    assertThat(check(GOOD.replace("runAsNonRoot: true", "runAsNonRoot: false")))
        .anyMatch(v -> v.contains("runAsNonRoot"));
    assertThat(check(GOOD.replace("{type: RuntimeDefault}", "{type: Unconfined}")))
        .anyMatch(v -> v.contains("seccompProfile"));
    assertThat(check(GOOD.replace("drop: [ALL]", "drop: [NET_RAW]")))
        .anyMatch(v -> v.contains("drop ALL"));
    assertThat(check(GOOD.replace("drop: [ALL]", "drop: [ALL], add: [NET_ADMIN]")))
        .anyMatch(v -> v.contains("NET_ADMIN"));
    assertThat(check(GOOD.replace("drop: [ALL]", "drop: [ALL], add: [NET_BIND_SERVICE]")))
        .anyMatch(v -> v.contains("binds no port below 1024"));
    assertThat(
            check(
                GOOD.replace("drop: [ALL]", "drop: [ALL], add: [NET_BIND_SERVICE]")
                    .replace("containerPort: 8080", "containerPort: 80")))
        .isEmpty();
    assertThat(
            check(GOOD.replace("{containerPort: 8080}", "{containerPort: 8080, hostPort: 8080}")))
        .anyMatch(v -> v.contains("hostPort"));
    assertThat(check(GOOD.replace("limits: {memory: 128Mi}", "limits: {}")))
        .anyMatch(v -> v.contains("memory limit"));
    assertThat(
            check(GOOD.replace("requests: {cpu: 100m, memory: 64Mi}", "requests: {memory: 64Mi}")))
        .anyMatch(v -> v.contains("cpu request"));
    assertThat(check(GOOD.replace("emptyDir: {}", "hostPath: {path: /}")))
        .anyMatch(v -> v.contains("hostPath"));
    assertThat(PodSecurity.violations(docs(NS + GOOD), null))
        .anyMatch(v -> v.contains("PodDisruptionBudget"));
    assertThat(
            PodSecurity.violations(
                docs(NS.replace("enforce: restricted", "enforce: baseline") + GOOD + PDB), null))
        .anyMatch(v -> v.contains("enforce"));
  }

  @Test
  void hostNetworkOnlyWhereAllowedAndWithItsDnsPolicyAndPrivilegedNamespace() throws IOException {
    String hostNet =
        GOOD.replace(
            "    spec:\n      securityContext:",
            "    spec:\n      hostNetwork: true\n      dnsPolicy: ClusterFirstWithHostNet\n      securityContext:");
    assertThat(hostNet).contains("hostNetwork: true");
    String privileged =
        NS.replace(
            "enforce: restricted",
            "enforce: privileged\n    pod-security.kubernetes.io/audit: restricted");
    assertThat(PodSecurity.violations(docs(privileged + hostNet + PDB), "app")).isEmpty();
    assertThat(PodSecurity.violations(docs(NS + hostNet + PDB), "app"))
        .anyMatch(v -> v.contains("enforce"));
    assertThat(
            PodSecurity.violations(
                docs(
                    privileged
                        + hostNet.replace(
                            "dnsPolicy: ClusterFirstWithHostNet", "dnsPolicy: ClusterFirst")
                        + PDB),
                "app"))
        .anyMatch(v -> v.contains("dnsPolicy"));
  }
}
