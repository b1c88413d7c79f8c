package io.canary2k8s.plan;

import io.canary2k8s.inventory.ClassicLoadBalancer;
import io.canary2k8s.inventory.HealthCheck;
import io.canary2k8s.inventory.TargetGroup;
import io.canary2k8s.notes.Notifier;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Readiness probes from load balancer health checks: a classic ELB's {@code PROTOCOL:PORT[PATH]}
 * target, or a target group's health check settings (with the AWS defaults where not captured).
 * HTTP and HTTPS checks stay HTTP(S) probes; TCP and SSL checks become TCP probes.
 */
final class Probes {
  private static final Pattern HEALTH_TARGET =
      Pattern.compile("^(HTTP|HTTPS|TCP|SSL):(\\d{1,5})(/.*)?$", Pattern.CASE_INSENSITIVE);

  private final Notifier notes;

  Probes(Notifier notes) {
    this.notes = notes;
  }

  /** A readiness probe from a target group's health check; null when it has none. */
  Track.Probe of(TargetGroup tg) {
    if (tg.healthCheckProtocol() == null && tg.healthCheckPath() == null) {
      return null;
    }
    String protocol =
        tg.healthCheckProtocol() == null
            ? "HTTP"
            : tg.healthCheckProtocol().toUpperCase(Locale.ROOT);
    String scheme =
        switch (protocol) {
          case "HTTP" -> "HTTP";
          case "HTTPS" -> "HTTPS";
          default -> "TCP";
        };
    String hp = tg.healthCheckPort();
    Integer port =
        hp == null || hp.equals("traffic-port")
            ? tg.port()
            : hp.matches("\\d{1,5}") ? Integer.valueOf(hp) : null;
    if (port == null || port < 1 || port > 65535) {
      notes.warn(
          tg.arn(),
          "Health check port '"
              + hp
              + "' of target group "
              + tg.name()
              + " is not a port; no probe.");
      return null;
    }
    String path =
        scheme.equals("TCP") ? null : tg.healthCheckPath() == null ? "/" : tg.healthCheckPath();
    int interval = tg.healthCheckIntervalSeconds() == null ? 30 : tg.healthCheckIntervalSeconds();
    int timeout = tg.healthCheckTimeoutSeconds() == null ? 5 : tg.healthCheckTimeoutSeconds();
    return new Track.Probe(
        scheme,
        port,
        path,
        interval,
        Math.min(timeout, interval),
        tg.healthyThresholdCount() == null ? 5 : tg.healthyThresholdCount(),
        tg.unhealthyThresholdCount() == null ? 2 : tg.unhealthyThresholdCount(),
        tg.name()
            + ": "
            + protocol
            + ":"
            + (hp == null ? "traffic-port" : hp)
            + (path == null ? "" : path));
  }

  /** A readiness probe from a classic ELB's health check; null when its target is not one. */
  Track.Probe of(ClassicLoadBalancer lb) {
    HealthCheck hc = lb.healthCheck();
    Matcher m = HEALTH_TARGET.matcher(hc.target());
    if (!m.matches()) {
      notes.warn(
          lb.name(),
          "Health check target '" + hc.target() + "' is not PROTOCOL:PORT[PATH]; no probe.");
      return null;
    }
    String protocol = m.group(1).toUpperCase(Locale.ROOT);
    int port = Integer.parseInt(m.group(2));
    String path = m.group(3);
    String scheme =
        switch (protocol) {
          case "HTTP" -> "HTTP";
          case "HTTPS" -> "HTTPS";
          default -> "TCP";
        };
    if (scheme.equals("TCP")) {
      path = null;
      if (protocol.equals("SSL")) {
        notes.info(
            lb.name(), "SSL health check becomes a TCP probe (the TLS handshake is not checked).");
      }
    } else if (path == null) {
      path = "/";
    }
    return new Track.Probe(
        scheme,
        port,
        path,
        hc.interval(),
        Math.min(hc.timeout(), hc.interval()),
        hc.healthyThreshold(),
        hc.unhealthyThreshold(),
        lb.name() + ": " + hc.target());
  }
}
