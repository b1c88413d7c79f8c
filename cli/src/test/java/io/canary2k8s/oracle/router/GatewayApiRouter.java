package io.canary2k8s.oracle.router;

import com.fasterxml.jackson.databind.JsonNode;
import io.canary2k8s.oracle.router.Routed.NotRouted;
import io.canary2k8s.oracle.router.Routed.Redirected;
import io.canary2k8s.oracle.router.Routed.Served;
import io.canary2k8s.split.Fraction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Gateway API as its specification (v1.5.1, {@code schemas/gateway-api-standard-crds.yaml})
 * says an implementation routes, for Traefik's GatewayClass: a request reaches the listeners of the
 * port and protocol, the one with the most specific matching hostname (exact, then the longest
 * wildcard, then none); the HTTPRoutes attached to it (parentRefs, sectionName, allowedRoutes)
 * compete by the most characters in a matching non-wildcard hostname, then in a matching hostname;
 * then an Exact path match, the longest PathPrefix, a method match, most header matches, most query
 * matches; then the oldest Route, then {@code namespace/name}; within a Route the first rule. A
 * wildcard hostname {@code *.example.com} matches one or more labels. PathPrefix matches whole path
 * elements. The winning rule redirects ({@code RequestRedirect}) or divides requests by {@code
 * backendRefs[].weight}; an invalid backend's share gets a 500, one without endpoints a 503. TCP
 * and TLS listeners take TCPRoutes and TLSRoutes (by SNI).
 */
public final class GatewayApiRouter implements Routed.Router {
  private static final String CONTROLLER = "traefik.io/gateway-controller";

  private record Listener(JsonNode gateway, JsonNode spec) {
    String name() {
      return spec.path("name").asText();
    }

    String hostname() {
      return spec.path("hostname").asText(null);
    }
  }

  private record Candidate(JsonNode route, int rule, List<Integer> rank) {}

  private final Manifests m;

  public GatewayApiRouter(Manifests manifests) {
    this.m = manifests;
  }

  // ---- listeners
  // ---------------------------------------------------------------------------------

  private List<Listener> listeners(int publicPort, Set<String> protocols, String host) {
    Integer port = m.containerPort(publicPort);
    if (port == null) {
      return List.of();
    }
    List<Listener> all = new ArrayList<>();
    for (JsonNode gw : m.kind("Gateway")) {
      JsonNode cls = m.find("GatewayClass", "default", gw.at("/spec/gatewayClassName").asText());
      if (cls == null) {
        cls =
            m.kind("GatewayClass").stream()
                .filter(c -> Manifests.name(c).equals(gw.at("/spec/gatewayClassName").asText()))
                .findFirst()
                .orElse(null);
      }
      if (cls == null || !cls.at("/spec/controllerName").asText().equals(CONTROLLER)) {
        continue;
      }
      for (JsonNode l : gw.at("/spec/listeners")) {
        if (l.path("port").asInt() == port && protocols.contains(l.path("protocol").asText())) {
          Listener x = new Listener(gw, l);
          if (host == null || x.hostname() == null || hostMatches(x.hostname(), host)) {
            all.add(x);
          }
        }
      }
    }
    if (host == null || all.isEmpty()) {
      return all;
    }
    int best = all.stream().mapToInt(l -> listenerSpecificity(l.hostname())).max().orElseThrow();
    return all.stream().filter(l -> listenerSpecificity(l.hostname()) == best).toList();
  }

  private static int listenerSpecificity(String hostname) {
    if (hostname == null) {
      return 0;
    }
    return hostname.startsWith("*.") ? hostname.length() : 1_000 + hostname.length();
  }

  /** {@code *.example.com} matches {@code a.example.com} and {@code a.b.example.com}. */
  static boolean hostMatches(String pattern, String host) {
    String p = pattern.toLowerCase(Locale.ROOT);
    String h = host.toLowerCase(Locale.ROOT);
    return p.startsWith("*.")
        ? h.endsWith(p.substring(1)) && h.length() > p.length() - 1
        : p.equals(h);
  }

