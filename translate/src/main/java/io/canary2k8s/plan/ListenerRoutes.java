package io.canary2k8s.plan;

import io.canary2k8s.inventory.AutoScalingGroup;
import io.canary2k8s.inventory.BackendPolicy;
import io.canary2k8s.inventory.ClassicLoadBalancer;
import io.canary2k8s.inventory.Listener;
import io.canary2k8s.inventory.ListenerV2;
import io.canary2k8s.inventory.RuleAction;
import io.canary2k8s.inventory.TargetGroup;
import io.canary2k8s.names.Names;
import io.canary2k8s.notes.Notifier;
import io.canary2k8s.split.Fraction;
import io.canary2k8s.split.LoadBalancerShares;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToIntFunction;

/**
 * The TCP routes of a load balancer: one per TCP or SSL listener of a classic ELB and per TCP or
 * TLS listener of an NLB, with the split of that listener (a classic ELB's one split; an NLB
 * listener's own forward), its instance or target group port, TLS terminated at the edge for SSL
 * and TLS with the listener's certificate in a Secret, and the PROXY protocol where the instances
 * expect it. Its hosts are the names that point at the load balancer: the server names a TLS
 * listener is routed by, the names the DNS cutover moves.
 *
 * <p>Whether a route gets its port at the edge is decided for all apps at once ({@link EdgePorts}),
 * which notes what becomes of each listener; a route whose split has no instances is made all the
 * same, with no backends: whether its port is free decides its note, and it is left out.
 */
final class ListenerRoutes {
  /** The backends of a split, in the order of the weighted services (RoutePlanner's). */
  interface Backends {
    List<Route.Backend> of(SortedMap<String, Fraction> split, ToIntFunction<AutoScalingGroup> port);
  }

  /** An NLB target group attribute: its targets expect a PROXY protocol v2 header. */
  static final String PROXY_PROTOCOL_V2 = "proxy_protocol_v2.enabled";

  private final Estate estate;
  private final Notifier notes;

  ListenerRoutes(Estate estate, Notifier notes) {
    this.estate = estate;
    this.notes = notes;
  }

  /** A classic ELB listener that becomes a TCP route. */
  static boolean isTcp(Listener l) {
    return l.protocol().equals("TCP") || l.protocol().equals("SSL");
  }

  /** An ELBv2 (NLB) listener that becomes a TCP route. */
  static boolean isTcp(ListenerV2 l) {
    return l.protocol().equals("TCP") || l.protocol().equals("TLS");
  }

  /** Whether {@code lb} has a listener that becomes a TCP route. */
  boolean hasTcpListeners(String lb) {
    return estate.isV2(lb)
        ? estate.v2().loadBalancers().get(lb).listeners().stream()
            .anyMatch(l -> isTcp(l) && ElbV2Planner.forwards(l.defaultRule()))
        : estate.classic(lb).listeners().stream().anyMatch(ListenerRoutes::isTcp);
  }

  /**
   * The TCP routes of load balancer {@code lb} of an app, in listener order.
   *
   * @param hosts the names that point at {@code lb}
   */
  List<Route> of(
      String lb,
      List<String> hosts,
      SplitPlanner.Splits splits,
      RoutePlanner.Tracks tracks,
      RouteNames names,
      TlsSecrets secrets,
      Backends backends) {
    List<Route> out = new ArrayList<>();
    if (estate.isV2(lb)) {
      ListenerV2 main = estate.v2().mainListener(lb);
      for (ListenerV2 l : estate.v2().loadBalancers().get(lb).listeners()) {
        if (isTcp(l) && ElbV2Planner.forwards(l.defaultRule())) {
          LoadBalancerShares s =
              l == main
                  ? splits.shares().get(lb)
                  : splits.listenerShares().get(SplitPlanner.Splits.listenerKey(lb, l));
          out.add(nlbRoute(lb, l, s, hosts, tracks, names, secrets, backends));
        }
      }
      return out;
    }
    ClassicLoadBalancer elb = estate.classic(lb);
    for (Listener l : elb.listeners()) {
      if (isTcp(l)) {
        out.add(
            classicRoute(elb, l, splits.shares().get(lb), hosts, tracks, names, secrets, backends));
      }
    }
    return out;
  }

  private Route classicRoute(
      ClassicLoadBalancer elb,
      Listener l,
      LoadBalancerShares shares,
      List<String> hosts,
      RoutePlanner.Tracks tracks,
      RouteNames names,
      TlsSecrets secrets,
      Backends backends) {
    String label = l.protocol() + ":" + l.loadBalancerPort();
    Integer proxy = null;
    for (BackendPolicy p : elb.backendPolicies()) {
      if (p.instancePort() != l.instancePort()) {
        continue;
      }
      if (p.proxyProtocol()) {
        proxy = 1; // a classic ELB sends the PROXY protocol version 1 header
      } else if (!p.typeKnown()) {
        notes.warn(
            elb.name(),
            "Listener "
                + label
                + ": the policy "
                + p.name()
                + " of instance port "
                + l.instancePort()
                + " was not captured (elb/policies/"
                + elb.name()
                + ".json); if it is a ProxyProtocol policy, the instances expect a PROXY"
                + " protocol header that the TCP route does not send. Capture it and run again.");
      }
    }
    Route.TcpListener listener =
        new Route.TcpListener(
            l.protocol(), l.loadBalancerPort(), l.protocol().equals("SSL"), proxy);
    SortedMap<String, Fraction> split = nonZero(shares);
    String certificate = listener.terminatesTls() ? l.sslCertificateId() : null;
    return route(
        elb.name(),
        listener,
        split,
        hosts,
        tracks,
        names,
        secrets,
        certificate,
        backends.of(split, g -> l.instancePort()));
  }

