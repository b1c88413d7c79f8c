package io.canary2k8s.emit;

import static io.canary2k8s.emit.StaticConfigs.address;
import static io.canary2k8s.emit.StaticConfigs.map;

import io.canary2k8s.notes.Notifier;
import io.canary2k8s.plan.App;
import io.canary2k8s.plan.Edge;
import io.canary2k8s.plan.Route;
import io.canary2k8s.plan.RoutePriority;
import io.canary2k8s.split.Fraction;
import io.canary2k8s.split.Weights;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.traefik.v1alpha1.IngressRoute;
import io.traefik.v1alpha1.IngressRouteSpec;
import io.traefik.v1alpha1.Middleware;
import io.traefik.v1alpha1.MiddlewareSpec;
import io.traefik.v1alpha1.TraefikService;
import io.traefik.v1alpha1.TraefikServiceSpec;
import io.traefik.v1alpha1.ingressroutespec.Routes;
import io.traefik.v1alpha1.ingressroutespec.Tls;
import io.traefik.v1alpha1.middlewarespec.RedirectScheme;
import io.traefik.v1alpha1.traefikservicespec.Weighted;
import io.traefik.v1alpha1.traefikservicespec.weighted.Services;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Traefik v3 ({@code traefik.io/v1alpha1}): per route a weighted {@code TraefikService} holding the
 * exact reduced integer ratio, and an {@code IngressRoute} per entry point that sends the route's
 * hosts to it. Typed classes generated from the vendored CRDs.
 */
public final class TraefikV3Emitter implements RouteEmitter {
  public static final String IMAGE = "traefik:v3.7.9";

  @Override
  public String name() {
    return "traefik-v3";
  }

  @Override
  public String defaultEdgeImage() {
    return IMAGE;
  }

  @Override
  public void noteTarget(Notifier notes) {}

  static String wrrName(Route route) {
    return io.canary2k8s.names.Names.join(route.name(), "wrr");
  }

  @Override
  public List<HasMetadata> routes(App app, Route route, Edge edge, Notifier notes) {
    if (route.isTcp()) {
      return List.of(TraefikV3Tcp.ingressRouteTcp(app, route));
    }
    List<HasMetadata> out = new ArrayList<>();
    TraefikService ts = new TraefikService();
    ts.setMetadata(Labels.routeMeta(app, wrrName(route), route));
    TraefikServiceSpec spec = new TraefikServiceSpec();
    Weighted weighted = new Weighted();
    weighted.setServices(services(route));
    spec.setWeighted(weighted);
    ts.setSpec(spec);
    out.add(ts);
    List<Middleware> rewrites = TraefikV3Rewrites.middlewares(app, route, notes);
    out.addAll(rewrites);
    boolean entryPointRedirects = StaticConfigs.redirect(edge);
    if (route.http() && !entryPointRedirects) {
      IngressRoute web = ingressRoute(app, route, route.name(), "web", null);
      if (route.redirectsToHttps()) {
        // only some load balancers listened on both: this route redirects on its own, before
        // its service is ever called
        out.add(redirectMiddleware(app, route));
        io.traefik.v1alpha1.ingressroutespec.routes.Middlewares mw =
            new io.traefik.v1alpha1.ingressroutespec.routes.Middlewares();
        mw.setName(redirectName(route));
        web.getSpec().getRoutes().forEach(r -> r.setMiddlewares(List.of(mw)));
      } else {
        callRewrites(web, rewrites);
      }
      out.add(web);
    }
    if (route.https()) {
      IngressRoute secure =
          ingressRoute(
              app,
              route,
              io.canary2k8s.names.Names.join(route.name(), "https"),
              "websecure",
              route.tlsSecret());
      callRewrites(secure, rewrites);
      out.add(secure);
    }
    return out;
  }

