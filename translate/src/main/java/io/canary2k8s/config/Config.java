package io.canary2k8s.config;

import io.canary2k8s.input.InputException;
import io.canary2k8s.yaml.Yaml;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The optional {@code canary2k8s.yaml}: overrides a person gives because AWS does not know them
 * (images, resources, the edge). Read strictly: unknown keys, duplicate keys, anchors and aliases
 * are errors naming the file and the field.
 *
 * @param apps per app name (as REVIEW.md names the apps)
 * @param edge the Traefik edge
 */
public record Config(Map<String, AppConfig> apps, EdgeConfig edge) {

  public static final Config EMPTY = new Config(Map.of(), EdgeConfig.DEFAULT);

  public Config {
    apps = apps == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(apps));
    edge = edge == null ? EdgeConfig.DEFAULT : edge.withDefaults();
  }

  /** Per-app overrides. {@code tracks} is keyed by track name (e.g. {@code myapp-canary}). */
  public record AppConfig(String image, Map<String, TrackConfig> tracks, Resources resources) {
    public AppConfig {
      tracks =
          tracks == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(tracks));
    }
  }

  public record TrackConfig(String image) {}

  /** Container resources, Kubernetes quantities as strings (e.g. {@code 250m}, {@code 256Mi}). */
  public record Resources(Map<String, String> requests, Map<String, String> limits) {
    public Resources {
      requests =
          requests == null
              ? Map.of()
              : java.util.Collections.unmodifiableMap(new TreeMap<>(requests));
      limits =
          limits == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(limits));
    }
  }

  /**
   * The edge Traefik.
   *
   * @param nodeLabel {@code key=value} selecting the edge nodes
   * @param webNodePort node port of the HTTP entry point (the edge ELB's target port)
   * @param tcpNodePorts listener port → the node port of its entry point, for the TCP, SSL and TLS
   *     listeners that get an entry point of their own (the others get one chosen by the plan)
   */
  public record EdgeConfig(
      String namespace,
      String nodeLabel,
      String image,
      Integer webNodePort,
      Integer websecureNodePort,
      Map<Integer, Integer> tcpNodePorts) {
    public static final EdgeConfig DEFAULT =
        new EdgeConfig(null, null, null, null, null, null).withDefaults();

    public EdgeConfig {
      tcpNodePorts =
          tcpNodePorts == null
              ? Map.of()
              : java.util.Collections.unmodifiableMap(new TreeMap<>(tcpNodePorts));
    }

    EdgeConfig withDefaults() {
      return new EdgeConfig(
          namespace == null ? "traefik" : namespace,
          nodeLabel == null ? "canary2k8s.io/edge=true" : nodeLabel,
          image,
          webNodePort == null ? 30080 : webNodePort,
          websecureNodePort == null ? 30443 : websecureNodePort,
          tcpNodePorts);
    }

    public String nodeLabelKey() {
      return nodeLabel.substring(0, nodeLabel.indexOf('='));
    }

    public String nodeLabelValue() {
      return nodeLabel.substring(nodeLabel.indexOf('=') + 1);
    }
  }

  /** Reads and checks a config file. */
  public static Config read(Path file) {
    Config c = Yaml.readStrict(file, Config.class);
    c.check(file.toString());
    return c;
  }

  void check(String shown) {
    apps.forEach(
        (name, app) -> {
          if (app == null) {
            throw new InputException(shown, "apps." + name, "is empty");
          }
          checkImage(shown, "apps." + name + ".image", app.image());
          app.tracks()
              .forEach(
                  (t, tc) -> {
                    if (tc == null) {
                      throw new InputException(shown, "apps." + name + ".tracks." + t, "is empty");
                    }
                    checkImage(shown, "apps." + name + ".tracks." + t + ".image", tc.image());
                  });
          if (app.resources() != null) {
            checkQuantities(
                shown, "apps." + name + ".resources.requests", app.resources().requests());
            checkQuantities(shown, "apps." + name + ".resources.limits", app.resources().limits());
          }
        });
    if (!edge.nodeLabel().matches("[A-Za-z0-9./_-]+=[A-Za-z0-9._-]*")) {
      throw new InputException(
          shown, "edge.nodeLabel", "expected key=value, found '" + edge.nodeLabel() + "'");
    }
    if (!edge.namespace().matches("[a-z]([-a-z0-9]{0,61}[a-z0-9])?")) {
      throw new InputException(
          shown, "edge.namespace", "'" + edge.namespace() + "' is not a valid namespace name");
    }
    checkImage(shown, "edge.image", edge.image());
    checkNodePort(shown, "edge.webNodePort", edge.webNodePort());
    checkNodePort(shown, "edge.websecureNodePort", edge.websecureNodePort());
    java.util.Map<Integer, String> taken = new TreeMap<>();
    taken.put(edge.webNodePort(), "edge.webNodePort");
    if (taken.putIfAbsent(edge.websecureNodePort(), "edge.websecureNodePort") != null) {
      throw new InputException(
          shown, "edge.websecureNodePort", "is the same node port as edge.webNodePort");
    }
    edge.tcpNodePorts()
        .forEach(
            (listenerPort, nodePort) -> {
              String field = "edge.tcpNodePorts." + listenerPort;
              if (listenerPort == null || listenerPort < 1 || listenerPort > 65535) {
                throw new InputException(shown, field, "is not a listener port (1..65535)");
              }
              if (listenerPort == 80 || listenerPort == 443) {
                throw new InputException(
                    shown,
                    field,
                    "listeners on 80 and 443 share the web and websecure entry points: set"
                        + " edge.webNodePort or edge.websecureNodePort");
              }
              if (nodePort == null) {
                throw new InputException(shown, field, "is empty");
              }
              checkNodePort(shown, field, nodePort);
              String other = taken.putIfAbsent(nodePort, field);
              if (other != null) {
                throw new InputException(
                    shown, field, "node port " + nodePort + " is already " + other);
              }
            });
  }

  private static void checkImage(String shown, String field, String image) {
    if (image != null && !isImageReference(image)) {
      throw new InputException(shown, field, "'" + image + "' is not an image reference");
    }
  }

  private static final java.util.regex.Pattern IMAGE =
      java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/:@+-]{0,511}");

  /**
   * Whether {@code image} may stand as a container image reference: one line of registry, path, tag
   * and digest characters, at most 512. The one check of an image, wherever it comes from (this
   * file, the {@code canary2k8s.io/image} tag).
   */
  public static boolean isImageReference(String image) {
    return IMAGE.matcher(image).matches();
  }

  private static void checkQuantities(String shown, String field, Map<String, String> q) {
    q.forEach(
        (k, v) -> {
          if (!k.equals("cpu") && !k.equals("memory") && !k.equals("ephemeral-storage")) {
            throw new InputException(
                shown, field + "." + k, "unknown resource (cpu, memory, ephemeral-storage)");
          }
          if (v == null || !v.matches("[0-9]+(\\.[0-9]+)?(m|k|M|G|T|Ki|Mi|Gi|Ti)?")) {
            throw new InputException(shown, field + "." + k, "'" + v + "' is not a quantity");
          }
        });
  }

  private static void checkNodePort(String shown, String field, int port) {
    if (port < 30000 || port > 32767) {
      throw new InputException(shown, field, port + " is outside the node port range 30000..32767");
    }
  }
}
