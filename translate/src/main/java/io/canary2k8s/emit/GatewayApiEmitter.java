package io.canary2k8s.emit;

import static io.canary2k8s.emit.StaticConfigs.address;
import static io.canary2k8s.emit.StaticConfigs.map;
import static io.canary2k8s.emit.TraefikV3Emitter.rule;

import io.canary2k8s.names.Names;
import io.canary2k8s.notes.Notifier;
import io.canary2k8s.plan.App;
import io.canary2k8s.plan.Edge;
import io.canary2k8s.plan.Plan;
import io.canary2k8s.plan.Route;
import io.canary2k8s.split.Fraction;
import io.canary2k8s.split.Weights;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.AllowedRoutes;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClass;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClassSpec;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewaySpec;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPPathMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRequestRedirectFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteSpec;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ListenerTLSConfig;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteNamespaces;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.SecretObjectReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1beta1.ReferenceGrant;
import io.fabric8.kubernetes.api.model.gatewayapi.v1beta1.ReferenceGrantFrom;
import io.fabric8.kubernetes.api.model.gatewayapi.v1beta1.ReferenceGrantSpec;
import io.fabric8.kubernetes.api.model.gatewayapi.v1beta1.ReferenceGrantTo;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Gateway API ({@code gateway.networking.k8s.io/v1}) served by Traefik v3's kubernetesGateway
 * provider: a GatewayClass for Traefik's controller, one Gateway in the edge namespace whose
 * listener ports are the edge's entry point ports (Traefik requires them to match), and per route
 * an HTTPRoute whose single rule holds the exact reduced integer ratio as {@code
 * backendRefs[].weight}. HTTPS terminates at one listener per host, with the host's Secret in the
 * app namespace (a ReferenceGrant lets the Gateway read exactly that Secret). A route whose load
 * balancer listened on both HTTP and HTTPS gets a second HTTPRoute on the HTTP listener with a
 * RequestRedirect filter.
 */
public final class GatewayApiEmitter implements RouteEmitter {
  public static final String CONTROLLER = "traefik.io/gateway-controller";
  public static final String GROUP = "gateway.networking.k8s.io";

  /** {@code backendRefs[].weight} maximum in the Gateway API CRD. */
  public static final long MAX_WEIGHT = 1_000_000;

  /** {@code spec.listeners} maximum in the Gateway CRD. */
  public static final int MAX_LISTENERS = 64;

  static final String WEB = "web";
  static final String WEBSECURE = "websecure";
  private static final Pattern SECTION_NAME =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  @Override
  public String name() {
    return "gateway-api";
  }

  @Override
  public String defaultEdgeImage() {
    return TraefikV3Emitter.IMAGE;
  }

  @Override
  public void noteTarget(Notifier notes) {
    notes.action(
        "target gateway-api",
        "Install the Gateway API standard-channel CRDs v1.5.1 (the version Traefik v3.7 supports)"
            + " before applying this bundle: kubectl apply -f https://github.com/kubernetes-sigs/"
            + "gateway-api/releases/download/v1.5.1/standard-install.yaml.");
  }

  /** The GatewayClass (cluster-scoped) and the Gateway share the edge's naming. */
  static String className(Edge edge) {
    return edge.namespace().equals(EdgeEmitter.NAME)
        ? EdgeEmitter.NAME
        : EdgeEmitter.NAME + "-" + edge.namespace();
  }

  static String gatewayName() {
    return EdgeEmitter.NAME;
  }

  /**
   * The HTTPS listener of one host: {@code websecure.<host>}, a wildcard {@code *.example.com} as
   * {@code websecure-wildcard.example.com} (a section name allows dots; the first label tells the
   * two forms apart). A name that does not fit falls back to a hash.
   */
  static String listenerName(String host) {
    String name =
        host.startsWith("*.")
            ? WEBSECURE + "-wildcard." + host.substring(2)
            : WEBSECURE + "." + host;
    if (name.length() <= 253 && SECTION_NAME.matcher(name).matches()) {
      return name;
    }
    return WEBSECURE + "-" + Names.hash(host);
  }

