package io.canary2k8s.plan;

import io.canary2k8s.config.Config;
import io.canary2k8s.notes.Notifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The edge's ports for the TCP routes of every app: on AWS each load balancer has addresses of its
 * own, at the edge every listener of a port shares one entry point. A port takes either one plain
 * TCP route (it carries no name to tell connections apart, and Traefik forwards such a connection
 * at once only when no TLS router shares the entry point: a server-first protocol never sends the
 * bytes it would wait for) or TLS routes for distinct server names, at most one of them for every
 * name; ports 80 and 443 are the {@code web} and {@code websecure} entry points, whose HTTP routers
 * come after the TCP ones and so keep their hosts. A route that does not fit is left out with an
 * ERROR naming its listener, the first one in app and route order keeps the port. A route without
 * instances is left out too: with a WARNING when nothing else answers on its port (nothing answers
 * today either), an ERROR when another route would take its connections.
 *
 * <p>Each port other than 80 and 443 gets an entry point with an unprivileged container port
 * ({@code 8000 + port} below 1024, as 80 and 443 map to 8000 and 8443; else the port itself; the
 * next free one when taken) and a node port: {@code edge.tcpNodePorts} of canary2k8s.yaml, else
 * {@code 31000 + port % 1000} (5432 → 31432), the next free one upward when taken, wrapping within
 * 30000-32767, never the web and websecure node ports.
 */
final class EdgePorts {
  /** The container ports of the entry points web, websecure and ping (EdgeEmitter's). */
  static final Set<Integer> RESERVED_CONTAINER_PORTS = Set.of(8000, 8443, 9000);

  static final int NODE_PORT_MIN = 30000;
  static final int NODE_PORT_MAX = 32767;

  /** The apps without the TCP routes left out, and the entry points of the rest. */
  record Assigned(List<App> apps, List<Edge.TcpEntryPoint> entryPoints) {}

  private EdgePorts() {}

  /** One TCP route, with its app. */
  private record Claim(App app, Route route) {
    int port() {
      return route.listener().port();
    }

    String lb() {
      return route.loadBalancers().get(0);
    }

    String label() {
      return route.listener().label();
    }
  }

  /** What holds one port so far. */
  private static final class Port {
    Claim plain;
    Claim anyName;
    final Map<String, String> names = new TreeMap<>(); // server name → what takes it
    final List<Claim> tls = new ArrayList<>();

    boolean empty() {
      return plain == null && tls.isEmpty();
    }
  }

