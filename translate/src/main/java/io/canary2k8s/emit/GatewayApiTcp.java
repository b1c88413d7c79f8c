package io.canary2k8s.emit;

import io.canary2k8s.names.Names;
import io.canary2k8s.notes.Notifier;
import io.canary2k8s.plan.App;
import io.canary2k8s.plan.Edge;
import io.canary2k8s.plan.Plan;
import io.canary2k8s.plan.Route;
import io.canary2k8s.split.Fraction;
import io.canary2k8s.split.Weights;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.AllowedRoutes;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.BackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ListenerTLSConfig;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteNamespaces;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.SecretObjectReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.TCPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.TCPRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.TCPRouteSpec;
import io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.TLSRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1alpha3.TLSRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1alpha3.TLSRouteSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The Gateway API's TCP routes, as Traefik v3.7's kubernetesGateway provider serves them: a TLS
 * listener per server name in {@code Terminate} mode with the route's Secret and a {@code TLSRoute}
 * (standard channel, {@code v1}) for SSL and TLS listeners; a TCP listener per port and a {@code
 * TCPRoute} (experimental channel, {@code v1alpha2}, which Traefik reads only with its {@code
 * experimentalChannel} option) for plain TCP. Both carry the exact reduced ratio as {@code
 * backendRefs[].weight}, capped at the CRDs' 1,000,000 as HTTPRoutes are.
 *
 * <p>What the Gateway API cannot say is a note: a plain TCP listener on 80 or 443 (a TCP listener
 * may not share a port with the HTTP and HTTPS listeners there), a TLS listener no name points at
 * (a TLSRoute needs hostnames), the PROXY protocol (neither route sends it).
 */
final class GatewayApiTcp {
  /** The TCPRoute CRD of the experimental channel, the version Traefik v3.7 supports. */
  static final String TCPROUTE_CRD =
      "https://raw.githubusercontent.com/kubernetes-sigs/gateway-api/v1.5.1/config/crd/"
          + "experimental/gateway.networking.k8s.io_tcproutes.yaml";

  private static final Pattern SECTION_NAME =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private GatewayApiTcp() {}

  /**
   * Whether the Gateway API can carry this TCP route: not plain TCP on the HTTP/HTTPS listeners'
   * ports, not a TLS route without names.
   */
  static boolean expressible(Route route) {
    Route.TcpListener l = route.listener();
    if (!l.terminatesTls()) {
      return l.port() != 80 && l.port() != 443;
    }
    return !route.hosts().isEmpty();
  }

  /** Whether the bundle has a TCPRoute: the experimental channel is needed. */
  static boolean anyTcpRoute(Plan plan) {
    return plan.apps().stream()
        .flatMap(a -> a.routes().stream())
        .anyMatch(r -> r.isTcp() && !r.listener().terminatesTls() && expressible(r));
  }

  /** The Gateway listener of a plain TCP route's port: its entry point's name. */
  static String tcpListenerName(Route.TcpListener l) {
    return "tcp-" + l.port();
  }

  /**
   * The TLS listener of one server name of port {@code port}: {@code tls-<port>.<host>}, a wildcard
   * {@code *.example.com} as {@code tls-<port>-wildcard.example.com}; a hash when it does not fit.
   */
  static String tlsListenerName(int port, String host) {
    String prefix = "tls-" + port;
    String name =
        host.startsWith("*.") ? prefix + "-wildcard." + host.substring(2) : prefix + "." + host;
    if (name.length() <= 253 && SECTION_NAME.matcher(name).matches()) {
      return name;
    }
    return prefix + "-" + Names.hash(host);
  }

  /** The port in the pod that a listener port reaches (Traefik matches listeners to it). */
  static int containerPort(Edge edge, int port) {
    if (port == 80) {
      return EdgeEmitter.WEB_PORT;
    }
    if (port == 443) {
      return EdgeEmitter.WEBSECURE_PORT;
    }
    return edge.tcpEntryPoints().stream()
        .filter(e -> e.port() == port)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no entry point for port " + port))
        .containerPort();
  }

