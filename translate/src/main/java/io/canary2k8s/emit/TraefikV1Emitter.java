package io.canary2k8s.emit;

import static io.canary2k8s.emit.TraefikV3Emitter.rule;

import io.canary2k8s.notes.Notifier;
import io.canary2k8s.plan.App;
import io.canary2k8s.plan.Edge;
import io.canary2k8s.plan.Plan;
import io.canary2k8s.plan.Route;
import io.canary2k8s.plan.RoutePriority;
import io.canary2k8s.split.Weights;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.extensions.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.extensions.HTTPIngressRuleValue;
import io.fabric8.kubernetes.api.model.extensions.Ingress;
import io.fabric8.kubernetes.api.model.extensions.IngressBackend;
import io.fabric8.kubernetes.api.model.extensions.IngressRule;
import io.fabric8.kubernetes.api.model.extensions.IngressSpec;
import io.fabric8.kubernetes.api.model.extensions.IngressTLS;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Traefik 1.7, the seed's dialect: one {@code extensions/v1beta1} Ingress per route (the only
 * Ingress API Traefik 1.7 reads) with the {@code traefik.ingress.kubernetes.io/service-weights}
 * annotation, percentages with three decimals summing to 100.000, every backend on the same host
 * and path. Only for clusters up to Kubernetes 1.21.
 */
public final class TraefikV1Emitter implements RouteEmitter {
  public static final String IMAGE = "traefik:v1.7.34";
  public static final String WEIGHTS = "traefik.ingress.kubernetes.io/service-weights";
  public static final String CLASS = "kubernetes.io/ingress.class";
  public static final String REDIRECT_REGEX = "traefik.ingress.kubernetes.io/redirect-regex";
  public static final String REDIRECT_REPLACEMENT =
      "traefik.ingress.kubernetes.io/redirect-replacement";
  public static final String REDIRECT_PERMANENT =
      "traefik.ingress.kubernetes.io/redirect-permanent";
  public static final String PRIORITY = "traefik.ingress.kubernetes.io/priority";
  public static final String RULE_TYPE = "traefik.ingress.kubernetes.io/rule-type";
  public static final String ENTRY_POINTS = "traefik.ingress.kubernetes.io/frontend-entry-points";

  @Override
  public String name() {
    return "traefik-v1";
  }

  @Override
  public String defaultEdgeImage() {
    return IMAGE;
  }

  @Override
  public void noteTarget(Notifier notes) {
    notes.warn(
        "target traefik-v1",
        "Traefik 1.7 reads only extensions/v1beta1 Ingresses, which Kubernetes stopped serving in"
            + " 1.22: this bundle runs only on Kubernetes 1.21 or older, and Traefik 1.7 is out of"
            + " support. Prefer --target traefik-v3.");
  }

  /** Traefik 1.7 serves no TCP from Kubernetes: its Ingress provider reads HTTP rules only. */
  @Override
  public boolean servesTcp() {
    return false;
  }

  /** An ERROR per TCP route: Traefik 1.7 cannot serve its listener. */
  @Override
  public List<HasMetadata> planObjects(Plan plan, Notifier notes) {
    for (App app : plan.apps()) {
      for (Route r : app.routes()) {
        if (r.isTcp()) {
          notes.error(
              r.loadBalancers().get(0),
              "Listener "
                  + r.listener().label()
                  + " (TCP route "
                  + app.namespace()
                  + "/"
                  + r.name()
                  + (r.hosts().isEmpty() ? "" : ", clients of " + r.hosts())
                  + ") is not migrated: Traefik 1.7 serves no TCP from Kubernetes, only HTTP"
                  + " Ingresses. Use --target traefik-v3 or gateway-api; with this bundle, moving"
                  + " those names to the edge cuts these connections off.");
        }
      }
    }
    return List.of();
  }