  /** Whether a route's HTTP requests are redirected to HTTPS (its ELB listened on both). */
  static boolean redirects(Route route) {
    return route.redirectsToHttps();
  }

  @Override
  public String redirectForm(Edge edge) {
    return "route by route: an HTTPRoute on the `web` listener with a RequestRedirect filter (https, 301; the port"
        + " follows from the scheme, 443)";
  }

  @Override
  public List<HasMetadata> planObjects(Plan plan, Notifier notes) {
    Edge edge = plan.edge();
    List<HasMetadata> out = new ArrayList<>();
    GatewayClass gc = new GatewayClass();
    gc.setMetadata(
        new ObjectMetaBuilder().withName(className(edge)).withLabels(EdgeEmitter.labels()).build());
    GatewayClassSpec gcs = new GatewayClassSpec();
    gcs.setControllerName(CONTROLLER);
    gc.setSpec(gcs);
    out.add(gc);

    List<Listener> listeners = new ArrayList<>();
    TreeSet<String> appNamespaces = new TreeSet<>();
    plan.apps().forEach(a -> appNamespaces.add(a.namespace()));
    Listener web = new Listener();
    web.setName(WEB);
    web.setProtocol("HTTP");
    web.setPort(EdgeEmitter.WEB_PORT);
    web.setAllowedRoutes(allowed(List.copyOf(appNamespaces)));
    listeners.add(web);
    // one HTTPS listener per host, sorted by host: its Secret, and only its app's namespace
    Map<String, Listener> secure = new TreeMap<>();
    for (App app : plan.apps()) {
      for (Route r : app.routes()) {
        if (!r.https()) {
          continue;
        }
        for (String host : r.hosts()) {
          Listener l = new Listener();
          l.setName(listenerName(host));
          l.setProtocol("HTTPS");
          l.setPort(EdgeEmitter.WEBSECURE_PORT);
          l.setHostname(host);
          ListenerTLSConfig tls = new ListenerTLSConfig();
          tls.setMode("Terminate");
          SecretObjectReference ref = new SecretObjectReference();
          ref.setName(r.tlsSecret());
          ref.setNamespace(app.namespace());
          tls.setCertificateRefs(List.of(ref));
          l.setTls(tls);
          l.setAllowedRoutes(allowed(List.of(app.namespace())));
          secure.put(host, l);
        }
      }
    }
    listeners.addAll(secure.values());
    listeners.addAll(GatewayApiTcp.listeners(plan, notes));
    if (listeners.size() > MAX_LISTENERS) {
      notes.error(
          "Gateway/" + edge.namespace() + "/" + gatewayName(),
          "The Gateway would need "
              + listeners.size()
              + " listeners (HTTP, one HTTPS listener per host, one TCP listener per port and one"
              + " TLS listener per server name) but the Gateway API allows "
              + MAX_LISTENERS
              + "; split the apps over several"
              + " bundles with different edge namespaces, or use --target traefik-v3.");
    }
    Gateway gw = new Gateway();
    gw.setMetadata(
        new ObjectMetaBuilder()
            .withName(gatewayName())
            .withNamespace(edge.namespace())
            .withLabels(EdgeEmitter.labels())
            .build());
    GatewaySpec gs = new GatewaySpec();
    gs.setGatewayClassName(className(edge));
    gs.setListeners(listeners);
    gw.setSpec(gs);
    out.add(gw);
    return out;
  }

  /**
   * Routes from exactly these namespaces, by the name label the API server sets on every namespace
   * (it cannot be set by hand); none when there is no app.
   */
  private static AllowedRoutes allowed(List<String> namespaces) {
    RouteNamespaces rn = new RouteNamespaces();
    if (namespaces.isEmpty()) {
      rn.setFrom("Same");
    } else {
      rn.setFrom("Selector");
      LabelSelector sel =
          new LabelSelectorBuilder()
              .addNewMatchExpression()
              .withKey("kubernetes.io/metadata.name")
              .withOperator("In")
              .withValues(namespaces)
              .endMatchExpression()
              .build();
      rn.setSelector(sel);
    }
    AllowedRoutes ar = new AllowedRoutes();
    ar.setNamespaces(rn);
    return ar;
  }

