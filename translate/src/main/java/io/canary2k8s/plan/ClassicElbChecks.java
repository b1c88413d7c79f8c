package io.canary2k8s.plan;

import io.canary2k8s.inventory.ClassicLoadBalancer;
import io.canary2k8s.inventory.Listener;
import io.canary2k8s.notes.Notifier;

/**
 * What a classic ELB does that the bundle does not do, as notes: HTTP and HTTPS listeners on other
 * ports than 80 and 443 (an ERROR each: nothing routes them), TLS to the instances, stickiness, an
 * idle timeout, no health check. Called once per ELB of an app.
 *
 * <p>TCP and SSL listeners become TCP routes ({@link ListenerRoutes}, which notes each).
 */
final class ClassicElbChecks {
  private ClassicElbChecks() {}

  /** Notes what {@code lb} does that is not migrated. */
  static void check(ClassicLoadBalancer lb, Notifier notes) {
    for (Listener l : lb.listeners()) {
      boolean web = l.protocol().equals("HTTP") && l.loadBalancerPort() == 80;
      boolean secure = l.protocol().equals("HTTPS") && l.loadBalancerPort() == 443;
      if (!web && !secure && !ListenerRoutes.isTcp(l)) {
        notes.error(
            lb.name(),
            "Listener "
                + l.protocol()
                + ":"
                + l.loadBalancerPort()
                + " -> "
                + l.instanceProtocol()
                + ":"
                + l.instancePort()
                + " is not migrated: the edge routes HTTP on port 80 and HTTPS on 443 by host,"
                + " and TCP and SSL listeners on their own ports; its clients get no answer from"
                + " the edge on port "
                + l.loadBalancerPort()
                + ". Move them to HTTP:80 or HTTPS:443 before the cutover.");
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