  @Override
  public List<HasMetadata> routes(App app, Route route, Edge edge, Notifier notes) {
    if (route.isTcp()) {
      return List.of(); // an ERROR says so (planObjects)
    }
    if (RegexPaths.leftOut(route)) {
      RegexPaths.warn(
          "Ingress/" + app.namespace() + "/" + route.name(),
          route,
          "Traefik 1.7",
          "matches only as named path segments ({name:regex}), not over the whole path",
          notes);
      return List.of();
    }
    if (route.paths().stream().map(Route.PathMatch::prefix).distinct().count() > 1) {
      notes.warn(
          "Ingress/" + app.namespace() + "/" + route.name(),
          "Traefik 1.7 takes one rule type per Ingress:"
              + " the exact paths "
              + route.paths().stream().filter(x -> !x.prefix()).map(Route.PathMatch::value).toList()
              + " of "
              + route.rule()
              + " are matched as prefixes.");
    }
    Weights.Percentages p =
        Weights.percentages(route.backends().stream().map(Route.Backend::share).toList());
    if (!p.exact() && route.backends().size() > 1) {
      List<String> exact = new ArrayList<>();
      route.backends().forEach(b -> exact.add(b.track() + " " + b.share().describe()));
      notes.info(
          "Ingress/" + app.namespace() + "/" + route.name(),
          "Traefik 1.7 takes three decimals: the weights "
              + annotation(route).replace("\n", ", ")
              + " approximate "
              + String.join(", ", exact)
              // largest remainder: two weights are each within half a unit; with more, a share
              // can be rounded up by more than half a unit, never by a whole one
              + (route.backends().size() == 2
                  ? " to within 0.0005 percentage points."
                  : " to within less than 0.001 percentage points (Traefik 1.7's unit)."));
    }
    notePriorities(app, route, notes);
    IngressSpec spec = new IngressSpec();
    spec.setRules(rules(route));
    if (route.https()) {
      spec.setTls(List.of(new IngressTLS(route.hosts(), route.tlsSecret())));
    }
    Ingress ingress = new Ingress();
    ingress.setMetadata(
        Labels.meta(
            route.name(),
            app.namespace(),
            Labels.app(app),
            annotations(app, route, edge, TraefikV1Rewrites.requestModifier(app, route, notes))));
    ingress.setSpec(spec);
    return List.of(ingress);
  }

  private static Map<String, String> annotations(
      App app, Route route, Edge edge, String requestModifier) {
    Map<String, String> a = new TreeMap<>(Labels.source(Labels.loadBalancers(app, route)));
    a.put(CLASS, "traefik");
    if (requestModifier != null) {
      a.put(TraefikV1Rewrites.REQUEST_MODIFIER, requestModifier);
    }
    if (route.redirectsToHttps() && !StaticConfigs.redirect(edge)) {
      // only some load balancers listened on both: this Ingress redirects on its own, with the
      // entry point's regex (https requests do not match it)
      a.put(REDIRECT_REGEX, StaticConfigs.V1_REDIRECT_REGEX);
      a.put(REDIRECT_REPLACEMENT, StaticConfigs.V1_REDIRECT_REPLACEMENT);
      a.put(REDIRECT_PERMANENT, "true");
    }
    if (route.split() || route.backends().size() > 1) {
      a.put(WEIGHTS, annotation(route));
    }
    if (edge.https() && route.http() != route.https()) {
      // an Ingress serves every default entry point: one scheme's route keeps to its own, as the
      // load balancer listened on one port only (the other scheme may have a route of its own)
      a.put(ENTRY_POINTS, route.http() ? "http" : "https");
    }
    // every Ingress has a priority, so rule lengths never decide (RoutePriority)
    a.put(PRIORITY, String.valueOf(priority(route)));
    if (!route.paths().isEmpty()) {
      // Traefik 1.7 matches Ingress paths as prefixes unless told otherwise
      a.put(
          RULE_TYPE,
          route.paths().stream().anyMatch(Route.PathMatch::prefix) ? "PathPrefix" : "Path");
    }
    return a;
  }

  /**
   * The Ingress's priority: one per Ingress, that of its most specific host (a route's hosts share
   * a rank unless an ALB rule's host conditions mix an explicit name and a wildcard).
   */
  static long priority(Route route) {
    return RoutePriority.routers(route).firstKey();
  }

  /**
   * Notes what Traefik 1.7's host matching cannot say: a wildcard Ingress host is a {@code
   * HostRegexp} of one label ({@code {subdomain:[A-Za-z0-9-_]+}}), while Route53's wildcard answers
   * names of any depth; and an Ingress whose hosts have different ranks gets its most specific
   * host's priority for all of them.
   */
  private static void notePriorities(App app, Route route, Notifier notes) {
    for (String host : route.hosts()) {
      if (host.startsWith("*.")) {
        notes.warn(
            host,
            "Traefik 1.7 matches the Ingress host "
                + host
                + " for one label only (x"
                + host.substring(1)
                + "); Route53's wildcard record also answers deeper names (x.y"
                + host.substring(1)
                + "), which Ingress/"
                + app.namespace()
                + "/"
                + route.name()
                + " does not route: requests for them get a 404 at the edge."
                + " List such names as records of their own, or use --target traefik-v3.");
      }
    }
    if (RoutePriority.routers(route).size() > 1) {
      notes.warn(
          "Ingress/" + app.namespace() + "/" + route.name(),
          "Traefik 1.7 takes one priority per Ingress: the hosts "
              + route.hosts()
              + " of "
              + (route.rule() != null ? route.rule() : "route " + route.name())
              + " all get the priority of the most specific one, so its wildcard hosts outrank"
              + " the default routes of the explicit names they cover; AWS sends those names to"
              + " their own records' load balancers.");
    }
  }