  private Route nlbRoute(
      String lb,
      ListenerV2 l,
      LoadBalancerShares shares,
      List<String> hosts,
      RoutePlanner.Tracks tracks,
      RouteNames names,
      TlsSecrets secrets,
      Backends backends) {
    String label = l.protocol() + ":" + l.port();
    ElbV2Planner v2 = estate.v2();
    Set<String> proxyV2 = new TreeSet<>();
    Set<String> plain = new TreeSet<>();
    for (RuleAction.WeightedTargetGroup w :
        ElbV2Planner.finalAction(l.defaultRule()).targetGroups()) {
      TargetGroup tg = v2.targetGroup(w.targetGroupArn());
      if ("true".equals(tg.attributes().get(PROXY_PROTOCOL_V2))) {
        proxyV2.add(tg.name());
      } else {
        plain.add(tg.name());
        if (tg.attributes().isEmpty()) {
          notes.warn(
              lb,
              "Listener "
                  + label
                  + ": the attributes of target group "
                  + tg.name()
                  + " were not captured, so whether its targets expect a PROXY protocol v2 header"
                  + " ("
                  + PROXY_PROTOCOL_V2
                  + ") is not known; the TCP route sends none.");
        }
      }
      if ("TLS".equals(tg.protocol())) {
        notes.warn(
            lb,
            "Listener "
                + label
                + " speaks TLS to the targets of target group "
                + tg.name()
                + "; the TCP route forwards plain TCP to the Services unless a TLS"
                + " ServersTransportTCP is added.");
      }
    }
    if (!proxyV2.isEmpty() && !plain.isEmpty()) {
      notes.warn(
          lb,
          "Listener "
              + label
              + " forwards to target groups "
              + proxyV2
              + " with PROXY protocol v2 and "
              + plain
              + " without; the TCP route sends the header to every Service of the split.");
    }
    Route.TcpListener listener =
        new Route.TcpListener(
            l.protocol(), l.port(), l.protocol().equals("TLS"), proxyV2.isEmpty() ? null : 2);
    String certificate = null;
    if (listener.terminatesTls()) {
      certificate = l.certificateArns().isEmpty() ? null : l.certificateArns().get(0);
      if (l.certificateArns().size() > 1) {
        notes.warn(
            lb,
            "Listener "
                + label
                + " has "
                + l.certificateArns().size()
                + " certificates (chosen by server name); the TCP route's one Secret must hold a"
                + " certificate for every name its clients use.");
      }
    }
    SortedMap<String, Fraction> split = nonZero(shares);
    return route(
        lb,
        listener,
        split,
        hosts,
        tracks,
        names,
        secrets,
        certificate,
        backends.of(
            split,
            g -> {
              Integer p = v2.port(g, l.defaultRule());
              return p != null ? p : l.port();
            }));
  }

  private Route route(
      String lb,
      Route.TcpListener listener,
      SortedMap<String, Fraction> split,
      List<String> hosts,
      RoutePlanner.Tracks tracks,
      RouteNames names,
      TlsSecrets secrets,
      String certificate,
      List<Route.Backend> backends) {
    String label = listener.label();
    String wanted =
        Names.label(
            lb + "-" + listener.protocol().toLowerCase(Locale.ROOT) + "-" + listener.port());
    String name = names.reserve(wanted, lb + " " + label);
    Route.Builder route =
        Route.forListener(name, lb, listener)
            .hosts(hosts)
            .backends(backends)
            // a step moves traffic between stable and canaries: an app without a canary has none
            .split(tracks.canSplit(split));
    if (listener.terminatesTls()) {
      route.tlsSecret(secrets.forListener(name, lb, label, hosts, certificate));
      route.certificateArn(certificate);
    }
    if (listener.terminatesTls() && hosts.isEmpty() && !backends.isEmpty()) {
      notes.warn(
          lb,
          "No Route53 name points at the load balancer: TCP route "
              + name
              + " of listener "
              + label
              + " takes TLS connections for every server name on entry point "
              + listener.entryPoint()
              + ", and its Secret needs a certificate for the names its clients use.");
    }
    return route.build();
  }

  private static SortedMap<String, Fraction> nonZero(LoadBalancerShares shares) {
    SortedMap<String, Fraction> split =
        new TreeMap<>(shares == null ? new TreeMap<>() : shares.shares());
    split.values().removeIf(Fraction::isZero);
    return split;
  }
}
