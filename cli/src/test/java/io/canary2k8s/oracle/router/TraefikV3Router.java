package io.canary2k8s.oracle.router;

import com.fasterxml.jackson.databind.JsonNode;
import io.canary2k8s.oracle.router.Routed.Broken;
import io.canary2k8s.oracle.router.Routed.NotRouted;
import io.canary2k8s.oracle.router.Routed.Redirected;
import io.canary2k8s.oracle.router.Routed.Served;
import io.canary2k8s.split.Fraction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Traefik v3 with the Kubernetes CRD provider (Traefik v3.7 docs, "Rules & Priority"; Traefik v3.7
 * {@code pkg/muxer}): entry points from the static configuration in the edge's ConfigMap, with
 * their HTTP-to-HTTPS redirections (a router at priority MaxInt−1 that matches every host);
 * IngressRoutes' routes as routers, priority {@code priority} or else the length of the rule, the
 * highest matching one wins; TLS routers (the route's {@code tls} or the entry point's) take only
 * TLS requests; IngressRouteTCP routers see a connection before the HTTP routers of their entry
 * point. A route's middlewares may answer with a redirect ({@code redirectScheme}, {@code
 * redirectRegex}); its services are one Service, an inline weighted list, or a TraefikService
 * (weighted, nested: weights multiply; weight 0 takes nothing). A route whose services, middlewares
 * or rule do not resolve is dropped, as Traefik drops the router; a Service without endpoints fails
 * its whole route unless {@code allowEmptyServices} is set.
 */
public final class TraefikV3Router implements Routed.Router {
  private static final int REDIRECT_PRIORITY = Integer.MAX_VALUE - 1;

  private record EntryPoint(String name, int port, boolean tls, Redirected redirectTo) {}

  private record HttpRouter(
      String id,
      TraefikRule rule,
      int priority,
      boolean tls,
      JsonNode route,
      String ns,
      EntryPoint ep) {}

  private record TcpRouter(
      String id, TraefikRule rule, int priority, boolean tls, Routed outcome) {}

  private final Manifests m;
  private final Map<String, EntryPoint> entryPoints = new TreeMap<>();
  private final boolean allowEmpty;
  private final boolean allowCrossNamespace;

  /** Routes Traefik would drop, with the reason. */
  public final List<String> dropped = new ArrayList<>();

  public TraefikV3Router(Manifests manifests) {
    this.m = manifests;
    String yml = manifests.edgeConfig("traefik.yml");
    JsonNode cfg;
    try {
      cfg = yml == null ? Manifests.YAML.createObjectNode() : Manifests.YAML.readTree(yml);
    } catch (IOException e) {
      throw new UncheckedIOException("traefik.yml does not parse", e);
    }
    allowEmpty = cfg.at("/providers/kubernetesCRD/allowEmptyServices").asBoolean(false);
    allowCrossNamespace = cfg.at("/providers/kubernetesCRD/allowCrossNamespace").asBoolean(false);
    Map<String, Integer> ports = new TreeMap<>();
    cfg.path("entryPoints")
        .fields()
        .forEachRemaining(e -> ports.put(e.getKey(), port(e.getValue().path("address").asText())));
    cfg.path("entryPoints")
        .fields()
        .forEachRemaining(
            e -> {
              JsonNode ep = e.getValue();
              JsonNode r = ep.at("/http/redirections/entryPoint");
              Redirected to = null;
              if (!r.isMissingNode()) {
                String target = r.path("to").asText();
                int p = target.startsWith(":") ? port(target) : ports.getOrDefault(target, -1);
                String scheme = r.path("scheme").asText("https");
                to =
                    new Redirected(
                        scheme, null, p, null, "entry point " + e.getKey() + " redirection");
              }
              entryPoints.put(
                  e.getKey(),
                  new EntryPoint(
                      e.getKey(), ports.get(e.getKey()), ep.at("/http/tls").isObject(), to));
            });
  }

