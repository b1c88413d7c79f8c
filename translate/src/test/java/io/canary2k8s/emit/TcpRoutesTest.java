package io.canary2k8s.emit;

import static org.assertj.core.api.Assertions.assertThat;

import io.canary2k8s.plan.App;
import io.canary2k8s.plan.Route;
import io.canary2k8s.split.Fraction;
import io.traefik.v1alpha1.ingressroutetcpspec.routes.Services;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What Traefik v3 and the Gateway API make of a TCP route. */
class TcpRoutesTest {
  static Route route(Route.TcpListener listener, List<String> hosts) {
    Route.Builder b =
        Route.forListener("mq-ssl-8883", "mq", listener)
            .hosts(hosts)
            .backends(
                List.of(
                    new Route.Backend("mq", 1883, Fraction.of(2, 3)),
                    new Route.Backend("mq-canary", 1883, Fraction.of(1, 3))));
    if (listener.terminatesTls()) {
      b.tlsSecret("mq-ssl-8883-tls");
    }
    return b.build();
  }

  static App app() {
    return new App("mq", "mq", List.of("mq"), List.of(), List.of(), List.of(), List.of());
  }

  @Test
  void plainTcpTakesEveryConnectionWhateverTheNames() {
    Route r = route(new Route.TcpListener("TCP", 1883, false, null), List.of("mq.example.com"));
    assertThat(TraefikV3Tcp.bySni(r)).isFalse();
    assertThat(TraefikV3Tcp.ingressRouteTcp(app(), r).getSpec().getRoutes())
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.getMatch()).isEqualTo("HostSNI(`*`)");
              assertThat(x.getPriority()).isNull();
            });
  }

  @Test
  void tlsIsRoutedByTheNamesAWildcardByARegexpOfOneOrMoreLabels() {
    Route r =
        route(
            new Route.TcpListener("SSL", 8883, true, null),
            List.of("*.mq.example.com", "mq.example.com"));
    // one router per rank, the explicit name first: a long rule of one route's names must not
    // outrank another route's exact name
    var routes = TraefikV3Tcp.ingressRouteTcp(app(), r).getSpec().getRoutes();
    assertThat(routes)
        .extracting(x -> x.getMatch())
        .containsExactly("HostSNI(`mq.example.com`)", "HostSNIRegexp(`^.+\\.mq\\.example\\.com$`)");
    assertThat(routes.get(0).getPriority()).isGreaterThan(routes.get(1).getPriority());
    assertThat(TraefikV3Tcp.weightPatch(app(), r).ops())
        .extracting(WeightPatch.Op::path)
        .containsExactly("/spec/routes/0/services", "/spec/routes/1/services");
    assertThat(TraefikV3Tcp.ingressRouteTcp(app(), r).getSpec().getTls().getSecretName())
        .isEqualTo("mq-ssl-8883-tls");
  }

  @Test
  void servicesCarryTheExactRatioAndTheProxyProtocolVersion() {
    Route r = route(new Route.TcpListener("SSL", 8883, true, 1), List.of("mq.example.com"));
    List<Services> s = TraefikV3Tcp.services(r);
    assertThat(s).extracting(Services::getName).containsExactly("mq", "mq-canary");
    assertThat(s).extracting(Services::getWeight).containsExactly(2L, 1L);
    assertThat(s).allSatisfy(x -> assertThat(x.getProxyProtocol().getVersion()).isEqualTo(1L));
  }

  @Test
  void theGatewayApiCannotCarryPlainTcpOnTheHttpPortsNorTlsWithoutNames() {
    assertThat(
            GatewayApiTcp.expressible(
                route(new Route.TcpListener("TCP", 443, false, null), List.of())))
        .isFalse();
    assertThat(
            GatewayApiTcp.expressible(
                route(new Route.TcpListener("TLS", 6380, true, null), List.of())))
        .isFalse();
    assertThat(
            GatewayApiTcp.expressible(
                route(new Route.TcpListener("TLS", 6380, true, null), List.of("q.example.com"))))
        .isTrue();
  }

  @Test
  void tlsListenerNamesAreValidSectionNames() {
    assertThat(GatewayApiTcp.tlsListenerName(8883, "mq.example.com"))
        .isEqualTo("tls-8883.mq.example.com");
    assertThat(GatewayApiTcp.tlsListenerName(8883, "*.mq.example.com"))
        .isEqualTo("tls-8883-wildcard.mq.example.com");
    assertThat(GatewayApiTcp.tlsListenerName(8883, "x".repeat(250) + ".example.com"))
        .matches("tls-8883-[0-9a-f]+");
  }
}
