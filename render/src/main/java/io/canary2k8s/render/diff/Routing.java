package io.canary2k8s.render.diff;

import com.fasterxml.jackson.databind.JsonNode;
import io.canary2k8s.split.Fraction;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the traffic split back from routing objects: Traefik v2/v3 IngressRoutes (their {@code
 * match} hosts) with the weighted TraefikServices they use, and Traefik 1.7 Ingresses (rule hosts
 * and the {@code service-weights} annotation), and Gateway API HTTPRoutes (hostnames and {@code
 * backendRefs} weights). What the objects say is what is reported, whichever tool wrote them.
 */
final class Routing {
  static final String V1_WEIGHTS = "traefik.ingress.kubernetes.io/service-weights";
  private static final Pattern HOST = Pattern.compile("Host\\(([^)]*)\\)");
  private static final Pattern HOST_REGEXP =
      Pattern.compile("HostRegexp\\(`\\^\\.\\+\\\\\\.([^`$]*)\\$?`\\)");
  private static final Pattern QUOTED = Pattern.compile("[`\"]([^`\"]+)[`\"]");
  private static final Pattern PATH_PREFIX = Pattern.compile("PathPrefix\\([`\"]([^`\"]*)[`\"]\\)");

  private Routing() {}

  /**
   * {@code namespace host[path]} → the route of that host (and path prefix, for the routes of ALB
   * path rules next to a host's default route), in that order.
   */
  static SortedMap<String, HostRoute> of(Documents docs) {
    // each routing object's routes on every core (each is parsed again: 10,000 a side in a large
    // diff), then taken in identity order: the first route of a host wins, and the first failure
    // is thrown
    List<Manifest> routing = docs.list().stream().filter(Routing::isRouting).toList();
    List<Routes> routes = routing.parallelStream().map(m -> Routes.of(m, docs)).toList();
    SortedMap<String, HostRoute> out = new TreeMap<>();
    for (Routes r : routes) {
      if (r.error() != null) {
        throw r.error();
      }
      r.routes().forEach(route -> out.putIfAbsent(route.namespace() + " " + route.host(), route));
    }
    return out;
  }

  private static boolean isRouting(Manifest m) {
    ObjectId id = m.id();
    return (id.kind().equals("IngressRoute") && isTraefik(id))
        || id.kind().equals("Ingress")
        || (id.kind().equals("HTTPRoute")
            && id.apiVersion().startsWith("gateway.networking.k8s.io/"));
  }

  /** The routes one routing object declares, in its order, or why they cannot be read. */
  private record Routes(List<HostRoute> routes, RuntimeException error) {
    static Routes of(Manifest m, Documents docs) {
      List<HostRoute> out = new ArrayList<>();
      try {
        if (m.id().kind().equals("IngressRoute")) {
          ingressRoute(m, docs, out);
        } else if (m.id().kind().equals("Ingress")) {
          ingress(m, out);
        } else {
          httpRoute(m, out);
        }
        return new Routes(out, null);
      } catch (RuntimeException e) {
        return new Routes(null, e);
      }
    }
  }

  private static boolean isTraefik(ObjectId id) {
    return id.apiVersion().startsWith("traefik.io/")
        || id.apiVersion().startsWith("traefik.containo.us/");
  }

  private static void ingressRoute(Manifest m, Documents docs, List<HostRoute> out) {
    for (JsonNode r : m.view().at("/spec/routes")) {
      List<String> hosts = hosts(r.path("match").asText());
      JsonNode services = r.path("services");
      if (hosts.isEmpty() || services.size() == 0) {
        continue;
      }
      ObjectId weightedIn = m.id();
      Map<String, Long> weights = new LinkedHashMap<>();
      if (services.size() == 1 && services.get(0).path("kind").asText().equals("TraefikService")) {
        String name = services.get(0).path("name").asText();
        Manifest ts = find(docs, m.id().apiVersion(), "TraefikService", m.id().namespace(), name);
        JsonNode weighted = ts == null ? null : ts.view().at("/spec/weighted/services");
        if (weighted == null || !weighted.isArray()) {
          continue;
        }
        weightedIn = ts.id();
        for (JsonNode s : weighted) {
          weights.merge(s.path("name").asText(), s.path("weight").asLong(1), Long::sum);
        }
      } else {
        for (JsonNode s : services) {
          weights.merge(s.path("name").asText(), s.path("weight").asLong(1), Long::sum);
        }
      }
      long total = weights.values().stream().mapToLong(Long::longValue).sum();
      if (total <= 0) {
        continue;
      }
      SortedMap<String, Fraction> shares = new TreeMap<>();
      weights.forEach((svc, w) -> shares.put(svc, Fraction.of(w, total)));
      String path = pathPrefix(r.path("match").asText());
      for (String h : hosts) {
        put(out, m.id().namespace(), at(h, path), weightedIn, shares);
      }
    }
  }

  private static void put(
      List<HostRoute> out,
      String ns,
      String where,
      ObjectId weightedIn,
      SortedMap<String, Fraction> shares) {
    out.add(new HostRoute(ns, where, weightedIn, shares));
  }

  /**
   * A host, or a host and the path prefix its route is limited to ({@code /} is the whole host).
   */
  static String at(String host, String path) {
    return path == null || path.isEmpty() || path.equals("/") ? host : host + path;
  }