  private static int port(String address) {
    int colon = address.lastIndexOf(':');
    try {
      return Integer.parseInt(address.substring(colon + 1).replaceAll("/.*$", ""));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private EntryPoint entryPointAt(int publicPort) {
    Integer container = m.containerPort(publicPort);
    if (container == null) {
      return null;
    }
    return entryPoints.values().stream()
        .filter(e -> e.port() == container)
        .findFirst()
        .orElse(null);
  }

  private List<String> entryPointsOf(JsonNode spec) {
    List<String> eps = new ArrayList<>();
    spec.path("entryPoints").forEach(e -> eps.add(e.asText()));
    return eps.isEmpty() ? new ArrayList<>(entryPoints.keySet()) : eps;
  }

  // ---- HTTP
  // --------------------------------------------------------------------------------------

  @Override
  public Routed http(String scheme, String host, int port, String path) {
    EntryPoint ep = entryPointAt(port);
    if (ep == null) {
      return new NotRouted("no entry point behind public port " + port);
    }
    boolean tls = scheme.equals("https");
    if (tls != ep.tls()) {
      return new NotRouted(scheme + " on entry point " + ep.name() + (ep.tls() ? " (TLS)" : ""));
    }
    Routed tcp = tcpAt(ep, tls ? host : null);
    if (tcp != null) {
      return tcp;
    }
    TraefikRule.Request req = TraefikRule.Request.http(host, path, tls);
    List<HttpRouter> matching = new ArrayList<>();
    for (HttpRouter r : httpRouters(ep)) {
      if (r.tls() == tls && r.rule().matches(req)) {
        matching.add(r);
      }
    }
    List<HttpRouter> resolvable = new ArrayList<>();
    Map<String, Routed> outcomes = new TreeMap<>();
    for (HttpRouter r : matching) {
      Routed o = outcome(r, scheme, host, port, path);
      if (o instanceof Broken b) {
        dropped.add(r.id() + ": " + b.why());
      } else {
        resolvable.add(r);
        outcomes.put(r.id(), o);
      }
    }
    if (ep.redirectTo() != null && !host.isEmpty()) {
      Redirected to = ep.redirectTo();
      outcomes.put("~redirection", new Redirected(to.scheme(), host, to.port(), path, to.via()));
      resolvable.add(new HttpRouter("~redirection", null, REDIRECT_PRIORITY, tls, null, null, ep));
    }
    Routed best =
        Outcomes.best(resolvable, HttpRouter::priority, r -> outcomes.get(r.id()), HttpRouter::id);
    return best == null
        ? new NotRouted("no router on " + ep.name() + " matches " + host + path)
        : best;
  }

  private List<HttpRouter> httpRouters(EntryPoint ep) {
    List<HttpRouter> out = new ArrayList<>();
    for (JsonNode ir : m.kind("IngressRoute")) {
      if (!entryPointsOf(ir.path("spec")).contains(ep.name())) {
        continue;
      }
      boolean tls = ir.at("/spec/tls").isObject() || ep.tls();
      JsonNode routes = ir.at("/spec/routes");
      for (int k = 0; k < routes.size(); k++) {
        JsonNode route = routes.get(k);
        String id = Manifests.ns(ir) + "/" + Manifests.name(ir) + "#" + k;
        try {
          TraefikRule rule = TraefikRule.http(route.path("match").asText());
          int prio = route.path("priority").asInt(0);
          out.add(
              new HttpRouter(
                  id,
                  rule,
                  prio > 0 ? prio : rule.defaultPriority(),
                  tls,
                  route,
                  Manifests.ns(ir),
                  ep));
        } catch (IllegalArgumentException e) {
          dropped.add(id + ": " + e.getMessage());
        }
      }
    }
    return out;
  }

  /** What a matching route does, or {@link Broken} when Traefik would drop it. */
  private Routed outcome(HttpRouter r, String scheme, String host, int port, String path) {
    for (JsonNode mw : r.route().path("middlewares")) {
      String ns = mw.path("namespace").asText(r.ns());
      JsonNode obj = m.find("Middleware", ns, mw.path("name").asText());
      if (obj == null) {
        return new Broken("middleware " + ns + "/" + mw.path("name").asText() + " not found");
      }
      JsonNode rs = obj.at("/spec/redirectScheme");
      if (rs.isObject()) {
        String to = rs.path("scheme").asText("https");
        if (!to.equals(scheme)) {
          int p = rs.has("port") ? rs.path("port").asInt() : Urls.defaultPort(to);
          return new Redirected(to, host, p, path, "middleware " + Manifests.name(obj));
        }
      }
      JsonNode rr = obj.at("/spec/redirectRegex");
      if (rr.isObject()) {
        String url = Urls.of(scheme, host, port, path);
        Pattern re = Pattern.compile(rr.path("regex").asText());
        if (re.matcher(url).find()) {
          String to = GoRegex.replaceAll(re, url, rr.path("replacement").asText());
          if (!to.equals(url)) {
            Redirected d = Urls.redirect(to, "middleware " + Manifests.name(obj));
            return d == null ? new Broken("redirect to " + to) : d;
          }
        }
      }
    }
    JsonNode services = r.route().path("services");
    if (services.size() == 0) {
      return new Broken("route without services");
    }
    try {
      Map<String, Fraction> shares =
          services.size() == 1
              ? resolve(r.ns(), services.get(0), 0)
              : weighted(r.ns(), services, 0);
      return new Served(shares, r.id());
    } catch (IllegalStateException e) {
      return new Broken(e.getMessage());
    }
  }

  private Map<String, Fraction> weighted(String ns, JsonNode children, int depth) {
    long total = 0;
    for (JsonNode c : children) {
      total += Math.max(0, c.path("weight").asLong(1));
    }
    Map<String, Fraction> out = new TreeMap<>();
    for (JsonNode c : children) {
      Map<String, Fraction> child = resolve(ns, c, depth + 1); // every child must build
      long w = Math.max(0, c.path("weight").asLong(1));
      if (w > 0) {
        Outcomes.add(out, Fraction.of(w, total), child);
      }
    }
    return out;
  }

  private Map<String, Fraction> resolve(String parentNs, JsonNode ref, int depth) {
    if (depth > 10) {
      throw new IllegalStateException("TraefikService cycle");
    }
    String kind = ref.path("kind").asText("Service");
    String name = ref.path("name").asText();
    String ns = ref.path("namespace").asText(parentNs);
    if (!ns.equals(parentNs) && !allowCrossNamespace) {
      throw new IllegalStateException(
          "service " + ns + "/" + name + " not in the parent resource namespace " + parentNs);
    }
    if (kind.equals("TraefikService")) {
      JsonNode ts = m.find("TraefikService", ns, name);
      if (ts == null) {
        throw new IllegalStateException("TraefikService " + ns + "/" + name + " not found");
      }
      JsonNode spec = ts.path("spec");
      if (spec.has("weighted")) {
        return weighted(ns, spec.at("/weighted/services"), depth);
      }
      if (spec.has("highestRandomWeight")) {
        return weighted(ns, spec.at("/highestRandomWeight/services"), depth);
      }
      if (spec.has("mirroring")) {
        return resolve(ns, spec.path("mirroring"), depth + 1);
      }
      if (spec.has("failover")) {
        JsonNode f = spec.path("failover");
        JsonNode main = Manifests.YAML.createObjectNode().put("name", f.path("service").asText());
        return resolve(ns, main, depth + 1);
      }
      throw new IllegalStateException("TraefikService " + ns + "/" + name + " has no known spec");
    }
    if (!m.hasPort(ns, name, ref.get("port"))) {
      throw new IllegalStateException(
          "service " + ns + "/" + name + " (port " + ref.get("port") + ") not found");
    }
    Map<String, Integer> pods = m.pods(ns, name);
    if (pods.isEmpty() && !allowEmpty) {
      throw new IllegalStateException("no servers found for " + ns + "/" + name);
    }
    return Outcomes.byPods(pods);
  }

  // ---- TCP
  // ---------------------------------------------------------------------------------------

  @Override
  public Routed tcp(int port, String sni) {
    EntryPoint ep = entryPointAt(port);
    if (ep == null) {
      return new NotRouted("no entry point behind public port " + port);
    }
    Routed r = tcpAt(ep, sni);
    return r != null ? r : new NotRouted("no TCP router on " + ep.name());
  }

  /** The TCP routers' answer to a connection on {@code ep}, or null when none matches. */
  private Routed tcpAt(EntryPoint ep, String sni) {
    List<TcpRouter> matching = new ArrayList<>();
    TraefikRule.Request req = TraefikRule.Request.tcp(sni);
    for (JsonNode ir : m.kind("IngressRouteTCP")) {
      if (!entryPointsOf(ir.path("spec")).contains(ep.name())) {
        continue;
      }
      boolean tls = ir.at("/spec/tls").isObject();
      JsonNode routes = ir.at("/spec/routes");
      for (int k = 0; k < routes.size(); k++) {
        JsonNode route = routes.get(k);
        String id = Manifests.ns(ir) + "/" + Manifests.name(ir) + "#" + k;
        TraefikRule rule;
        try {
          rule = TraefikRule.tcp(route.path("match").asText());
        } catch (IllegalArgumentException e) {
          dropped.add(id + ": " + e.getMessage());
          continue;
        }
        if (tls != (sni != null) || !rule.matches(req)) {
          continue;
        }
        int prio = route.path("priority").asInt(0);
        Routed o;
        try {
          o = new Served(weighted(Manifests.ns(ir), route.path("services"), 0), id);
        } catch (IllegalStateException e) {
          dropped.add(id + ": " + e.getMessage());
          continue;
        }
        matching.add(new TcpRouter(id, rule, prio > 0 ? prio : rule.defaultPriority(), tls, o));
      }
    }
    return Outcomes.best(matching, TcpRouter::priority, TcpRouter::outcome, TcpRouter::id);
  }
}
