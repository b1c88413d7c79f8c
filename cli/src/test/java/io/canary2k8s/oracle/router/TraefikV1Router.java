package io.canary2k8s.oracle.router;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.canary2k8s.oracle.router.Routed.Broken;
import io.canary2k8s.oracle.router.Routed.NotRouted;
import io.canary2k8s.oracle.router.Routed.Redirected;
import io.canary2k8s.oracle.router.Routed.Served;
import io.canary2k8s.split.Fraction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Traefik 1.7 with its Kubernetes Ingress provider (Traefik 1.7 docs, "Kubernetes Ingress"; Traefik
 * v1.7.34 {@code provider/kubernetes}, {@code server/server_configuration.go}): only {@code
 * extensions/v1beta1} Ingresses of its class; one frontend per (priority, entry points, host +
 * path), whose rule is {@code <rule-type>:<path>} and {@code Host:<host>} ({@code
 * HostRegexp:{subdomain:[A-Za-z0-9-_]+}.<rest>} for a wildcard: one label only), priority the
 * {@code priority} annotation or else the summed length of those rule strings, the highest matching
 * one wins. A frontend's servers are the pods of its Services with the weights of {@code
 * service-weights} (percentages in units of 0.001 %, the remainder to the services not named, by
 * their pods) or 1 each. An Ingress whose weights do not add up is skipped whole. Entry points and
 * frontends may redirect (regex and replacement on {@code scheme://host/path}).
 *
 * <p>Shares are the declared ones (the percentage of each Service, its pods sharing it), not
 * Traefik's per-pod integer weights, which truncate each Service's share by up to one unit (0.001
 * %) per pod; {@link #realised} switches to those.
 */
public final class TraefikV1Router implements Routed.Router {
  private static final int UNITS = 100_000; // 100 % in units of 0.001 %

  private record EntryPoint(
      String name, int port, boolean tls, Pattern regex, String replacement) {}

  private static final class Frontend {
    final String name;
    final int priority;
    final List<String> entryPoints;
    final Map<String, String> routes = new LinkedHashMap<>();
    final Set<String> ingresses = new TreeSet<>();
    final Map<String, Integer> serverWeights = new TreeMap<>(); // server -> weight units
    final Map<String, String> serverGroup = new TreeMap<>();
    final Map<String, Fraction> declared = new TreeMap<>(); // service -> declared units
    final Map<String, Map<String, Integer>> servicePods = new TreeMap<>();
    Redirect redirect;

    Frontend(String name, int priority, List<String> entryPoints) {
      this.name = name;
      this.priority = priority;
      this.entryPoints = entryPoints;
    }
  }

  private record Redirect(String entryPoint, Pattern regex, String replacement) {}

  private final Manifests m;
  private final boolean realised;
  private final Map<String, EntryPoint> entryPoints = new TreeMap<>();
  private final List<String> defaultEntryPoints = new ArrayList<>();
  private final String ingressClass;
  private final boolean minWeightZero;
  private final Map<String, Frontend> frontends = new TreeMap<>();

  /** Ingresses and paths Traefik would skip, with the reason. */
  public final List<String> dropped = new ArrayList<>();

  public TraefikV1Router(Manifests manifests) {
    this(manifests, false);
  }

  /** With {@code realised}, shares follow Traefik's truncated per-pod weights. */
  public TraefikV1Router(Manifests manifests, boolean realised) {
    this.m = manifests;
    this.realised = realised;
    String toml = manifests.edgeConfig("traefik.toml");
    JsonNode cfg;
    try {
      cfg = toml == null ? Manifests.YAML.createObjectNode() : new TomlMapper().readTree(toml);
    } catch (IOException e) {
      throw new UncheckedIOException("traefik.toml does not parse", e);
    }
    cfg.path("defaultEntryPoints").forEach(e -> defaultEntryPoints.add(e.asText()));
    ingressClass = cfg.at("/kubernetes/ingressClass").asText("");
    minWeightZero = cfg.path("AllowMinWeightZero").asBoolean(false);
    Map<String, Integer> ports = new TreeMap<>();
    cfg.path("entryPoints")
        .fields()
        .forEachRemaining(e -> ports.put(e.getKey(), port(e.getValue())));
    cfg.path("entryPoints")
        .fields()
        .forEachRemaining(
            e -> {
              JsonNode ep = e.getValue();
              JsonNode r = ep.path("redirect");
              Pattern re = null;
              String repl = null;
              if (r.has("entryPoint")) {
                String to = r.path("entryPoint").asText();
                JsonNode dst = cfg.at("/entryPoints/" + to);
                re = Pattern.compile("^(?:https?://)?(\\[[\\w:.]+\\]|[\\w._-]+)(?::\\d+)?(.*)$");
                repl = (dst.has("tls") ? "https" : "http") + "://${1}:" + ports.get(to) + "${2}";
              } else if (r.has("regex")) {
                re = Pattern.compile(r.path("regex").asText());
                repl = r.path("replacement").asText();
              }
              entryPoints.put(
                  e.getKey(),
                  new EntryPoint(e.getKey(), ports.get(e.getKey()), ep.has("tls"), re, repl));
            });
    if (defaultEntryPoints.isEmpty()) {
      defaultEntryPoints.addAll(entryPoints.keySet());
    }
    build();
  }

  private static int port(JsonNode ep) {
    String a = ep.path("address").asText();
    try {
      return Integer.parseInt(a.substring(a.lastIndexOf(':') + 1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String ann(JsonNode ing, String key) {
    String v = Manifests.annotation(ing, "ingress.kubernetes.io/" + key);
    return v != null ? v : Manifests.annotation(ing, "traefik.ingress.kubernetes.io/" + key);
  }

  // ---- the provider: Ingresses -> frontends
  // ------------------------------------------------------

  private void build() {
    List<JsonNode> ingresses = new ArrayList<>();
    for (JsonNode d : m.kind("Ingress")) {
      if (d.path("apiVersion").asText().equals("extensions/v1beta1")) {
        ingresses.add(d);
      }
    }
    for (JsonNode ing : ingresses) {
      String id = Manifests.ns(ing) + "/" + Manifests.name(ing);
      String cls = Manifests.annotation(ing, "kubernetes.io/ingress.class");
      cls = cls == null ? "" : cls;
      boolean process =
          ingressClass.isEmpty()
              ? cls.isEmpty() || cls.equals("traefik")
              : cls.equals(ingressClass);
      if (!process) {
        continue;
      }
      Map<String, Long> named;
      try {
        named = percentages(ann(ing, "service-weights"));
        validate(ing, named);
      } catch (IllegalArgumentException e) {
        dropped.add(id + ": " + e.getMessage());
        continue;
      }
      int priority = parseInt(ann(ing, "priority"));
      String eps = ann(ing, "frontend-entry-points");
      List<String> entry = eps == null ? List.of() : List.of(eps.split("\\s*,\\s*"));
      String ruleType = ann(ing, "rule-type") == null ? "PathPrefix" : ann(ing, "rule-type");
      for (JsonNode rule : ing.at("/spec/rules")) {
        if (!rule.has("http")) {
          continue;
        }
        String host = rule.path("host").asText("");
        for (JsonNode pa : rule.at("/http/paths")) {
          String path = pa.path("path").asText("");
          String svc = pa.at("/backend/serviceName").asText();
          String base = host + path;
          if (base.isEmpty()) {
            base = svc;
          }
          if (!entry.isEmpty()) {
            base = String.join("-", entry) + "_" + base;
          }
          if (priority > 0) {
            base = priority + "-" + base;
          }
          String key = base;
          Frontend f = frontends.computeIfAbsent(key, k -> new Frontend(k, priority, entry));
          if (f.ingresses.isEmpty()) {
            f.redirect = redirect(ing);
          }
          f.ingresses.add(id);
          Map<String, Integer> pods = m.pods(Manifests.ns(ing), svc);
          if (pods == null || !m.hasPort(Manifests.ns(ing), svc, pa.at("/backend/servicePort"))) {
            dropped.add(id + " " + host + path + ": service " + svc + " not found");
            continue;
          }
          if (!path.isEmpty()) {
            if (!Set.of("Path", "PathPrefix", "PathStrip", "PathPrefixStrip").contains(ruleType)) {
              dropped.add(id + ": rule-type " + ruleType + " is not a matcher");
              frontends.remove(key);
              continue;
            }
            f.routes.put(path, ruleType + ":" + path);
          }
          if (!host.isEmpty()) {
            f.routes.putIfAbsent(
                host,
                host.contains("*")
                    ? "HostRegexp:" + host.replaceFirst("\\*", "{subdomain:[A-Za-z0-9-_]+}")
                    : "Host:" + host);
          }
          if (f.routes.isEmpty()) {
            f.routes.put("/", "PathPrefix:/");
          }
          servers(f, ing, host, path, svc, pods, named);
        }
      }
    }
  }

  private static int parseInt(String s) {
    try {
      return s == null ? 0 : Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The annotation's percentages in units of 0.001 % (truncated, as Traefik does), or null. */
  private static Map<String, Long> percentages(String annotation) {
    if (annotation == null) {
      return null;
    }
    Map<String, Long> out = new TreeMap<>();
    JsonNode map;
    try {
      map = Manifests.YAML.readTree(annotation);
    } catch (IOException e) {
      throw new IllegalArgumentException("service-weights is not YAML");
    }
    map.fields()
        .forEachRemaining(
            e -> {
              String v = e.getValue().asText().trim();
              v = v.endsWith("%") ? v.substring(0, v.length() - 1) : v;
              try {
                out.put(e.getKey(), new BigDecimal(v).movePointRight(3).longValue());
              } catch (NumberFormatException x) {
                throw new IllegalArgumentException(
                    "invalid percentage value \"" + e.getValue().asText() + "\"");
              }
            });
    return out;
  }

  /** Traefik's checks per host + path: named ≤ 100 %, and = 100 % when no service is left out. */
  private static void validate(JsonNode ing, Map<String, Long> named) {
    if (named == null) {
      return;
    }
    for (JsonNode rule : ing.at("/spec/rules")) {
      Map<String, Long> left = new TreeMap<>();
      Map<String, Integer> omitted = new TreeMap<>();
      for (JsonNode pa : rule.at("/http/paths")) {
        String path = pa.path("path").asText("");
        left.putIfAbsent(path, (long) UNITS);
        String svc = pa.at("/backend/serviceName").asText();
        if (named.containsKey(svc)) {
          left.merge(path, -named.get(svc), Long::sum);
          if (left.get(path) < 0) {
            throw new IllegalArgumentException(
                "percentage value must not exceed 100% on " + rule.path("host").asText() + path);
          }
        } else {
          omitted.merge(path, 1, Integer::sum);
        }
      }
      left.forEach(
          (path, rest) -> {
            if (rest > 0 && !omitted.containsKey(path)) {
              throw new IllegalArgumentException(
                  "the sum of weights in the path "
                      + rule.path("host").asText()
                      + path
                      + " must be 100% when no omitted fractional service left");
            }
          });
    }
  }

  /** Adds the pods of {@code svc} as servers of {@code f} with the allocator's weights. */
  private void servers(
      Frontend f,
      JsonNode ing,
      String host,
      String path,
      String svc,
      Map<String, Integer> pods,
      Map<String, Long> named) {
    int podCount = pods.values().stream().mapToInt(Integer::intValue).sum();
    f.servicePods.put(svc, pods);
    if (named == null) { // the default allocator: weight 1 per server
      f.declared.put(svc, Fraction.of(podCount, 1));
      addPods(f, svc, pods, 1);
    } else if (named.containsKey(svc)) {
      long units = named.get(svc);
      f.declared.put(svc, Fraction.of(podCount == 0 ? 0 : units, 1));
      addPods(f, svc, pods, podCount == 0 ? 0 : (int) (units / podCount));
    } else { // left out of the annotation: the rest, shared by the pods of all such services
      long rest = UNITS;
      int omittedPods = 0;
      for (JsonNode pa : pathsOf(ing, host, path)) {
        String other = pa.at("/backend/serviceName").asText();
        if (named.containsKey(other)) {
          rest -= named.get(other);
        } else {
          Map<String, Integer> op = m.pods(Manifests.ns(ing), other);
          omittedPods += op == null ? 0 : op.values().stream().mapToInt(Integer::intValue).sum();
        }
      }
      f.declared.put(
          svc,
          new Fraction(
              java.math.BigInteger.valueOf(rest * podCount),
              java.math.BigInteger.valueOf(Math.max(1, omittedPods))));
      int perPod = omittedPods == 0 ? 0 : (int) (rest / omittedPods);
      addPods(f, svc, pods, perPod);
    }
  }

  private static List<JsonNode> pathsOf(JsonNode ing, String host, String path) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode rule : ing.at("/spec/rules")) {
      if (rule.path("host").asText("").equals(host)) {
        for (JsonNode pa : rule.at("/http/paths")) {
          if (pa.path("path").asText("").equals(path)) {
            out.add(pa);
          }
        }
      }
    }
    return out;
  }

  private static void addPods(Frontend f, String svc, Map<String, Integer> pods, int weight) {
    pods.forEach(
        (group, n) -> {
          for (int i = 0; i < n; i++) {
            String server =
                group + "#" + i; // a pod: the same pod behind two Services is one server
            f.serverWeights.put(server, weight);
            f.serverGroup.put(server, group);
          }
        });
  }

  private static Redirect redirect(JsonNode ing) {
    String ep = ann(ing, "redirect-entry-point");
    if (ep != null && !ep.isEmpty()) {
      return new Redirect(ep, null, null);
    }
    String regex = ann(ing, "redirect-regex");
    String repl = ann(ing, "redirect-replacement");
    if (regex != null && !regex.isEmpty() && repl != null && !repl.isEmpty()) {
      return new Redirect(null, Pattern.compile(regex), repl);
    }
    return null;
  }

  // ---- requests
  // ----------------------------------------------------------------------------------

  @Override
  public Routed http(String scheme, String host, int port, String path) {
    Integer container = m.containerPort(port);
    EntryPoint ep =
        container == null
            ? null
            : entryPoints.values().stream()
                .filter(e -> e.port() == container)
                .findFirst()
                .orElse(null);
    if (ep == null) {
      return new NotRouted("no entry point behind public port " + port);
    }
    if (ep.tls() != scheme.equals("https")) {
      return new NotRouted(scheme + " on entry point " + ep.name());
    }
    String url = Urls.of(scheme, host, port, path);
    if (ep.regex() != null) {
      Routed r = regexRedirect(ep.regex(), ep.replacement(), url, "entry point " + ep.name());
      if (r != null) {
        return r;
      }
    }
    List<Frontend> matching = new ArrayList<>();
    for (Frontend f : frontends.values()) {
      List<String> eps = f.entryPoints.isEmpty() ? defaultEntryPoints : f.entryPoints;
      if (eps.contains(ep.name())
          && f.routes.values().stream().allMatch(r -> matches(r, host, path))) {
        matching.add(f);
      }
    }
    Routed best = Outcomes.best(matching, this::priority, f -> outcome(f, url), f -> f.name);
    return best == null
        ? new NotRouted("no frontend on " + ep.name() + " matches " + host + path)
        : best;
  }

  private int priority(Frontend f) {
    return f.priority > 0 ? f.priority : f.routes.values().stream().mapToInt(String::length).sum();
  }

  private Routed outcome(Frontend f, String url) {
    if (f.ingresses.size() > 1) {
      return new Broken(
          "frontend "
              + f.name
              + " is made by Ingresses "
              + f.ingresses
              + ", merged in the order Traefik lists them");
    }
    if (f.redirect != null) {
      if (f.redirect.entryPoint() != null) {
        EntryPoint to = entryPoints.get(f.redirect.entryPoint());
        if (to == null) {
          return new Broken("redirect to unknown entry point " + f.redirect.entryPoint());
        }
        Pattern re = Pattern.compile("^(?:https?://)?(\\[[\\w:.]+\\]|[\\w._-]+)(?::\\d+)?(.*)$");
        Routed r =
            regexRedirect(
                re,
                (to.tls() ? "https" : "http") + "://${1}:" + to.port() + "${2}",
                url,
                "frontend " + f.name);
        if (r != null) {
          return r;
        }
      } else {
        Routed r =
            regexRedirect(f.redirect.regex(), f.redirect.replacement(), url, "frontend " + f.name);
        if (r != null) {
          return r;
        }
      }
    }
    Map<String, Fraction> shares = new TreeMap<>();
    if (realised) {
      long total = 0;
      Map<String, Long> byGroup = new TreeMap<>();
      for (var e : f.serverWeights.entrySet()) {
        long w = e.getValue() == 0 && !minWeightZero ? 1 : e.getValue(); // oxy: 0 means 1
        total += w;
        byGroup.merge(f.serverGroup.get(e.getKey()), w, Long::sum);
      }
      for (var e : byGroup.entrySet()) {
        if (total > 0 && e.getValue() > 0) {
          shares.put(e.getKey(), Fraction.of(e.getValue(), total));
        }
      }
    } else {
      Fraction total = Fraction.ZERO;
      for (var e : f.declared.entrySet()) {
        if (!f.servicePods.get(e.getKey()).isEmpty()) {
          total = total.plus(e.getValue());
        }
      }
      for (var e : f.declared.entrySet()) {
        Map<String, Integer> pods = f.servicePods.get(e.getKey());
        if (!pods.isEmpty() && !total.isZero()) {
          Outcomes.add(shares, e.getValue().dividedBy(total), Outcomes.byPods(pods));
        }
      }
    }
    return new Served(shares, "frontend " + f.name);
  }

  private static Routed regexRedirect(Pattern re, String replacement, String url, String via) {
    if (!re.matcher(url).find()) {
      return null;
    }
    String to = GoRegex.replaceAll(re, url, replacement);
    if (to.equals(url)) {
      return null;
    }
    Redirected d = Urls.redirect(to, via);
    return d == null ? new Broken(via + " redirects to " + to) : d;
  }

  private static boolean matches(String rule, String host, String path) {
    int colon = rule.indexOf(':');
    String type = rule.substring(0, colon);
    String v = rule.substring(colon + 1);
    return switch (type) {
      case "Host" -> host.equalsIgnoreCase(v);
      case "HostRegexp" -> hostTemplate(v).matcher(host).matches();
      case "Path", "PathStrip" -> path.equals(v);
      case "PathPrefix", "PathPrefixStrip" -> path.startsWith(v);
      default -> false;
    };
  }

  /** A gorilla/mux host template: {@code {name:pattern}} variables, the rest literal. */
  static Pattern hostTemplate(String template) {
    StringBuilder re = new StringBuilder();
    Matcher v = Pattern.compile("\\{[^:}]+:([^}]*)\\}").matcher(template);
    int last = 0;
    while (v.find()) {
      re.append(Pattern.quote(template.substring(last, v.start())))
          .append('(')
          .append(v.group(1))
          .append(')');
      last = v.end();
    }
    re.append(Pattern.quote(template.substring(last)));
    return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE);
  }

  @Override
  public Routed tcp(int port, String sni) {
    return new NotRouted("Traefik 1.7 serves no TCP from Kubernetes Ingresses");
  }
}