  /** {@code myapp: 90.000%} lines, in backend order, without a trailing newline. */
  static String annotation(Route route) {
    List<BigDecimal> pct =
        Weights.percentages(route.backends().stream().map(Route.Backend::share).toList()).values();
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < route.backends().size(); i++) {
      lines.add(route.backends().get(i).track() + ": " + pct.get(i).toPlainString() + "%");
    }
    return String.join("\n", lines);
  }

  static List<IngressRule> rules(Route route) {
    List<IngressRule> rules = new ArrayList<>();
    List<String> paths =
        route.paths().isEmpty()
            ? List.of("/")
            : route.paths().stream().map(Route.PathMatch::value).toList();
    for (String host : route.hosts()) {
      List<HTTPIngressPath> http = new ArrayList<>();
      for (String path : paths) {
        for (Route.Backend be : route.backends()) {
          http.add(
              new HTTPIngressPath(
                  new IngressBackend(be.track(), new IntOrString(be.port())), path));
        }
      }
      rules.add(new IngressRule(host, new HTTPIngressRuleValue(http)));
    }
    return rules;
  }

  @Override
  public List<String> weights(Route route) {
    if (route.isTcp()) {
      return route.backends().stream().map(b -> "not migrated").toList();
    }
    return Weights.percentages(route.backends().stream().map(Route.Backend::share).toList())
        .values()
        .stream()
        .map(v -> v.toPlainString() + "%")
        .toList();
  }

  @Override
  public String weightedObject(App app, Route route) {
    if (route.isTcp()) {
      return "none (Traefik 1.7 serves no TCP)";
    }
    return "Ingress " + app.namespace() + "/" + route.name();
  }

  @Override
  public List<WeightPatch> weightPatches(App app, Route atStep, Edge edge, Notifier notes) {
    if (atStep.isTcp() || RegexPaths.leftOut(atStep)) {
      return List.of();
    }
    return List.of(
        new WeightPatch(
            "extensions",
            "v1beta1",
            "Ingress",
            app.namespace(),
            atStep.name(),
            List.of(
                new WeightPatch.Op(
                    "add",
                    "/metadata/annotations/" + WEIGHTS.replace("~", "~0").replace("/", "~1"),
                    annotation(atStep)),
                new WeightPatch.Op("replace", "/spec/rules", rules(atStep)))));
  }

  @Override
  public String redirectForm(Edge edge) {
    return StaticConfigs.redirect(edge)
        ? "at the `http` entry point (traefik.toml, a regex redirect to https on 443)"
        : "Ingress by Ingress: the redirect-regex, redirect-replacement and redirect-permanent annotations (to https on 443)";
  }

  @Override
  public List<PolicyRule> clusterRoleRules() {
    // Traefik 1.7's user guide (examples/k8s/traefik-rbac.yaml), in rbac.authorization.k8s.io/v1.
    return List.of(
        rule(
            List.of(""),
            List.of("endpoints", "secrets", "services"),
            List.of("get", "list", "watch")),
        rule(List.of("extensions"), List.of("ingresses"), List.of("get", "list", "watch")),
        rule(List.of("extensions"), List.of("ingresses/status"), List.of("update")));
  }

  @Override
  public String staticConfigFile() {
    return "traefik.toml";
  }

  @Override
  public String staticConfig(Edge edge) {
    StringBuilder t = new StringBuilder();
    t.append("defaultEntryPoints = [")
        .append(edge.https() ? "\"http\", \"https\"" : "\"http\"")
        .append("]\n");
    t.append("checkNewVersion = false\n");
    t.append("sendAnonymousUsage = false\n");
    t.append("logLevel = \"INFO\"\n\n");
    t.append("[entryPoints]\n");
    t.append("  [entryPoints.http]\n");
    t.append("  address = \":").append(EdgeEmitter.WEB_PORT).append("\"\n");
    if (StaticConfigs.redirect(edge)) {
      // a regex, not entryPoint = "https": clients reach the edge on 443, the pod listens on 8443
      t.append("    [entryPoints.http.redirect]\n");
      t.append("    regex = \"").append(StaticConfigs.V1_REDIRECT_REGEX).append("\"\n");
      t.append("    replacement = \"").append(StaticConfigs.V1_REDIRECT_REPLACEMENT).append("\"\n");
      t.append("    permanent = true\n");
    }
    if (edge.https()) {
      t.append("  [entryPoints.https]\n");
      t.append("  address = \":").append(EdgeEmitter.WEBSECURE_PORT).append("\"\n");
      t.append("    [entryPoints.https.tls]\n");
    }
    t.append("  [entryPoints.ping]\n");
    t.append("  address = \":").append(EdgeEmitter.PING_PORT).append("\"\n\n");
    t.append("[ping]\n");
    t.append("entryPoint = \"ping\"\n\n");
    t.append("[kubernetes]\n");
    t.append("ingressClass = \"traefik\"\n");
    return t.toString();
  }
}
