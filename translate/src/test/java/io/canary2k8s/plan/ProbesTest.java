package io.canary2k8s.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.canary2k8s.inventory.ClassicLoadBalancer;
import io.canary2k8s.inventory.CrossZone;
import io.canary2k8s.inventory.HealthCheck;
import io.canary2k8s.inventory.TargetGroup;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProbesTest {
  final TestEstates.Recorder notes = new TestEstates.Recorder();
  final Probes probes = new Probes(notes);

  static ClassicLoadBalancer lb(String target, int interval, int timeout) {
    return new ClassicLoadBalancer(
        "web",
        TestEstates.dns("web"),
        null,
        List.of(TestEstates.A),
        List.of(),
        new HealthCheck(target, interval, timeout, 2, 3),
        List.of(),
        CrossZone.ENABLED,
        null,
        null,
        List.of(),
        Map.of());
  }

  static TargetGroup tg(String protocol, String port, String path) {
    return new TargetGroup(
        "web-tg",
        "arn:tg/web-tg",
        "HTTP",
        8080,
        "instance",
        List.of(),
        protocol,
        port,
        path,
        null,
        null,
        null,
        null,
        Map.of());
  }

  @Test
  void classic_http_withItsPath_theTimeoutAtMostTheInterval() {
    assertThat(probes.of(lb("HTTP:8080/status", 5, 10)))
        .isEqualTo(new Track.Probe("HTTP", 8080, "/status", 5, 5, 2, 3, "web: HTTP:8080/status"));
    assertThat(notes.notes).isEmpty();
  }

  @Test
  void classic_https_withoutAPath_isTheRoot() {
    assertThat(probes.of(lb("https:8443", 10, 5)).path()).isEqualTo("/");
    assertThat(probes.of(lb("https:8443", 10, 5)).scheme()).isEqualTo("HTTPS");
  }

  @Test
  void classic_tcpAndSsl_areTcpProbes_sslWithANote() {
    assertThat(probes.of(lb("TCP:5672", 10, 5)))
        .isEqualTo(new Track.Probe("TCP", 5672, null, 10, 5, 2, 3, "web: TCP:5672"));
    assertThat(notes.notes).isEmpty();
    assertThat(probes.of(lb("SSL:443", 10, 5)).scheme()).isEqualTo("TCP");
    assertThat(notes.notes)
        .containsExactly(
            "INFO web: SSL health check becomes a TCP probe (the TLS handshake is not checked).");
  }

  @Test
  void classic_notATarget_noProbe_withAWarning() {
    assertThat(probes.of(lb("UDP:53", 10, 5))).isNull();
    assertThat(notes.notes)
        .containsExactly(
            "WARNING web: Health check target 'UDP:53' is not PROTOCOL:PORT[PATH]; no probe.");
  }

  @Test
  void targetGroup_theAwsDefaults_onTheTrafficPort() {
    assertThat(probes.of(tg("HTTP", "traffic-port", null)))
        .isEqualTo(new Track.Probe("HTTP", 8080, "/", 30, 5, 5, 2, "web-tg: HTTP:traffic-port/"));
    assertThat(probes.of(tg(null, null, "/healthz")))
        .isEqualTo(
            new Track.Probe(
                "HTTP", 8080, "/healthz", 30, 5, 5, 2, "web-tg: HTTP:traffic-port/healthz"));
  }

  @Test
  void targetGroup_tcpOnItsOwnPort() {
    assertThat(probes.of(tg("TCP", "9000", null)))
        .isEqualTo(new Track.Probe("TCP", 9000, null, 30, 5, 5, 2, "web-tg: TCP:9000"));
  }

  @Test
  void targetGroup_noHealthCheck_orNotAPort_noProbe() {
    assertThat(probes.of(tg(null, null, null))).isNull();
    assertThat(notes.notes).isEmpty();
    assertThat(probes.of(tg("HTTP", "70000", "/"))).isNull();
    assertThat(notes.notes)
        .containsExactly(
            "WARNING arn:tg/web-tg: Health check port '70000' of target group web-tg is not a"
                + " port; no probe.");
  }
}