  /** The IngressRoute's routers call the rewrite Middlewares before the service. */
  private static void callRewrites(IngressRoute ir, List<Middleware> rewrites) {
    if (rewrites.isEmpty()) {
      return;
    }
    List<io.traefik.v1alpha1.ingressroutespec.routes.Middlewares> refs = new ArrayList<>();
    for (Middleware m : rewrites) {
      io.traefik.v1alpha1.ingressroutespec.routes.Middlewares ref =
          new io.traefik.v1alpha1.ingressroutespec.routes.Middlewares();
      ref.setName(m.getMetadata().getName());
      refs.add(ref);
    }
    ir.getSpec().getRoutes().forEach(r -> r.setMiddlewares(List.copyOf(refs)));
  }

  static String redirectName(Route route) {
    return io.canary2k8s.names.Names.join(route.name(), "redirect-https");
  }

  /**
   * A permanent redirect to https on 443, where clients reach the edge (the pod listens on 8443).
   */
  private static Middleware redirectMiddleware(App app, Route route) {
    Middleware m = new Middleware();
    m.setMetadata(Labels.routeMeta(app, redirectName(route), route));
    MiddlewareSpec spec = new MiddlewareSpec();
    RedirectScheme rs = new RedirectScheme();
    rs.setScheme("https");
    rs.setPort("443");
    rs.setPermanent(true);
    spec.setRedirectScheme(rs);
    m.setSpec(spec);
    return m;
  }

  @Override
  public String redirectForm(Edge edge) {
    return StaticConfigs.redirect(edge)
        ? "at the `web` entry point (static configuration, to :443)"
        : "route by route: an IngressRoute on `web` with a redirectScheme Middleware (https, port 443, permanent)";
  }

  /** The weighted services: the exact reduced ratio of the backends' shares. */
  static List<Services> services(Route route) {
    List<Fraction> shares = route.backends().stream().map(Route.Backend::share).toList();
    List<BigInteger> weights = Weights.integers(shares);
    List<Services> out = new ArrayList<>();
    for (int i = 0; i < route.backends().size(); i++) {
      Route.Backend b = route.backends().get(i);
      Services s = new Services();
      s.setName(b.track());
      s.setPort(new IntOrString(b.port()));
      s.setWeight(weights.get(i).longValueExact());
      out.add(s);
    }
    return out;
  }

  private static IngressRoute ingressRoute(
      App app, Route route, String name, String entryPoint, String tlsSecret) {
    IngressRoute ir = new IngressRoute();
    ir.setMetadata(Labels.routeMeta(app, name, route));
    IngressRouteSpec spec = new IngressRouteSpec();
    spec.setEntryPoints(List.of(entryPoint));
    // one router per rank of the route's hosts, each with its priority (RoutePriority)
    List<Routes> routes = new ArrayList<>();
    RoutePriority.routers(route)
        .forEach(
            (priority, hosts) -> {
              Routes r = new Routes();
              r.setKind(Routes.Kind.RULE);
              r.setMatch(match(route, hosts));
              r.setPriority(priority);
              io.traefik.v1alpha1.ingressroutespec.routes.Services svc =
                  new io.traefik.v1alpha1.ingressroutespec.routes.Services();
              svc.setName(wrrName(route));
              svc.setKind(io.traefik.v1alpha1.ingressroutespec.routes.Services.Kind.TRAEFIKSERVICE);
              r.setServices(List.of(svc));
              routes.add(r);
            });
    spec.setRoutes(routes);
    if (tlsSecret != null) {
      Tls tls = new Tls();
      tls.setSecretName(tlsSecret);
      spec.setTls(tls);
    }
    ir.setSpec(spec);
    return ir;
  }

  /**
   * The hosts' match, and the route's paths when it has any: {@code Host(`a`) &&
   * PathPrefix(`/api/`)}.
   */
  static String match(Route route) {
    return match(route, route.hosts());
  }

  /** {@link #match(Route)} for {@code routeHosts}, some of the route's hosts. */
  static String match(Route route, List<String> routeHosts) {
    String hosts = match(routeHosts);
    if (route.paths().isEmpty()) {
      return hosts;
    }
    List<String> paths = new ArrayList<>();
    for (Route.PathMatch p : route.paths()) {
      paths.add(
          switch (p.type()) {
            case EXACT -> "Path(`" + p.value() + "`)";
            case PREFIX -> "PathPrefix(`" + p.value() + "`)";
            case REGEX -> "PathRegexp(`" + p.value() + "`)";
          });
    }
    String h = routeHosts.size() > 1 ? "(" + hosts + ")" : hosts;
    String p = paths.size() > 1 ? "(" + String.join(" || ", paths) + ")" : paths.get(0);
    return h + " && " + p;
  }

