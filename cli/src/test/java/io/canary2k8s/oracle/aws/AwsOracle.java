package io.canary2k8s.oracle.aws;

import io.canary2k8s.oracle.estate.ClassicElb;
import io.canary2k8s.oracle.estate.Estate;
import io.canary2k8s.oracle.estate.HostedZone;
import io.canary2k8s.oracle.estate.TargetGroup;
import io.canary2k8s.oracle.estate.V2LoadBalancer;
import io.canary2k8s.oracle.estate.V2LoadBalancer.Action;
import io.canary2k8s.oracle.estate.V2LoadBalancer.Condition;
import io.canary2k8s.oracle.estate.V2LoadBalancer.Forward;
import io.canary2k8s.oracle.estate.V2LoadBalancer.Redirect;
import io.canary2k8s.oracle.estate.V2LoadBalancer.Rule;
import io.canary2k8s.oracle.estate.V2LoadBalancer.Weighted;
import io.canary2k8s.split.Fraction;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The AWS semantics, computed from an {@link Estate} alone (never from the product's inventory or
 * split code): which share of a request each Auto Scaling group serves today. A request is a plain
 * GET from the internet, without custom headers or a query string; its name is resolved in the
 * public view (see {@link Route53View}), then each load balancer it reaches serves it on the
 * listener of its port: a classic ELB by the zone spread of its instances, an ALB by its first
 * matching rule, an NLB by its listener's forward. Redirects are followed.
 */
public final class AwsOracle {
  private static final int MAX_REDIRECTS = 5;

  private final Estate estate;
  private final Route53View dns;

  public AwsOracle(Estate estate) {
    this.estate = estate;
    this.dns = new Route53View(estate);
  }

  /** {@code scheme://host/path} on the scheme's default port. */
  public Answer http(String scheme, String host, String path) {
    return request(scheme, host, scheme.equals("https") ? 443 : 80, path, 0);
  }

  /**
   * A connection straight to listener {@code port} of load balancer {@code lb}: for an HTTP(S)
   * listener a GET of {@code /} for {@code host}.
   */
  public Answer listener(String lb, int port, String host) {
    String protocol = protocolOf(lb, port);
    if (protocol == null) {
      return empty();
    }
    String scheme =
        switch (protocol) {
          case "HTTP", "TCP", "UDP", "TCP_UDP" -> "http";
          default -> "https";
        };
    Answer.Builder b = new Answer.Builder();
    b.add(Fraction.ONE, atLoadBalancer(lb, scheme, host, port, "/", 0));
    return b.build();
  }

  /** The protocol of listener {@code port} of {@code lb}, or null. */
  public String protocolOf(String lb, int port) {
    ClassicElb e = estate.elb(lb);
    if (e != null) {
      ClassicElb.Listener l = e.listener(port);
      return l == null ? null : l.protocol();
    }
    V2LoadBalancer v = estate.v2(lb);
    V2LoadBalancer.Listener l = v == null ? null : v.listener(port);
    return l == null ? null : l.protocol();
  }

  private Answer request(String scheme, String host, int port, String path, int depth) {
    Route53View.Resolution r = dns.resolve(host);
    Answer.Builder b = new Answer.Builder();
    b.names.addAll(r.names());
    r.loadBalancers()
        .forEach((lb, p) -> b.add(p, atLoadBalancer(lb, scheme, host, port, path, depth)));
    return b.build();
  }

