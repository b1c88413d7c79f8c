package io.canary2k8s.oracle;

import io.canary2k8s.oracle.aws.AwsOracle;
import io.canary2k8s.oracle.estate.ClassicElb;
import io.canary2k8s.oracle.estate.Estate;
import io.canary2k8s.oracle.estate.HostedZone;
import io.canary2k8s.oracle.estate.V2LoadBalancer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One request or connection the oracle and the router models both answer: an HTTP request for a
 * name of the public zones (a name only a wildcard answers included) on each scheme AWS answers it
 * on, for {@code /}, for every ALB rule's path patterns and for a path no rule matches; or a
 * connection to a listener that is not HTTP:80 or HTTPS:443 (TCP, SSL, TLS, other ports).
 */
record Probe(
    String kind, String scheme, String host, int port, String path, String lb, String protocol) {
  static final String HTTP = "http";
  static final String LISTENER = "listener";

  static Probe http(String scheme, String host, String path) {
    return new Probe(HTTP, scheme, host, scheme.equals("https") ? 443 : 80, path, null, null);
  }

  boolean isHttp() {
    return kind.equals(HTTP);
  }

  /** A listener probe of HTTP:80 or HTTPS:443: only a load balancer no record points at has one. */
  boolean unnamedWeb() {
    return !isHttp() && web(protocol, port);
  }

  /** The TLS server name a listener probe sends, or null for plain TCP. */
  String sni() {
    return Set.of("SSL", "TLS").contains(protocol) ? host : null;
  }

  @Override
  public String toString() {
    return isHttp()
        ? scheme + "://" + host + path
        : "listener "
            + lb
            + " "
            + protocol
            + ":"
            + port
            + (sni() == null ? "" : " (SNI " + host + ")");
  }

  /** A path no rule matches. */
  static final String NO_RULE = "/zz-no-rule";

  /**
   * The probes of an estate; {@code trailingSlashless} adds, for a pattern ending in {@code /*},
   * the path without that slash.
   */
  static List<Probe> of(Estate estate, AwsOracle oracle, boolean trailingSlashless) {
    List<Probe> out = new ArrayList<>();
    for (String host : hosts(estate)) {
      for (String scheme : List.of("http", "https")) {
        if (!oracle.http(scheme, host, "/").reached()) {
          continue; // nothing listens there today
        }
        Set<String> paths = new LinkedHashSet<>();
        paths.add("/");
        for (String lb : oracle.http(scheme, host, "/").loadBalancers()) {
          V2LoadBalancer v = estate.v2(lb);
          if (v != null && v.isAlb()) {
            paths.addAll(samplePaths(v, trailingSlashless));
          }
        }
        for (String p : paths) {
          if (oracle.http(scheme, host, p).reached()) {
            out.add(http(scheme, host, p));
          }
        }
      }
    }
    for (ClassicElb e : estate.elbs()) {
      boolean named = oracle.referenced(e.name());
      for (ClassicElb.Listener l : e.listeners()) {
        if (!web(l.protocol(), l.port()) || !named) {
          out.add(listener(estate, oracle, e.name(), e.dnsName(), l.protocol(), l.port()));
        }
      }
    }
    for (V2LoadBalancer v : estate.v2()) {
      boolean named = oracle.referenced(v.name());
      for (V2LoadBalancer.Listener l : v.listeners()) {
        if (!v.isAlb() || !web(l.protocol(), l.port()) || !named) {
          out.add(listener(estate, oracle, v.name(), v.dnsName(), l.protocol(), l.port()));
        }
      }
    }
    return out;
  }

  private static boolean web(String protocol, int port) {
    return (protocol.equals("HTTP") && port == 80) || (protocol.equals("HTTPS") && port == 443);
  }

  private static Probe listener(
      Estate e, AwsOracle o, String lb, String dns, String protocol, int port) {
    List<String> names = o.namesOf(lb);
    String host = names.isEmpty() ? Estate.normalise(dns) : names.get(0);
    String scheme = Set.of("HTTPS", "SSL", "TLS").contains(protocol) ? "https" : "http";
    return new Probe(LISTENER, scheme, host, port, "/", lb, protocol);
  }

  /**
   * The names clients ask for: every A, AAAA and CNAME name of the public zones; for a wildcard, a
   * name one label below it and one two labels below (which only the wildcard answers).
   */
  static Set<String> hosts(Estate estate) {
    Set<String> names = new TreeSet<>();
    Set<String> all = new TreeSet<>();
    estate.zones().forEach(z -> z.records().forEach(r -> all.add(r.name())));
    for (HostedZone z : estate.zones()) {
      if (z.privateZone()) {
        continue;
      }
      for (HostedZone.Record r : z.records()) {
        if (!Set.of("A", "AAAA", "CNAME").contains(r.type())) {
          continue;
        }
        if (r.name().startsWith("*.")) {
          String base = r.name().substring(2);
          String one = "wc-probe." + base;
          String two = "deep.wc-probe." + base;
          if (all.stream().noneMatch(n -> n.equals(one) || n.endsWith("." + one))) {
            names.add(one);
            names.add(two);
          }
        } else {
          names.add(r.name());
        }
      }
    }
    return names;
  }

  /**
   * Paths that exercise an ALB's rules: each path pattern with its wildcards filled in two ways
   * ({@code *} as nothing and as {@code x/y}, {@code ?} as {@code q}), a pattern ending in {@code
   * /*} also without its slash (when asked), an exact pattern also with a segment more; and a path
   * no rule matches.
   */
  static List<String> samplePaths(V2LoadBalancer lb, boolean trailingSlashless) {
    Set<String> out = new LinkedHashSet<>();
    for (V2LoadBalancer.Listener l : lb.listeners()) {
      for (V2LoadBalancer.Rule r : l.rules()) {
        for (V2LoadBalancer.Condition c : r.conditions()) {
          if (!c.field().equals("path-pattern")) {
            continue;
          }
          for (String p : c.values()) {
            String q = p.replace('?', 'q');
            out.add(q.replace("*", ""));
            out.add(q.replace("*", "x/y"));
            if (trailingSlashless && p.endsWith("/*")) {
              out.add(q.substring(0, q.length() - 2));
            }
            if (!p.contains("*") && !p.contains("?")) {
              out.add(p + (p.endsWith("/") ? "x" : "/x"));
            }
          }
        }
      }
    }
    out.removeIf(s -> !s.startsWith("/"));
    out.add(NO_RULE);
    return new ArrayList<>(out);
  }
}
