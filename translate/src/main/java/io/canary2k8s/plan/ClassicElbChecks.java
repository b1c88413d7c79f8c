package io.canary2k8s.plan;

import io.canary2k8s.inventory.ClassicLoadBalancer;
import io.canary2k8s.inventory.Listener;
import io.canary2k8s.notes.Notifier;

/**
 * What a classic ELB does that the bundle does not do, as notes: listeners other than HTTP:80 and
 * HTTPS:443, TLS to the instances, stickiness, an idle timeout, no health check. Called once per
 * ELB of an app.
 *
 * <p>When TCP/SSL listeners become TCP routes, the listener note here says so, and the routes are
 * made with the others ({@link RoutePlanner}).
 */
final class ClassicElbChecks {
  private ClassicElbChecks() {}

  /** Notes what {@code lb} does that is not migrated. */
  static void check(ClassicLoadBalancer lb, Notifier notes) {
    for (Listener l : lb.listeners()) {
      boolean web = l.protocol().equals("HTTP") && l.loadBalancerPort() == 80;
      boolean secure = l.protocol().equals("HTTPS") && l.loadBalancerPort() == 443;
      if (!web && !secure) {
        notes.warn(
            lb.name(),
            "Listener "
                + l.protocol()
                + ":"
                + l.loadBalancerPort()
                + " -> "
                + l.instanceProtocol()
                + ":"
                + l.instancePort()
                + " is not mapped: the edge serves HTTP on 80 and HTTPS on"
                + " 443 only"
                + (l.protocol().equals("TCP") || l.protocol().equals("SSL")
                    ? " (TCP/SSL listeners would need an IngressRouteTCP)."
                    : "."));
      }
      if (l.instanceProtocol().equals("HTTPS") || l.instanceProtocol().equals("SSL")) {
        notes.warn(
            lb.name(),
            "Listener "
                + l.protocol()
                + ":"
                + l.loadBalancerPort()
                + " speaks "
                + l.instanceProtocol()
                + " to the instances; Traefik forwards plain HTTP to the"
                + " Services unless a ServersTransport is added.");
      }
    }
    for (String p : lb.policies()) {
      if (p.contains("stickiness")) {
        notes.warn(
            lb.name(),
            "Stickiness policy "
                + p.substring(p.indexOf(':') + 1)
                + " is not mapped; Traefik weights apply per request.");
      }
    }
    if (lb.idleTimeoutSeconds() != null && lb.idleTimeoutSeconds() != 60) {
      notes.info(
          lb.name(),
          "Idle timeout "
              + lb.idleTimeoutSeconds()
              + " s is not mapped (Traefik's entry point timeouts apply).");
    }
    if (lb.healthCheck() == null) {
      notes.warn(lb.name(), "No health check captured; the tracks get no readiness probe.");
    }
  }
}