  /** Whether a route hostname and a listener hostname (null: any) have a host in common. */
  static boolean intersects(String route, String listener) {
    if (listener == null || route.equals(listener)) {
      return true;
    }
    boolean rw = route.startsWith("*.");
    boolean lw = listener.startsWith("*.");
    if (rw && lw) {
      return route.substring(1).endsWith(listener.substring(1))
          || listener.substring(1).endsWith(route.substring(1));
    }
    return lw ? hostMatches(listener, route) : rw && hostMatches(route, listener);
  }

  private boolean attached(JsonNode route, String routeKind, Listener l) {
    String routeNs = Manifests.ns(route);
    boolean referenced = false;
    for (JsonNode p : route.at("/spec/parentRefs")) {
      if (!p.path("kind").asText("Gateway").equals("Gateway")
          || !p.path("group")
              .asText("gateway.networking.k8s.io")
              .equals("gateway.networking.k8s.io")
          || !p.path("name").asText().equals(Manifests.name(l.gateway()))
          || !p.path("namespace").asText(routeNs).equals(Manifests.ns(l.gateway()))) {
        continue;
      }
      if (p.has("sectionName") && !p.path("sectionName").asText().equals(l.name())) {
        continue;
      }
      if (p.has("port") && p.path("port").asInt() != l.spec().path("port").asInt()) {
        continue;
      }
      referenced = true;
    }
    if (!referenced) {
      return false;
    }
    JsonNode kinds = l.spec().at("/allowedRoutes/kinds");
    if (kinds.isArray() && kinds.size() > 0) {
      boolean ok = false;
      for (JsonNode k : kinds) {
        ok |= k.path("kind").asText().equals(routeKind);
      }
      if (!ok) {
        return false;
      }
    }
    JsonNode ns = l.spec().at("/allowedRoutes/namespaces");
    String from = ns.path("from").asText("Same");
    return switch (from) {
      case "All" -> true;
      case "Same" -> routeNs.equals(Manifests.ns(l.gateway()));
      case "Selector" -> namespaceSelected(ns.path("selector"), routeNs);
      default -> false;
    };
  }