  /** {@code Host(`a`) || Host(`b`)}; a wildcard becomes a HostRegexp. */
  static String match(List<String> hosts) {
    List<String> parts = new ArrayList<>();
    for (String h : hosts) {
      if (h.startsWith("*.")) {
        String rest = h.substring(2).replace(".", "\\.");
        parts.add("HostRegexp(`^.+\\." + rest + "$`)");
      } else {
        parts.add("Host(`" + h + "`)");
      }
    }
    return String.join(" || ", parts);
  }

  @Override
  public List<String> weights(Route route) {
    if (route.isTcp()) {
      return TraefikV3Tcp.services(route).stream().map(s -> String.valueOf(s.getWeight())).toList();
    }
    return services(route).stream().map(s -> String.valueOf(s.getWeight())).toList();
  }

  @Override
  public String weightedObject(App app, Route route) {
    if (route.isTcp()) {
      return "IngressRouteTCP " + app.namespace() + "/" + route.name();
    }
    return "TraefikService " + app.namespace() + "/" + wrrName(route);
  }

  @Override
  public List<WeightPatch> weightPatches(App app, Route atStep, Edge edge, Notifier notes) {
    if (atStep.isTcp()) {
      return List.of(TraefikV3Tcp.weightPatch(app, atStep));
    }
    return List.of(
        new WeightPatch(
            "traefik.io",
            "v1alpha1",
            "TraefikService",
            app.namespace(),
            wrrName(atStep),
            List.of(new WeightPatch.Op("replace", "/spec/weighted/services", services(atStep)))));
  }

  @Override
  public List<PolicyRule> clusterRoleRules() {
    // Traefik v3.7's kubernetesCRD provider (docs/content/reference/dynamic-configuration/
    // kubernetes-crd-rbac.yml), without the Ingress provider's rules (it is not enabled) and
    // without pods/get (only for OpenTelemetry attributes, not enabled).
    return List.of(
        rule(
            List.of(""),
            List.of("configmaps", "nodes", "secrets", "services"),
            List.of("get", "list", "watch")),
        rule(List.of("discovery.k8s.io"), List.of("endpointslices"), List.of("list", "watch")),
        rule(
            List.of("traefik.io"),
            List.of(
                "ingressroutes",
                "ingressroutetcps",
                "ingressrouteudps",
                "middlewares",
                "middlewaretcps",
                "serverstransports",
                "serverstransporttcps",
                "tlsoptions",
                "tlsstores",
                "traefikservices"),
            List.of("get", "list", "watch")));
  }

  static PolicyRule rule(List<String> groups, List<String> resources, List<String> verbs) {
    return new PolicyRuleBuilder()
        .withApiGroups(groups)
        .withResources(resources)
        .withVerbs(verbs)
        .build();
  }

  @Override
  public String staticConfigFile() {
    return "traefik.yml";
  }

  @Override
  public String staticConfig(Edge edge) {
    Map<String, Object> web = map("address", address(EdgeEmitter.WEB_PORT));
    if (StaticConfigs.redirect(edge)) {
      // to ":443", not "websecure": clients reach the edge on 443, the pod listens on 8443
      web.put(
          "http",
          map(
              "redirections",
              map("entryPoint", map("to", ":443", "scheme", "https", "permanent", true))));
    }
    Map<String, Object> entryPoints = map("web", web);
    if (edge.https()) {
      entryPoints.put(
          "websecure",
          map("address", address(EdgeEmitter.WEBSECURE_PORT), "http", map("tls", map())));
    }
    StaticConfigs.tcpEntryPoints(edge, entryPoints);
    return StaticConfigs.v3(
        entryPoints,
        "kubernetesCRD",
        map("allowCrossNamespace", false, "allowEmptyServices", false));
  }
}
