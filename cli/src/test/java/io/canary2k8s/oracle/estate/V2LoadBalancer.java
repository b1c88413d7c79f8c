package io.canary2k8s.oracle.estate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An Application or Network Load Balancer: its zones, its cross-zone attribute (an NLB's; an ALB's
 * is always on) and its listeners with their rules.
 */
public record V2LoadBalancer(
    String name,
    String type,
    String dnsName,
    List<String> zones,
    boolean crossZone,
    List<V2LoadBalancer.Listener> listeners) {

  /** A listener: protocol, port, rules in priority order, and the default action. */
  public record Listener(String protocol, int port, List<Rule> rules, Action defaultAction) {
    public Listener {
      rules = rules.stream().sorted(Comparator.comparingInt(Rule::priority)).toList();
    }

    public Listener rule(int priority, Action action, Condition... conditions) {
      List<Rule> r = new ArrayList<>(rules);
      r.add(new Rule(priority, List.of(conditions), action));
      return new Listener(protocol, port, r, defaultAction);
    }

    public String label() {
      return protocol + ":" + port;
    }
  }

  /** A rule: all its conditions must hold. */
  public record Rule(int priority, List<Condition> conditions, Action action) {
    public Rule {
      conditions = List.copyOf(conditions);
    }
  }

  /**
   * A condition: {@code host-header}, {@code path-pattern}, {@code http-request-method} (values),
   * {@code http-header} (a header name and values), {@code query-string} (values {@code
   * key=value}).
   */
  public record Condition(String field, String headerName, List<String> values) {
    public Condition {
      values = List.copyOf(values);
    }

    public static Condition host(String... values) {
      return new Condition("host-header", null, List.of(values));
    }

    public static Condition path(String... values) {
      return new Condition("path-pattern", null, List.of(values));
    }

    public static Condition method(String... values) {
      return new Condition("http-request-method", null, List.of(values));
    }

    public static Condition header(String name, String... values) {
      return new Condition("http-header", name, List.of(values));
    }

    public static Condition query(String... keyValues) {
      return new Condition("query-string", null, List.of(keyValues));
    }
  }

  /** What a rule does. */
  public sealed interface Action permits Forward, Redirect, Fixed {}

  /**
   * A forward to weighted target groups; {@code weight} null is a tuple without {@code Weight}
   * (counts 1). {@code plain} writes the single-group {@code TargetGroupArn} form only (moto's).
   */
  public record Forward(List<Weighted> groups, boolean plain) implements Action {
    public Forward {
      groups = List.copyOf(groups);
    }
  }

  public record Weighted(String targetGroup, Integer weight) {}

  /** A redirect; null parts keep the request's ({@code #{host}} and so on). */
  public record Redirect(String protocol, Integer port, String host, String path, int status)
      implements Action {}

  public record Fixed(int status) implements Action {}

  public V2LoadBalancer {
    zones = List.copyOf(zones);
    listeners = List.copyOf(listeners);
  }

  public static V2LoadBalancer alb(String name) {
    return new V2LoadBalancer(
        name, "application", dns(name), Zones.full("a", "b"), true, List.of());
  }

  /** An NLB; cross-zone off, the NLB default. */
  public static V2LoadBalancer nlb(String name) {
    return new V2LoadBalancer(name, "network", dns(name), Zones.full("a", "b"), false, List.of());
  }

  private static String dns(String name) {
    return Zones.dnsLabel(name)
        + "-"
        + Math.abs(name.hashCode() % 1_000_000_000L)
        + "."
        + Zones.REGION
        + ".elb.amazonaws.com";
  }

  public boolean isAlb() {
    return type.equals("application");
  }

  public V2LoadBalancer zones(String... z) {
    return new V2LoadBalancer(name, type, dnsName, Zones.full(z), crossZone, listeners);
  }

  public V2LoadBalancer crossZone(boolean on) {
    return new V2LoadBalancer(name, type, dnsName, zones, on, listeners);
  }

  public V2LoadBalancer listener(Listener l) {
    List<Listener> ls = new ArrayList<>(listeners);
    ls.add(l);
    return new V2LoadBalancer(name, type, dnsName, zones, crossZone, ls);
  }

  public Listener listener(int port) {
    return listeners.stream().filter(l -> l.port() == port).findFirst().orElse(null);
  }

  // ---- shorthands for the hand-built estates -------------------------------------------------

  public static Listener listen(String protocol, int port, Action defaultAction) {
    return new Listener(protocol, port, List.of(), defaultAction);
  }

  /** {@code forward("stable", 90, "canary", 10)}, or {@code forward("stable")} (plain form). */
  public static Forward forward(Object... groupsAndWeights) {
    List<Weighted> w = new ArrayList<>();
    if (groupsAndWeights.length == 1) {
      return new Forward(List.of(new Weighted((String) groupsAndWeights[0], null)), true);
    }
    for (int i = 0; i < groupsAndWeights.length; i += 2) {
      w.add(new Weighted((String) groupsAndWeights[i], (Integer) groupsAndWeights[i + 1]));
    }
    return new Forward(w, false);
  }

  public static Redirect toHttps() {
    return new Redirect("HTTPS", 443, null, null, 301);
  }
}