  /**
   * The Gateway's listeners for the TCP routes of {@code plan}, by name; notes each route the
   * Gateway API cannot carry (an ERROR naming its listener) and each that loses its PROXY protocol
   * header, and the experimental CRD the TCPRoutes need.
   */
  static List<Listener> listeners(Plan plan, Notifier notes) {
    Map<String, Listener> out = new TreeMap<>();
    Map<String, TreeSet<String>> namespaces = new TreeMap<>(); // TCP listener → its routes' ns
    Edge edge = plan.edge();
    for (App app : plan.apps()) {
      for (Route r : app.routes()) {
        if (!r.isTcp()) {
          continue;
        }
        Route.TcpListener l = r.listener();
        String lb = r.loadBalancers().get(0);
        if (!expressible(r)) {
          notes.error(
              lb,
              "Listener "
                  + l.label()
                  + " (TCP route "
                  + app.namespace()
                  + "/"
                  + r.name()
                  + ") is not migrated to the Gateway API: "
                  + (l.terminatesTls()
                      ? "no Route53 name points at the load balancer, and a TLSRoute needs the"
                          + " server names it takes."
                      : "a TCP listener cannot share port "
                          + l.port()
                          + " with the Gateway's HTTP and HTTPS listeners.")
                  + " Use --target traefik-v3, or move the listener to another port.");
          continue;
        }
        if (l.proxyProtocol() != null) {
          notes.action(
              lb,
              "Listener "
                  + l.label()
                  + ": the instances expect a PROXY protocol v"
                  + l.proxyProtocol()
                  + " header, which neither a TCPRoute nor a TLSRoute sends. Turn the PROXY"
                  + " protocol off on the servers behind "
                  + app.namespace()
                  + "/"
                  + r.name()
                  + " before it takes traffic, or use --target traefik-v3.");
        }
        int port = containerPort(edge, l.port());
        if (!l.terminatesTls()) {
          String name = tcpListenerName(l);
          namespaces.computeIfAbsent(name, k -> new TreeSet<>()).add(app.namespace());
          Listener tcp = new Listener();
          tcp.setName(name);
          tcp.setProtocol("TCP");
          tcp.setPort(port);
          out.put(name, tcp);
          continue;
        }
        for (String host : r.hosts()) {
          Listener tls = new Listener();
          tls.setName(tlsListenerName(l.port(), host));
          tls.setProtocol("TLS");
          tls.setPort(port);
          tls.setHostname(host);
          ListenerTLSConfig cfg = new ListenerTLSConfig();
          cfg.setMode("Terminate");
          SecretObjectReference ref = new SecretObjectReference();
          ref.setName(r.tlsSecret());
          ref.setNamespace(app.namespace());
          cfg.setCertificateRefs(List.of(ref));
          tls.setTls(cfg);
          tls.setAllowedRoutes(allowed(List.of(app.namespace())));
          out.put(tls.getName(), tls);
        }
      }
    }
    namespaces.forEach((name, ns) -> out.get(name).setAllowedRoutes(allowed(List.copyOf(ns))));
    if (anyTcpRoute(plan)) {
      notes.action(
          "target gateway-api",
          "The TCPRoutes need the Gateway API experimental-channel TCPRoute CRD v1.5.1, which the"
              + " standard install lacks: kubectl apply --server-side -f "
              + TCPROUTE_CRD
              + " (a new CRD, which the standard install's safe-upgrades admission policy allows;"
              + " it refuses experimental CRDs over standard ones). The edge's static"
              + " configuration sets providers.kubernetesGateway.experimentalChannel=true, without"
              + " which Traefik ignores TCP listeners and TCPRoutes.");
    }
    return List.copyOf(out.values());
  }

  /** Routes from exactly these namespaces, by the name label the API server sets. */
  private static AllowedRoutes allowed(List<String> namespaces) {
    RouteNamespaces rn = new RouteNamespaces();
    rn.setFrom("Selector");
    rn.setSelector(
        new LabelSelectorBuilder()
            .addNewMatchExpression()
            .withKey("kubernetes.io/metadata.name")
            .withOperator("In")
            .withValues(namespaces)
            .endMatchExpression()
            .build());
    AllowedRoutes ar = new AllowedRoutes();
    ar.setNamespaces(rn);
    return ar;
  }

