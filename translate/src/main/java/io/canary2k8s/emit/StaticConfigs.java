package io.canary2k8s.emit;

import io.canary2k8s.plan.Edge;
import io.canary2k8s.yaml.Yaml;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small helpers shared by the static configurations of the Traefik versions. */
final class StaticConfigs {
  private StaticConfigs() {}

  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  /** The edge's entry point addresses inside the pod (unprivileged ports). */
  static String address(int port) {
    return ":" + port;
  }

  /** Traefik 1.7's HTTP→HTTPS redirect to 443: a regex, since the pod listens on 8443. */
  static final String V1_REDIRECT_REGEX = "^http://([^/:]+)(:[0-9]+)?/(.*)$";

  static final String V1_REDIRECT_REPLACEMENT = "https://$1/$3";

  /**
   * A Traefik v3 static configuration (traefik.yml): {@code entryPoints} and the health-check entry
   * point {@code ping}, one {@code provider}, no phoning home, INFO logs.
   */
  static String v3(
      Map<String, Object> entryPoints, String provider, Map<String, Object> providerConfig) {
    entryPoints.put("ping", map("address", address(EdgeEmitter.PING_PORT)));
    Map<String, Object> root =
        map(
            "global", map("checkNewVersion", false, "sendAnonymousUsage", false),
            "entryPoints", entryPoints,
            "ping", map("entryPoint", "ping"),
            "log", map("level", "INFO"),
            "providers", map(provider, providerConfig));
    return Yaml.dump(root);
  }

  /**
   * The entry points of the TCP routes on ports of their own, by port: each listens on its
   * container port (the routes' IngressRouteTCPs, or the Gateway's TCP and TLS listeners, name it).
   */
  static void tcpEntryPoints(Edge edge, Map<String, Object> entryPoints) {
    for (Edge.TcpEntryPoint e : edge.tcpEntryPoints()) {
      entryPoints.put(e.name(), map("address", address(e.containerPort())));
    }
  }

  static boolean redirect(Edge edge) {
    return edge.redirectHttpToHttps() && edge.https();
  }
}