  static Assigned assign(List<App> apps, Config.EdgeConfig config, Notifier notes) {
    List<App> ordered = apps.stream().sorted(Comparator.comparing(App::name)).toList();
    Set<Integer> httpPorts = new TreeSet<>();
    Map<String, String> httpsHosts = new TreeMap<>(); // host → HTTPS route on 443
    List<Claim> claims = new ArrayList<>();
    for (App a : ordered) {
      for (Route r : a.routes()) {
        if (r.isTcp()) {
          claims.add(new Claim(a, r));
          continue;
        }
        if (r.http()) {
          httpPorts.add(80);
        }
        if (r.https()) {
          httpPorts.add(443);
          r.hosts().forEach(h -> httpsHosts.putIfAbsent(h, "HTTPS route " + r.name()));
        }
      }
    }
    Map<Integer, Port> ports = new TreeMap<>();
    Set<Route> left = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    // routes with instances claim first, so that one without never takes a port from them
    for (boolean served : List.of(true, false)) {
      for (Claim c : claims) {
        if (c.route().backends().isEmpty() == served) {
          continue;
        }
        Port p = ports.computeIfAbsent(c.port(), k -> new Port());
        String taker = taker(c, p, httpPorts, httpsHosts);
        if (!served) {
          left.add(c.route());
          if (taker == null) {
            taker = covering(c, p, httpsHosts);
          }
          if (taker == null) {
            notes.warn(
                c.lb(),
                "Listener "
                    + c.label()
                    + " has no instances behind it under the weight basis in use; TCP route "
                    + c.route().name()
                    + " is left out (nothing answers on port "
                    + c.port()
                    + " at the edge, and nothing is served there today).");
          } else {
            notes.error(
                c.lb(),
                "Listener "
                    + c.label()
                    + " has no instances behind it, and at the edge "
                    + taker
                    + " answers its connections on port "
                    + c.port()
                    + ": they would be served there, where AWS serves them nothing today.");
          }
          continue;
        }
        if (taker != null) {
          left.add(c.route());
          notes.error(
              c.lb(),
              "Listener "
                  + c.label()
                  + " is not migrated: at the edge "
                  + taker
                  + " already takes "
                  + (c.route().listener().terminatesTls()
                      ? c.route().hosts().isEmpty()
                          ? "TLS connections"
                          : "the server names " + c.route().hosts()
                      : "port " + c.port())
                  + ", and one port of the edge cannot tell them apart"
                  + (c.route().listener().terminatesTls()
                      ? ""
                      : " (plain TCP carries no server name)")
                  + ". Give one of them another port, or names of its own"
                  + (c.route().hosts().isEmpty()
                      ? ""
                      : " (the clients of " + c.route().hosts() + ")")
                  + ".");
          continue;
        }
        take(c, p);
        notes.info(c.lb(), routed(c.route()));
      }
    }
    List<App> out = new ArrayList<>();
    for (App a : apps) {
      if (a.routes().stream().noneMatch(left::contains)) {
        out.add(a);
        continue;
      }
      out.add(
          new App(
              a.name(),
              a.namespace(),
              a.loadBalancers(),
              a.tracks(),
              a.routes().stream().filter(r -> !left.contains(r)).toList(),
              a.shares(),
              a.otherBasisShares(),
              a.rolesFrom()));
    }
    ports.values().removeIf(Port::empty);
    return new Assigned(out, entryPoints(ports, config, notes));
  }

  /** What already takes what {@code c} needs on its port, in words, or null when it is free. */
  private static String taker(
      Claim c, Port p, Set<Integer> httpPorts, Map<String, String> httpsHosts) {
    if (p.plain != null) {
      return "TCP route " + p.plain.route().name();
    }
    boolean web = c.port() == 80 || c.port() == 443;
    if (!c.route().listener().terminatesTls()) {
      if (!p.tls.isEmpty()) {
        return "TLS route " + p.tls.get(0).route().name();
      }
      if (web && httpPorts.contains(c.port())) {
        return "the edge's " + c.route().listener().entryPoint() + " entry point (HTTP routes)";
      }
      return null;
    }
    if (c.route().hosts().isEmpty()) {
      if (p.anyName != null) {
        return "TLS route " + p.anyName.route().name();
      }
      if (c.port() == 443 && !httpsHosts.isEmpty()) {
        return "the edge's websecure entry point (HTTPS routes for " + httpsHosts.keySet() + ")";
      }
      return null;
    }
    for (String h : c.route().hosts()) {
      if (p.names.containsKey(h)) {
        return p.names.get(h);
      }
      if (c.port() == 443 && httpsHosts.containsKey(h)) {
        return httpsHosts.get(h);
      }
    }
    return null;
  }

  /**
   * For a route left out, what would take its names on its port by a wildcard (a TLS route for
   * every server name, a wildcard name of another TLS route or of the HTTPS routes on 443), in
   * words, or null.
   */
  private static String covering(Claim c, Port p, Map<String, String> httpsHosts) {
    if (!c.route().listener().terminatesTls()) {
      return null;
    }
    if (p.anyName != null) {
      return "TLS route " + p.anyName.route().name(); // every server name
    }
    for (String h : c.route().hosts()) {
      for (Map.Entry<String, String> n : p.names.entrySet()) {
        if (RoutePriority.covers(n.getKey(), h)) {
          return n.getValue();
        }
      }
      if (c.port() == 443) {
        for (Map.Entry<String, String> n : httpsHosts.entrySet()) {
          if (RoutePriority.covers(n.getKey(), h)) {
            return n.getValue();
          }
        }
      }
    }
    return null;
  }