  @Override
  public List<HasMetadata> routes(App app, Route route, Edge edge, Notifier notes) {
    if (route.isTcp()) {
      return GatewayApiTcp.routes(app, route, edge, notes);
    }
    List<HasMetadata> out = new ArrayList<>();
    if (RegexPaths.leftOut(route)) {
      RegexPaths.warn(
          "HTTPRoute/" + app.namespace() + "/" + route.name(),
          route,
          "the Gateway API",
          "leaves to each implementation (RegularExpression: flavour and anchoring unspecified)",
          notes);
      if (route.https() && route.tlsSecret().equals(Names.join(route.name(), "tls"))) {
        out.add(referenceGrant(app, route, edge)); // other routes of the listener share it
      }
      return out;
    }
    String subject = "HTTPRoute/" + app.namespace() + "/" + route.name();
    List<String> hostnames = GatewayPrecedence.hostnames(app, route);
    List<HTTPRouteMatch> matches =
        matches(route, GatewayPrecedence.exactPaths(app, route, notes, subject));
    List<ParentReference> parents = new ArrayList<>();
    if (route.http() && !redirects(route)) {
      parents.add(parent(edge, WEB));
    }
    if (route.https()) {
      hostnames.forEach(h -> parents.add(parent(edge, listenerName(h))));
    }
    HTTPRoute hr = new HTTPRoute();
    hr.setMetadata(Labels.routeMeta(app, route.name(), route));
    HTTPRouteSpec spec = new HTTPRouteSpec();
    spec.setParentRefs(parents);
    spec.setHostnames(hostnames);
    HTTPRouteRule rule = new HTTPRouteRule();
    rule.setMatches(matches);
    HTTPRouteFilter rewrite = GatewayApiRewrites.filter(app, route, matches, subject, notes);
    if (rewrite != null) {
      rule.setFilters(List.of(rewrite));
    }
    // a prefix that ends with '/' also takes the path without it: GatewayPrecedence gives that
    // path to the route AWS chooses for it, or warns
    List<String> inSegment =
        route.paths().stream()
            .filter(p -> p.prefix() && !p.value().endsWith("/"))
            .map(Route.PathMatch::describe)
            .toList();
    if (!inSegment.isEmpty()) {
      notes.info(
          subject,
          "Gateway API path prefixes match whole path segments: "
              + inSegment
              + " of "
              + route.rule()
              + " end inside a segment and match only that whole segment.");
    }
    if (route.priority() != null && !route.paths().isEmpty()) {
      // the Gateway API picks the most specific match (exact path, longest prefix), not the first
      // rule
      for (Route earlier : app.routes()) {
        List<String> shared =
            route.hosts().stream()
                .filter(h -> earlier.hosts().stream().anyMatch(p -> GatewayPrecedence.covers(p, h)))
                .toList();
        if (earlier.priority() != null
            && earlier.priority() < route.priority()
            && earlier.paths().isEmpty()
            && !shared.isEmpty()) {
          notes.warn(
              "HTTPRoute/" + app.namespace() + "/" + route.name(),
              "On AWS "
                  + earlier.rule()
                  + " comes first"
                  + " for "
                  + shared
                  + "; the Gateway API prefers the more specific path match of "
                  + route.rule()
                  + ", so those hosts' requests for "
                  + route.paths().stream().map(Route.PathMatch::value).toList()
                  + " go to "
                  + route.name()
                  + " instead of "
                  + earlier.name()
                  + ".");
        }
      }
    }
    rule.setBackendRefs(backendRefs(app, route, notes));
    spec.setRules(List.of(rule));
    hr.setSpec(spec);
    out.add(hr);
    if (redirects(route)) {
      HTTPRoute redirect = new HTTPRoute();
      redirect.setMetadata(Labels.routeMeta(app, redirectName(route), route));
      HTTPRouteSpec rs = new HTTPRouteSpec();
      rs.setParentRefs(List.of(parent(edge, WEB)));
      rs.setHostnames(hostnames);
      HTTPRouteRule rr = new HTTPRouteRule();
      rr.setMatches(matches);
      HTTPRouteFilter f = new HTTPRouteFilter();
      f.setType("RequestRedirect");
      HTTPRequestRedirectFilter rf = new HTTPRequestRedirectFilter();
      // no port: the spec derives 443 from the https scheme, where clients reach the edge
      rf.setScheme("https");
      rf.setStatusCode(301);
      f.setRequestRedirect(rf);
      rr.setFilters(List.of(f));
      rs.setRules(List.of(rr));
      redirect.setSpec(rs);
      out.add(redirect);
    }
    if (route.https() && route.tlsSecret().equals(Names.join(route.name(), "tls"))) {
      out.add(
          referenceGrant(
              app, route, edge)); // a route that shares another route's Secret shares its grant
    }
    return out;
  }