  /** The first {@code PathPrefix} of a Traefik rule, or null. */
  static String pathPrefix(String match) {
    Matcher pm = PATH_PREFIX.matcher(match);
    return pm.find() ? pm.group(1) : null;
  }

  /**
   * Gateway API: the hostnames of an HTTPRoute and the weights of each forwarding rule, by the path
   * prefix of its first match (the first rule of a path wins, as the first match does).
   */
  private static void httpRoute(Manifest m, List<HostRoute> out) {
    JsonNode route = m.view();
    for (JsonNode rule : route.at("/spec/rules")) {
      JsonNode refs = rule.path("backendRefs");
      if (refs.size() == 0) {
        continue; // a redirect rule forwards nothing
      }
      Map<String, Long> weights = new LinkedHashMap<>();
      for (JsonNode b : refs) {
        weights.merge(b.path("name").asText(), b.path("weight").asLong(1), Long::sum);
      }
      long total = weights.values().stream().mapToLong(Long::longValue).sum();
      if (total <= 0) {
        continue;
      }
      SortedMap<String, Fraction> shares = new TreeMap<>();
      weights.forEach((svc, w) -> shares.put(svc, Fraction.of(w, total)));
      JsonNode path = rule.at("/matches/0/path/value");
      for (JsonNode h : route.at("/spec/hostnames")) {
        put(
            out,
            m.id().namespace(),
            at(h.asText(), path.isTextual() ? path.asText() : null),
            m.id(),
            shares);
      }
    }
  }

  private static void ingress(Manifest m, List<HostRoute> out) {
    Map<String, Fraction> annotated = new LinkedHashMap<>();
    JsonNode ingress = m.view();
    String ann = ingress.at("/metadata/annotations").path(V1_WEIGHTS).asText("");
    for (String line : ann.split("\n")) {
      int colon = line.lastIndexOf(':');
      if (colon <= 0) {
        continue;
      }
      String v = line.substring(colon + 1).trim();
      if (v.endsWith("%")) {
        v = v.substring(0, v.length() - 1).trim();
      }
      try {
        BigDecimal pct = new BigDecimal(v);
        annotated.put(line.substring(0, colon).trim(), decimal(pct).dividedBy(Fraction.of(100, 1)));
      } catch (NumberFormatException | ArithmeticException e) {
        // not a weight line; left out
      }
    }
    for (JsonNode rule : ingress.at("/spec/rules")) {
      String host = rule.path("host").asText("");
      if (host.isEmpty()) {
        continue;
      }
      List<String> backends = new ArrayList<>();
      String path = rule.at("/http/paths/0/path").asText("");
      for (JsonNode p : rule.at("/http/paths")) {
        String svc = p.at("/backend/serviceName").asText(p.at("/backend/service/name").asText(""));
        if (!svc.isEmpty() && !backends.contains(svc)) {
          backends.add(svc);
        }
      }
      if (backends.isEmpty()) {
        continue;
      }
      // Traefik 1.7: unlisted backends share what the listed ones leave, equally
      Fraction listed = Fraction.ZERO;
      List<String> unlisted = new ArrayList<>();
      SortedMap<String, Fraction> shares = new TreeMap<>();
      for (String b : backends) {
        Fraction f = annotated.get(b);
        if (f == null) {
          unlisted.add(b);
        } else {
          shares.put(b, f);
          listed = listed.plus(f);
        }
      }
      if (!unlisted.isEmpty()) {
        Fraction rest =
            listed.compareTo(Fraction.ONE) >= 0 ? Fraction.ZERO : Fraction.ONE.minus(listed);
        for (String b : unlisted) {
          shares.put(b, rest.times(Fraction.of(1, unlisted.size())));
        }
      }
      put(out, m.id().namespace(), at(host, path), m.id(), shares);
    }
  }

  /** The hosts of a Traefik rule: {@code Host(`a`, `b`)} and our wildcard HostRegexp form. */
  static List<String> hosts(String match) {
    List<String> out = new ArrayList<>();
    Matcher hm = HOST.matcher(match);
    while (hm.find()) {
      Matcher q = QUOTED.matcher(hm.group(1));
      while (q.find()) {
        out.add(q.group(1));
      }
    }
    Matcher rm = HOST_REGEXP.matcher(match);
    while (rm.find()) {
      out.add("*." + rm.group(1).replace("\\.", "."));
    }
    return out;
  }

  private static Manifest find(
      Documents docs, String apiVersion, String kind, String ns, String name) {
    Manifest same = docs.get(new ObjectId(apiVersion, kind, ns, name));
    if (same != null) {
      return same;
    }
    for (Manifest m : docs.objects().values()) {
      ObjectId id = m.id();
      if (id.kind().equals(kind)
          && java.util.Objects.equals(id.namespace(), ns)
          && id.name().equals(name)
          && isTraefik(id)) {
        return m;
      }
    }
    return null;
  }

  static Fraction decimal(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    if (s.scale() <= 0) {
      return new Fraction(s.toBigIntegerExact(), BigInteger.ONE);
    }
    return new Fraction(s.unscaledValue(), BigInteger.TEN.pow(s.scale()));
  }
}