  /** What becomes of a listener that keeps its port: its route, entry point and backends. */
  static String routed(Route r) {
    Route.TcpListener l = r.listener();
    java.util.Set<Integer> ports = new TreeSet<>();
    r.backends().forEach(b -> ports.add(b.port()));
    return "Listener "
        + l.label()
        + " becomes TCP route "
        + r.name()
        + " on edge entry point "
        + l.entryPoint()
        + ": "
        + (l.terminatesTls()
            ? "TLS terminated at the edge, "
                + (r.hosts().isEmpty()
                    ? "every server name (no Route53 name points at the load balancer)"
                    : "the server names " + r.hosts())
            : "every connection on the port (plain TCP carries no name)")
        + ", to port "
        + String.join(", ", ports.stream().map(String::valueOf).toList())
        + " of the Services"
        + (l.proxyProtocol() == null
            ? ""
            : " with a PROXY protocol v" + l.proxyProtocol() + " header")
        + ".";
  }

  private static void take(Claim c, Port p) {
    if (!c.route().listener().terminatesTls()) {
      p.plain = c;
      return;
    }
    p.tls.add(c);
    if (c.route().hosts().isEmpty()) {
      p.anyName = c;
    }
    c.route().hosts().forEach(h -> p.names.put(h, "TLS route " + c.route().name()));
  }

  /** {@code want}, else the next free node port upward, wrapping within the range; 0 for none. */
  static int freeNodePort(Set<Integer> taken, int want) {
    int node = want;
    for (int i = 0; i <= NODE_PORT_MAX - NODE_PORT_MIN; i++) {
      if (taken.add(node)) {
        return node;
      }
      node = node == NODE_PORT_MAX ? NODE_PORT_MIN : node + 1;
    }
    return 0;
  }

  /** The entry points of the ports other than 80 and 443, by port. */
  private static List<Edge.TcpEntryPoint> entryPoints(
      Map<Integer, Port> ports, Config.EdgeConfig config, Notifier notes) {
    Set<Integer> containerPorts = new TreeSet<>(RESERVED_CONTAINER_PORTS);
    Set<Integer> nodePorts = new TreeSet<>(config.tcpNodePorts().values());
    nodePorts.add(config.webNodePort());
    nodePorts.add(config.websecureNodePort());
    List<Edge.TcpEntryPoint> out = new ArrayList<>();
    ports.forEach(
        (port, p) -> {
          if (port == 80 || port == 443) {
            return;
          }
          Claim first = p.plain != null ? p.plain : p.tls.get(0);
          List<String> listeners = new ArrayList<>();
          if (p.plain != null) {
            listeners.add(p.plain.lb() + " " + p.plain.label());
          }
          p.tls.forEach(c -> listeners.add(c.lb() + " " + c.label()));
          int container = port < 1024 ? 8000 + port : port;
          while (!containerPorts.add(container)) {
            container = container == 65535 ? 1024 : container + 1;
          }
          Integer node = config.tcpNodePorts().get(port);
          if (node == null) {
            node = freeNodePort(nodePorts, NODE_PORT_MIN + 1000 + port % 1000);
            if (node == 0) {
              notes.error(
                  first.route().listener().entryPoint(),
                  "Every node port from "
                      + NODE_PORT_MIN
                      + " to "
                      + NODE_PORT_MAX
                      + " is taken: the Service leaves this entry point's node port to"
                      + " Kubernetes.");
            }
          }
          out.add(
              new Edge.TcpEntryPoint(
                  first.route().listener().entryPoint(),
                  port,
                  container,
                  node,
                  first.route().listener().terminatesTls(),
                  listeners));
        });
    Set<Integer> unused = new TreeSet<>(config.tcpNodePorts().keySet());
    out.forEach(e -> unused.remove(e.port()));
    for (int port : unused) {
      notes.warn(
          "edge.tcpNodePorts." + port,
          "canary2k8s.yaml sets a node port for listener port "
              + port
              + ", but no migrated TCP, SSL or TLS listener has an entry point on that port;"
              + " it is not used.");
    }
    return out;
  }
}