  private Answer atLoadBalancer(
      String lb, String scheme, String host, int port, String path, int depth) {
    Answer.Builder b = new Answer.Builder();
    b.lbs.add(lb);
    ClassicElb e = estate.elb(lb);
    if (e != null) {
      ClassicElb.Listener l = e.listener(port);
      if (l == null || !compatible(scheme, l.protocol())) {
        return b.build(); // refused: nothing listens there
      }
      b.reached = true;
      b.items.add(lb + " " + l.label());
      Spread.shares(estate.behindElb(lb), e.manualInstances(), e.zones(), e.crossZone())
          .forEach(
              (g, s) -> {
                if (!g.equals(Spread.MANUAL)) {
                  b.shares.put(g, s);
                }
              });
      return b.build();
    }
    V2LoadBalancer v = estate.v2(lb);
    V2LoadBalancer.Listener l = v.listener(port);
    if (l == null || !compatible(scheme, l.protocol())) {
      return b.build();
    }
    b.reached = true;
    b.items.add(lb + " " + l.label());
    Action action = l.defaultAction();
    boolean http = l.protocol().equals("HTTP") || l.protocol().equals("HTTPS");
    if (http) {
      b.items.add(lb + " default rule");
      for (Rule rule : l.rules()) {
        if (rule.conditions().stream().allMatch(c -> holds(c, host, path))) {
          action = rule.action();
          b.items.remove(lb + " default rule");
          b.items.add(lb + " rule " + rule.priority());
          break;
        }
      }
    }
    if (action instanceof Forward f) {
      forward(v, f, b);
    } else if (action instanceof Redirect r && depth < MAX_REDIRECTS) {
      String toScheme = r.protocol() == null ? scheme : r.protocol().toLowerCase(Locale.ROOT);
      int toPort = r.port() != null ? r.port() : port; // #{port} keeps the port, as AWS does
      b.add(
          Fraction.ONE,
          request(
              toScheme,
              r.host() == null ? host : r.host(),
              toPort,
              r.path() == null ? path : r.path(),
              depth + 1));
    }
    return b.build(); // a fixed response: served by no group
  }

  private void forward(V2LoadBalancer lb, Forward f, Answer.Builder b) {
    long total = f.groups().stream().mapToLong(AwsOracle::weight).sum();
    if (total == 0) {
      return; // every weight 0: nothing is forwarded
    }
    for (Weighted w : f.groups()) {
      b.tgs.add(w.targetGroup());
      if (weight(w) == 0) {
        continue;
      }
      TargetGroup tg = estate.targetGroup(w.targetGroup());
      boolean crossZone =
          switch (tg.crossZone()) {
            case "true" -> true;
            case "false" -> false;
            default -> lb.isAlb() || lb.crossZone();
          };
      Fraction p = Fraction.of(weight(w), total);
      // an empty target group keeps its weight: its share of requests gets a 503
      Spread.shares(estate.inTargetGroup(tg.name()), Map.of(), lb.zones(), crossZone)
          .forEach((g, s) -> b.shares.merge(g, p.times(s), Fraction::plus));
    }
  }

  private static long weight(Weighted w) {
    return w.weight() == null ? 1 : w.weight();
  }

  private static boolean holds(Condition c, String host, String path) {
    return switch (c.field()) {
      case "host-header" -> c.values().stream().anyMatch(p -> AwsPatterns.host(p, host));
      case "path-pattern" -> c.values().stream().anyMatch(p -> AwsPatterns.path(p, path));
      case "http-request-method" -> c.values().contains("GET");
      default -> false; // a header or query condition: the probe sends neither
    };
  }

  private static boolean compatible(String scheme, String protocol) {
    return scheme.equals("https")
        ? Set.of("HTTPS", "SSL", "TLS").contains(protocol)
        : Set.of("HTTP", "TCP", "TCP_UDP").contains(protocol);
  }

  private static Answer empty() {
    return new Answer.Builder().build();
  }

  /** Whether any record of any zone, public or private, of any weight points at {@code lb}. */
  public boolean referenced(String lb) {
    return estate.zones().stream()
        .flatMap(z -> z.records().stream())
        .anyMatch(r -> lb.equals(estate.loadBalancerByDns(r.target())));
  }

  /** Every name of the public zones that resolves to {@code lb} for some client. */
  public List<String> namesOf(String lb) {
    return estate.zones().stream()
        .filter(z -> !z.privateZone())
        .flatMap(z -> z.records().stream())
        .map(HostedZone.Record::name)
        .filter(n -> !n.startsWith("*"))
        .distinct()
        .sorted()
        .filter(n -> dns.resolve(n).loadBalancers().containsKey(lb))
        .toList();
  }
}