  private boolean namespaceSelected(JsonNode selector, String ns) {
    Map<String, String> labels = new TreeMap<>();
    JsonNode obj = m.find("Namespace", "default", ns);
    if (obj == null) {
      obj =
          m.kind("Namespace").stream()
              .filter(n -> Manifests.name(n).equals(ns))
              .findFirst()
              .orElse(null);
    }
    if (obj != null) {
      obj.at("/metadata/labels")
          .fields()
          .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
    }
    labels.put("kubernetes.io/metadata.name", ns);
    var it = selector.path("matchLabels").fields();
    while (it.hasNext()) {
      var e = it.next();
      if (!e.getValue().asText().equals(labels.get(e.getKey()))) {
        return false;
      }
    }
    for (JsonNode x : selector.path("matchExpressions")) {
      String v = labels.get(x.path("key").asText());
      List<String> values = new ArrayList<>();
      x.path("values").forEach(n -> values.add(n.asText()));
      boolean ok =
          switch (x.path("operator").asText()) {
            case "In" -> v != null && values.contains(v);
            case "NotIn" -> v == null || !values.contains(v);
            case "Exists" -> v != null;
            case "DoesNotExist" -> v == null;
            default -> false;
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  // ---- HTTP
  // --------------------------------------------------------------------------------------

  @Override
  public Routed http(String scheme, String host, int port, String path) {
    if (scheme.equals("https")) {
      // Traefik serves a Gateway's TLS listeners as TCP routers, and on one entry point its TCP
      // routers take a connection before the HTTP routers do: a TLSRoute for the server name
      // answers the HTTPS request (doc.traefik.io, routing-configuration/tcp/routing/router, "TCP
      // vs HTTP Routing")
      Routed tls = tcp(port, host);
      if (tls instanceof Served) {
        return tls;
      }
    }
    List<Listener> ls = listeners(port, Set.of(scheme.equals("https") ? "HTTPS" : "HTTP"), host);
    if (ls.isEmpty()) {
      return new NotRouted("no " + scheme + " listener for " + host + " on port " + port);
    }
    List<Candidate> candidates = new ArrayList<>();
    for (JsonNode route : m.kind("HTTPRoute")) {
      for (Listener l : ls) {
        if (!attached(route, "HTTPRoute", l)) {
          continue;
        }
        String matched = matchingHostname(route, l, host);
        if (matched == null) {
          continue;
        }
        int exactChars = matched.startsWith("*") ? 0 : matched.length();
        JsonNode rules = route.at("/spec/rules");
        for (int i = 0; i < rules.size(); i++) {
          JsonNode matches = rules.get(i).path("matches");
          List<JsonNode> ms = new ArrayList<>();
          matches.forEach(ms::add);
          if (ms.isEmpty()) {
            ms.add(Manifests.YAML.createObjectNode());
          }
          for (JsonNode mt : ms) {
            if (matches(mt, path)) {
              JsonNode p = mt.path("path");
              String type = p.path("type").asText("PathPrefix");
              String value = p.path("value").asText("/");
              candidates.add(
                  new Candidate(
                      route,
                      i,
                      List.of(
                          exactChars,
                          matched.length(),
                          type.equals("Exact") ? 1 : 0,
                          type.equals("PathPrefix") ? value.length() : 0,
                          mt.has("method") ? 1 : 0,
                          mt.path("headers").size(),
                          mt.path("queryParams").size())));
            }
          }
        }
        break; // a route counts once, whichever of the chosen listeners it is attached to
      }
    }
    if (candidates.isEmpty()) {
      return new NotRouted("no HTTPRoute rule matches " + host + path);
    }
    candidates.sort(
        Comparator.<Candidate, List<Integer>>comparing(
                Candidate::rank, GatewayApiRouter::descending)
            .thenComparing(c -> c.route().at("/metadata/creationTimestamp").asText("~"))
            .thenComparing(c -> Manifests.ns(c.route()) + "/" + Manifests.name(c.route()))
            .thenComparingInt(Candidate::rule));
    Candidate best = candidates.get(0);
    JsonNode rule = best.route().at("/spec/rules").get(best.rule());
    String via =
        "HTTPRoute "
            + Manifests.ns(best.route())
            + "/"
            + Manifests.name(best.route())
            + " rule "
            + best.rule();
    for (JsonNode f : rule.path("filters")) {
      if (f.path("type").asText().equals("RequestRedirect")) {
        JsonNode r = f.path("requestRedirect");
        String toScheme = r.path("scheme").asText(scheme);
        int toPort =
            r.has("port")
                ? r.path("port").asInt()
                : r.has("scheme")
                    ? Urls.defaultPort(toScheme)
                    : ls.get(0).spec().path("port").asInt();
        String toPath = path;
        JsonNode rp = r.path("path");
        if (rp.path("type").asText().equals("ReplaceFullPath")) {
          toPath = rp.path("replaceFullPath").asText();
        }
        return new Redirected(toScheme, r.path("hostname").asText(host), toPort, toPath, via);
      }
    }
    return new Served(backends(best.route(), rule.path("backendRefs"), "HTTPRoute"), via);
  }

  private static int descending(List<Integer> a, List<Integer> b) {
    for (int i = 0; i < a.size(); i++) {
      int c = Integer.compare(b.get(i), a.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /**
   * The route's hostname that matches {@code host} within the listener's hostname (the most
   * specific one), the listener's when the route names none, {@code ""} when neither does; null
   * when the route does not take this host.
   */
  private static String matchingHostname(JsonNode route, Listener l, String host) {
    JsonNode names = route.at("/spec/hostnames");
    if (!names.isArray() || names.isEmpty()) {
      return l.hostname() == null ? "" : l.hostname();
    }
    String best = null;
    for (JsonNode n : names) {
      String h = n.asText().toLowerCase(Locale.ROOT);
      if (hostMatches(h, host) && intersects(h, l.hostname())) {
        if (best == null || listenerSpecificity(h) > listenerSpecificity(best)) {
          best = h;
        }
      }
    }
    return best;
  }

  private static boolean matches(JsonNode match, String path) {
    JsonNode p = match.path("path");
    String type = p.path("type").asText("PathPrefix");
    String value = p.path("value").asText("/");
    boolean pathOk =
        switch (type) {
          case "Exact" -> path.equals(value);
          case "PathPrefix" -> {
            String v =
                value.length() > 1 && value.endsWith("/")
                    ? value.substring(0, value.length() - 1)
                    : value;
            yield v.equals("/") || path.equals(v) || path.startsWith(v + "/");
          }
          case "RegularExpression" ->
              java.util.regex.Pattern.compile(value).matcher(path).matches();
          default -> false;
        };
    if (!pathOk) {
      return false;
    }
    if (match.has("method") && !match.path("method").asText().equals("GET")) {
      return false;
    }
    return match.path("headers").isEmpty() && match.path("queryParams").isEmpty();
  }

  /** Shares of the backendRefs by weight; invalid ones (500) and empty ones (503) serve none. */
  private Map<String, Fraction> backends(JsonNode route, JsonNode refs, String routeKind) {
    Map<String, Fraction> out = new TreeMap<>();
    long total = 0;
    for (JsonNode b : refs) {
      total += Math.max(0, b.path("weight").asLong(1));
    }
    if (total == 0) {
      return out;
    }
    String routeNs = Manifests.ns(route);
    for (JsonNode b : refs) {
      long w = Math.max(0, b.path("weight").asLong(1));
      String ns = b.path("namespace").asText(routeNs);
      String name = b.path("name").asText();
      boolean service =
          b.path("kind").asText("Service").equals("Service")
              && b.path("group").asText("").isEmpty();
      if (w == 0
          || !service
          || !m.hasPort(ns, name, b.get("port"))
          || (!ns.equals(routeNs) && !granted(routeNs, routeKind, ns, name))) {
        continue;
      }
      Outcomes.add(out, Fraction.of(w, total), Outcomes.byPods(m.pods(ns, name)));
    }
    return out;
  }

  private boolean granted(String fromNs, String fromKind, String toNs, String service) {
    for (JsonNode g : m.kind("ReferenceGrant")) {
      if (!Manifests.ns(g).equals(toNs)) {
        continue;
      }
      boolean from = false;
      for (JsonNode f : g.at("/spec/from")) {
        from |=
            f.path("kind").asText().equals(fromKind) && f.path("namespace").asText().equals(fromNs);
      }
      boolean to = false;
      for (JsonNode t : g.at("/spec/to")) {
        to |=
            t.path("kind").asText().equals("Service")
                && t.path("group").asText("").isEmpty()
                && (!t.has("name") || t.path("name").asText().equals(service));
      }
      if (from && to) {
        return true;
      }
    }
    return false;
  }

  // ---- TCP and TLS
  // -------------------------------------------------------------------------------

  @Override
  public Routed tcp(int port, String sni) {
    String kind = sni == null ? "TCPRoute" : "TLSRoute";
    List<Listener> ls = listeners(port, Set.of(sni == null ? "TCP" : "TLS"), sni);
    if (ls.isEmpty()) {
      return new NotRouted("no " + (sni == null ? "TCP" : "TLS") + " listener on port " + port);
    }
    List<Candidate> candidates = new ArrayList<>();
    for (JsonNode route : m.kind(kind)) {
      for (Listener l : ls) {
        if (!attached(route, kind, l)) {
          continue;
        }
        String matched = sni == null ? "" : matchingHostname(route, l, sni);
        if (matched != null) {
          candidates.add(
              new Candidate(
                  route,
                  0,
                  List.of(matched.startsWith("*") ? 0 : matched.length(), matched.length())));
        }
        break;
      }
    }
    if (candidates.isEmpty()) {
      return new NotRouted("no " + kind + " for " + (sni == null ? "port " + port : sni));
    }
    candidates.sort(
        Comparator.<Candidate, List<Integer>>comparing(
                Candidate::rank, GatewayApiRouter::descending)
            .thenComparing(c -> c.route().at("/metadata/creationTimestamp").asText("~"))
            .thenComparing(c -> Manifests.ns(c.route()) + "/" + Manifests.name(c.route())));
    JsonNode route = candidates.get(0).route();
    JsonNode rule = route.at("/spec/rules").get(0);
    return new Served(
        backends(
            route,
            rule == null ? Manifests.YAML.createArrayNode() : rule.path("backendRefs"),
            kind),
        kind + " " + Manifests.ns(route) + "/" + Manifests.name(route));
  }
}
