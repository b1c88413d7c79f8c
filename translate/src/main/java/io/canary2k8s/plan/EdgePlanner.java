package io.canary2k8s.plan;

import io.canary2k8s.config.Config;
import io.canary2k8s.notes.Notifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The edge Traefik that takes the load balancers' place: its namespace, nodes, image and node ports
 * (canary2k8s.yaml, else the target's defaults), whether the web entry point redirects HTTP to
 * HTTPS as a whole (every route that serves HTTP redirects) or route by route, and the host network
 * when asked for, each noted.
 */
final class EdgePlanner {
  /** The edge's entry point ports inside the pod (EdgeEmitter's), named for notes. */
  static final String EDGE_PORTS = "8000 (HTTP), 8443 (HTTPS) and 9000 (ping)";

  private final Estate estate;
  private final PlanOptions options;
  private final Notifier notes;

  EdgePlanner(Estate estate, PlanOptions options, Notifier notes) {
    this.estate = estate;
    this.options = options;
    this.notes = notes;
  }

  /** The edge in front of {@code apps}, which have no TCP route. */
  Edge edge(List<App> apps) {
    return edge(apps, List.of());
  }

  /**
   * The edge in front of {@code apps}, with the entry points of their TCP routes on ports of their
   * own ({@link EdgePorts}); a TCP route on 443 needs the websecure entry point.
   */
  Edge edge(List<App> apps, List<Edge.TcpEntryPoint> tcpEntryPoints) {
    Config.EdgeConfig ec = options.config().edge();
    boolean anyHttps =
        apps.stream()
            .flatMap(a -> a.routes().stream())
            .anyMatch(r -> r.https() || r.isTcp() && r.listener().port() == 443);
    boolean allBoth = !apps.isEmpty();
    boolean anyBoth = false;
    for (App a : apps) {
      for (Route r : a.routes()) {
        allBoth &= r.redirectsToHttps() || !r.http();
        anyBoth |= r.redirectsToHttps();
      }
    }
    boolean redirect = anyBoth && allBoth;
    boolean onlyV2Redirects =
        apps.stream()
            .flatMap(a -> a.routes().stream())
            .filter(Route::redirectsToHttps)
            .allMatch(r -> r.loadBalancers().stream().allMatch(estate::isV2));
    if (redirect && onlyV2Redirects) {
      notes.info(
          ec.namespace(),
          "Every load balancer redirected HTTP:80 to HTTPS:443; the edge redirects HTTP to"
              + " HTTPS the same way.");
    } else if (redirect) {
      notes.info(
          ec.namespace(),
          "Every load balancer listened on HTTP:80 and HTTPS:443; the edge"
              + " redirects HTTP to HTTPS (a classic ELB did not redirect: remove the redirect if"
              + " clients need plain HTTP).");
    } else if (anyBoth) {
      List<String> plain = new ArrayList<>();
      List<String> redirected = new ArrayList<>();
      for (App a : apps) {
        for (Route r : a.routes()) {
          if (r.redirectsToHttps()) {
            redirected.addAll(r.hosts());
          } else if (r.http()) {
            plain.addAll(r.hosts());
          }
        }
      }
      notes.info(
          ec.namespace(),
          "Some load balancers listened on both HTTP:80 and HTTPS:443 and"
              + " others on HTTP only: the hosts "
              + redirected
              + " redirect HTTP to HTTPS route by route"
              + " (a classic ELB did not redirect: remove the redirect if clients need plain HTTP); "
              + plain
              + " serve plain HTTP.");
    }
    if (options.edgeHostNetwork()) {
      notes.warn(
          ec.namespace(),
          "--edge-host-network: the edge pods use the nodes' network (hostNetwork, dnsPolicy"
              + " ClusterFirstWithHostNet) and bind ports "
              + EDGE_PORTS
              + (tcpEntryPoints.isEmpty()
                  ? ""
                  : " and "
                      + tcpEntryPoints.stream()
                          .map(e -> e.containerPort() + " (" + e.name() + ")")
                          .toList())
              + " on every edge node's own addresses; Pod"
              + " Security Standard restricted and baseline both forbid host namespaces, so namespace "
              + ec.namespace()
              + " enforces privileged (warn and audit stay restricted). Keep those node ports free and firewalled.");
    }
    return Edge.in(ec.namespace())
        .onNodes(ec.nodeLabelKey(), ec.nodeLabelValue())
        .image(ec.image() != null ? ec.image() : options.edgeImage())
        .redirectHttpToHttps(redirect)
        .https(anyHttps)
        .nodePorts(ec.webNodePort(), ec.websecureNodePort())
        .hostNetwork(options.edgeHostNetwork())
        .tcpEntryPoints(tcpEntryPoints)
        .build();
  }
}
