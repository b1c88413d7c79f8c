package io.canary2k8s.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.canary2k8s.inventory.ClassicLoadBalancer;
import io.canary2k8s.inventory.CrossZone;
import io.canary2k8s.inventory.HealthCheck;
import io.canary2k8s.inventory.Listener;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassicElbChecksTest {
  static ClassicLoadBalancer lb(
      List<Listener> listeners, HealthCheck hc, Integer idle, List<String> policies) {
    return new ClassicLoadBalancer(
        "web",
        TestEstates.dns("web"),
        "internet-facing",
        List.of(TestEstates.A),
        listeners,
        hc,
        List.of(),
        CrossZone.ENABLED,
        null,
        idle,
        policies,
        Map.of());
  }

  static List<String> check(ClassicLoadBalancer lb) {
    TestEstates.Recorder notes = new TestEstates.Recorder();
    ClassicElbChecks.check(lb, notes);
    return notes.notes;
  }

  static final HealthCheck HC = new HealthCheck("HTTP:8080/", 10, 5, 2, 3);

  @Test
  void httpAndHttps_atTheDefaults_noNote() {
    assertThat(
            check(
                lb(
                    List.of(TestEstates.http(8080), TestEstates.https(8080, "arn:cert")),
                    HC,
                    60,
                    List.of())))
        .isEmpty();
  }

  @Test
  void httpOnOtherPorts_isAnError_tcpAndSslAreTcpRoutes_notNotedHere() {
    assertThat(
            check(
                lb(
                    List.of(
                        new Listener("TCP", 5672, "TCP", 5672, null),
                        new Listener("SSL", 5671, "TCP", 5672, "arn:cert"),
                        new Listener("HTTP", 8080, "HTTP", 8080, null),
                        new Listener("HTTPS", 8443, "HTTP", 8080, "arn:cert")),
                    HC,
                    null,
                    List.of())))
        .containsExactly(
            "ERROR web: Listener HTTP:8080 -> HTTP:8080 is not migrated: the edge routes HTTP on"
                + " port 80 and HTTPS on 443 by host, and TCP and SSL listeners on their own ports;"
                + " its clients get no answer from the edge on port 8080. Move them to HTTP:80 or"
                + " HTTPS:443 before the cutover.",
            "ERROR web: Listener HTTPS:8443 -> HTTP:8080 is not migrated: the edge routes HTTP on"
                + " port 80 and HTTPS on 443 by host, and TCP and SSL listeners on their own ports;"
                + " its clients get no answer from the edge on port 8443. Move them to HTTP:80 or"
                + " HTTPS:443 before the cutover.");
  }

  @Test
  void tlsToTheInstances_stickiness_idleTimeout_noHealthCheck_areNoted() {
    assertThat(
            check(
                lb(
                    List.of(new Listener("HTTPS", 443, "HTTPS", 8443, "arn:cert")),
                    null,
                    300,
                    List.of("lb-cookie-stickiness:sticky-1"))))
        .containsExactly(
            "WARNING web: Listener HTTPS:443 speaks HTTPS to the instances; Traefik forwards plain"
                + " HTTP to the Services unless a ServersTransport is added.",
            "WARNING web: Stickiness policy sticky-1 is not mapped; Traefik weights apply per"
                + " request.",
            "INFO web: Idle timeout 300 s is not mapped (Traefik's entry point timeouts apply).",
            "WARNING web: No health check captured; the tracks get no readiness probe.");
  }
}