  static String redirectName(Route route) {
    return Names.join(route.name(), "redirect");
  }

  /** Lets the edge Gateway read the route's TLS Secret, and nothing else in the namespace. */
  static ReferenceGrant referenceGrant(App app, Route route, Edge edge) {
    ReferenceGrant g = new ReferenceGrant();
    g.setMetadata(Labels.routeMeta(app, Names.join(route.tlsSecret(), "gateway"), route));
    ReferenceGrantSpec s = new ReferenceGrantSpec();
    ReferenceGrantFrom from = new ReferenceGrantFrom();
    from.setGroup(GROUP);
    from.setKind("Gateway");
    from.setNamespace(edge.namespace());
    s.setFrom(List.of(from));
    ReferenceGrantTo to = new ReferenceGrantTo();
    to.setGroup("");
    to.setKind("Secret");
    to.setName(route.tlsSecret());
    s.setTo(List.of(to));
    g.setSpec(s);
    return g;
  }

  /**
   * One match per path of the route (PathPrefix or Exact), or the prefix {@code /}; then the Exact
   * paths the route must take ahead of other routes' prefixes ({@link GatewayPrecedence}).
   */
  private static List<HTTPRouteMatch> matches(Route route, List<String> exact) {
    List<HTTPRouteMatch> out = new ArrayList<>();
    if (route.paths().isEmpty()) {
      out.add(prefixSlash());
    }
    for (Route.PathMatch p : route.paths()) {
      out.add(pathMatch(p.prefix() ? "PathPrefix" : "Exact", p.value()));
    }
    for (String x : exact) {
      if (!route.paths().contains(new Route.PathMatch(x, false))) {
        out.add(pathMatch("Exact", x));
      }
    }
    return out;
  }

  private static HTTPRouteMatch pathMatch(String type, String value) {
    HTTPPathMatch pm = new HTTPPathMatch();
    pm.setType(type);
    pm.setValue(value);
    HTTPRouteMatch m = new HTTPRouteMatch();
    m.setPath(pm);
    return m;
  }

  private static HTTPRouteMatch prefixSlash() {
    HTTPPathMatch p = new HTTPPathMatch();
    p.setType("PathPrefix");
    p.setValue("/");
    HTTPRouteMatch m = new HTTPRouteMatch();
    m.setPath(p);
    return m;
  }

  private static ParentReference parent(Edge edge, String section) {
    ParentReference p = new ParentReference();
    p.setName(gatewayName());
    p.setNamespace(edge.namespace());
    p.setSectionName(section);
    return p;
  }

  /** The weighted backends, noting when the ratio had to be approximated under the cap. */
  private static List<HTTPBackendRef> backendRefs(App app, Route route, Notifier notes) {
    Weights.Bounded w = bounded(route);
    if (!w.exact() && notes != null) {
      noteApproximated("HTTPRoute/" + app.namespace() + "/" + route.name(), route, w, notes);
    }
    List<HTTPBackendRef> out = new ArrayList<>();
    for (int i = 0; i < route.backends().size(); i++) {
      Route.Backend b = route.backends().get(i);
      HTTPBackendRef ref = new HTTPBackendRef();
      ref.setName(b.track());
      ref.setPort(b.port());
      ref.setWeight(w.values().get(i).intValueExact());
      out.add(ref);
    }
    return out;
  }

