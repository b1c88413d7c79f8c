package io.canary2k8s.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.canary2k8s.input.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
  @TempDir Path tmp;

  Path file(String yaml) throws IOException {
    Path f = tmp.resolve("canary2k8s.yaml");
    Files.writeString(f, yaml);
    return f;
  }

  @Test
  void readsImagesResourcesAndTheEdge() throws IOException {
    Config c =
        Config.read(
            file(
                """
        apps:
          myapp:
            image: registry.example.com/myapp:1.2.3
            tracks:
              myapp-canary:
                image: registry.example.com/myapp:1.3.0-rc1
            resources:
              requests: {cpu: 500m, memory: 1Gi}
              limits: {memory: 2Gi}
        edge:
          namespace: edge
          nodeLabel: node-role.kubernetes.io/edge=
          webNodePort: 31080
        """));
    assertThat(c.apps().get("myapp").image()).isEqualTo("registry.example.com/myapp:1.2.3");
    assertThat(c.apps().get("myapp").tracks().get("myapp-canary").image()).endsWith("1.3.0-rc1");
    assertThat(c.edge().nodeLabelKey()).isEqualTo("node-role.kubernetes.io/edge");
    assertThat(c.edge().nodeLabelValue()).isEmpty();
    assertThat(c.edge().webNodePort()).isEqualTo(31080);
    assertThat(c.edge().websecureNodePort()).isEqualTo(30443);
  }

  @Test
  void rejectsWhatItCannotTrust() throws IOException {
    assertThatThrownBy(() -> Config.read(file("apps:\n  a: &x {image: i/j:1}\n  b: *x\n")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("anchors");
    assertThatThrownBy(() -> Config.read(file("base: &b {image: i}\napps:\n  a:\n    <<: *b\n")))
        .isInstanceOf(InputException.class);
    assertThatThrownBy(() -> Config.read(file("apps: {a: {image: 'i/j:1'}}\napps: {}\n")))
        .isInstanceOf(InputException.class);
    assertThatThrownBy(() -> Config.read(file("edge:\n  webNodePort: 80\n")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("edge.webNodePort");
    assertThatThrownBy(() -> Config.read(file("edge:\n  webNodePort: 99999999999999\n")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("edge.webNodePort");
    assertThatThrownBy(
            () -> Config.read(file("apps:\n  a:\n    resources:\n      requests: {gpu: 1}\n")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("apps.a.resources.requests.gpu");
    assertThatThrownBy(() -> Config.read(file("apps:\n  a:\n    image: 'bad image'\n")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("apps.a.image");
    assertThatThrownBy(() -> Config.read(file("")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void tcpNodePorts_byListenerPort_inTheRangeAndDistinct() throws IOException {
    Config c = Config.read(file("edge:\n  tcpNodePorts:\n    5432: 31432\n    6379: 32379\n"));
    assertThat(c.edge().tcpNodePorts()).containsEntry(5432, 31432).containsEntry(6379, 32379);
    assertThat(Config.EMPTY.edge().tcpNodePorts()).isEmpty();
    assertThatThrownBy(() -> Config.read(file("edge:\n  tcpNodePorts:\n    5432: 80\n")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("edge.tcpNodePorts.5432");
    assertThatThrownBy(() -> Config.read(file("edge:\n  tcpNodePorts:\n    5432: 30080\n")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("edge.tcpNodePorts.5432")
        .hasMessageContaining("edge.webNodePort");
    assertThatThrownBy(
            () -> Config.read(file("edge:\n  tcpNodePorts:\n    5432: 31000\n    6379: 31000\n")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("edge.tcpNodePorts.6379");
    assertThatThrownBy(() -> Config.read(file("edge:\n  tcpNodePorts:\n    443: 31443\n")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("websecure");
    assertThatThrownBy(() -> Config.read(file("edge:\n  tcpNodePorts:\n    70000: 31443\n")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("edge.tcpNodePorts.70000");
    assertThatThrownBy(() -> Config.read(file("edge:\n  tcpNodePorts:\n    db: 31443\n")))
        .isInstanceOf(InputException.class);
    assertThatThrownBy(
            () -> Config.read(file("edge:\n  webNodePort: 31000\n  websecureNodePort: 31000\n")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("edge.websecureNodePort");
  }
}