  /**
   * The TCPRoute or TLSRoute of a TCP route, and its Secret's ReferenceGrant; none if it cannot.
   */
  static List<HasMetadata> routes(App app, Route route, Edge edge, Notifier notes) {
    if (!expressible(route)) {
      return List.of(); // an ERROR says so (listeners)
    }
    List<HasMetadata> out = new ArrayList<>();
    Route.TcpListener l = route.listener();
    if (!l.terminatesTls()) {
      TCPRoute tcp = new TCPRoute();
      tcp.setMetadata(Labels.routeMeta(app, route.name(), route));
      TCPRouteSpec spec = new TCPRouteSpec();
      spec.setParentRefs(List.of(parent(edge, tcpListenerName(l))));
      TCPRouteRule rule = new TCPRouteRule();
      rule.setBackendRefs(backendRefs(app, route, "TCPRoute", notes));
      spec.setRules(List.of(rule));
      tcp.setSpec(spec);
      out.add(tcp);
      return out;
    }
    TLSRoute tls = new TLSRoute();
    // fabric8 models TLSRoute up to v1alpha3, whose spec has the shape of v1: the only version the
    // standard channel v1.5.1 serves (schemas/ validates it against that CRD)
    tls.setApiVersion(GatewayApiEmitter.GROUP + "/v1");
    tls.setMetadata(Labels.routeMeta(app, route.name(), route));
    TLSRouteSpec spec = new TLSRouteSpec();
    List<ParentReference> parents = new ArrayList<>();
    route.hosts().forEach(h -> parents.add(parent(edge, tlsListenerName(l.port(), h))));
    spec.setParentRefs(parents);
    spec.setHostnames(route.hosts());
    TLSRouteRule rule = new TLSRouteRule();
    rule.setBackendRefs(backendRefs(app, route, "TLSRoute", notes));
    spec.setRules(List.of(rule));
    tls.setSpec(spec);
    out.add(tls);
    if (route.tlsSecret().equals(Names.join(route.name(), "tls"))) {
      out.add(GatewayApiEmitter.referenceGrant(app, route, edge));
    }
    return out;
  }

  /** The kind of a TCP route's object: TCPRoute or TLSRoute. */
  static String kind(Route route) {
    return route.listener().terminatesTls() ? "TLSRoute" : "TCPRoute";
  }

  private static ParentReference parent(Edge edge, String section) {
    ParentReference p = new ParentReference();
    p.setName(GatewayApiEmitter.gatewayName());
    p.setNamespace(edge.namespace());
    p.setSectionName(section);
    return p;
  }

  /** The weighted backends, noting when the ratio had to be approximated under the cap. */
  static List<BackendRef> backendRefs(App app, Route route, String kind, Notifier notes) {
    List<Fraction> shares = route.backends().stream().map(Route.Backend::share).toList();
    Weights.Bounded w = Weights.integersAtMost(shares, GatewayApiEmitter.MAX_WEIGHT);
    if (!w.exact() && notes != null) {
      GatewayApiEmitter.noteApproximated(
          kind + "/" + app.namespace() + "/" + route.name(), route, w, notes);
    }
    List<BackendRef> out = new ArrayList<>();
    for (int i = 0; i < route.backends().size(); i++) {
      Route.Backend b = route.backends().get(i);
      BackendRef ref = new BackendRef();
      ref.setName(b.track());
      ref.setPort(b.port());
      ref.setWeight(w.values().get(i).intValueExact());
      out.add(ref);
    }
    return out;
  }

  static WeightPatch weightPatch(App app, Route atStep, Notifier notes) {
    String kind = kind(atStep);
    return new WeightPatch(
        GatewayApiEmitter.GROUP,
        kind.equals("TLSRoute") ? "v1" : "v1alpha2",
        kind,
        app.namespace(),
        atStep.name(),
        List.of(
            new WeightPatch.Op(
                "replace", "/spec/rules/0/backendRefs", backendRefs(app, atStep, kind, notes))));
  }
}