  /**
   * An INFO on {@code object}: the weights are the closest ratio under the cap, not the exact one.
   */
  static void noteApproximated(String object, Route route, Weights.Bounded w, Notifier notes) {
    List<String> exact = new ArrayList<>();
    route.backends().forEach(b -> exact.add(b.track() + " " + b.share().describe()));
    List<String> got = new ArrayList<>();
    for (int i = 0; i < route.backends().size(); i++) {
      got.add(route.backends().get(i).track() + ": " + w.values().get(i));
    }
    notes.info(
        object,
        "The exact ratio needs weights above the Gateway API's maximum of 1,000,000; the weights "
            + String.join(", ", got)
            + " are the closest ratio under it, for "
            + String.join(", ", exact)
            + ".");
  }

  private static Weights.Bounded bounded(Route route) {
    List<Fraction> shares = route.backends().stream().map(Route.Backend::share).toList();
    return Weights.integersAtMost(shares, MAX_WEIGHT);
  }

  @Override
  public List<String> weights(Route route) {
    return bounded(route).values().stream().map(BigInteger::toString).toList();
  }

  @Override
  public String weightedObject(App app, Route route) {
    if (route.isTcp()) {
      return GatewayApiTcp.expressible(route)
          ? GatewayApiTcp.kind(route) + " " + app.namespace() + "/" + route.name()
          : "none (not expressible in the Gateway API)";
    }
    return "HTTPRoute " + app.namespace() + "/" + route.name();
  }

  @Override
  public List<WeightPatch> weightPatches(App app, Route atStep, Edge edge, Notifier notes) {
    if (atStep.isTcp()) {
      return GatewayApiTcp.expressible(atStep)
          ? List.of(GatewayApiTcp.weightPatch(app, atStep, notes))
          : List.of();
    }
    if (RegexPaths.leftOut(atStep)) {
      return List.of();
    }
    return List.of(
        new WeightPatch(
            GROUP,
            "v1",
            "HTTPRoute",
            app.namespace(),
            atStep.name(),
            List.of(
                new WeightPatch.Op(
                    "replace", "/spec/rules/0/backendRefs", backendRefs(app, atStep, notes)))));
  }

  @Override
  public List<PolicyRule> clusterRoleRules() {
    // Traefik v3.7's kubernetesGateway provider (docs/content/reference/dynamic-configuration/
    // kubernetes-gateway-rbac.yml), without pods/get (only for OpenTelemetry attributes, not
    // enabled). namespaces list/watch: the listeners select route namespaces by label.
    return List.of(
        rule(List.of(""), List.of("namespaces"), List.of("list", "watch")),
        rule(
            List.of(""),
            List.of("configmaps", "secrets", "services"),
            List.of("get", "list", "watch")),
        rule(List.of("discovery.k8s.io"), List.of("endpointslices"), List.of("list", "watch")),
        rule(
            List.of(GROUP),
            List.of(
                "backendtlspolicies",
                "gatewayclasses",
                "gateways",
                "grpcroutes",
                "httproutes",
                "referencegrants",
                "tcproutes",
                "tlsroutes"),
            List.of("get", "list", "watch")),
        rule(
            List.of(GROUP),
            List.of(
                "backendtlspolicies/status",
                "gatewayclasses/status",
                "gateways/status",
                "grpcroutes/status",
                "httproutes/status",
                "referencegrants/status",
                "tcproutes/status",
                "tlsroutes/status"),
            List.of("update")));
  }

  @Override
  public String staticConfigFile() {
    return "traefik.yml";
  }

  @Override
  public String staticConfig(Edge edge) {
    // the Gateway's listeners carry TLS and the redirect routes carry the redirect: the entry
    // points only listen, on the ports the Gateway's listeners name
    Map<String, Object> entryPoints = map("web", map("address", address(EdgeEmitter.WEB_PORT)));
    if (edge.https()) {
      entryPoints.put("websecure", map("address", address(EdgeEmitter.WEBSECURE_PORT)));
    }
    StaticConfigs.tcpEntryPoints(edge, entryPoints);
    // TCP listeners and TCPRoutes are of the experimental channel: Traefik reads them only so
    boolean tcp = edge.tcpEntryPoints().stream().anyMatch(e -> !e.terminatesTls());
    return StaticConfigs.v3(
        entryPoints, "kubernetesGateway", tcp ? map("experimentalChannel", true) : map());
  }
}
