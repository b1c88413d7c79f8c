package io.canary2k8s.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.canary2k8s.split.Fraction;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteTest {
  static final Route.Backend STABLE = new Route.Backend("web", 8080, Fraction.of(9, 10));
  static final Route.Backend CANARY = new Route.Backend("web-canary", 8080, Fraction.of(1, 10));

  @Test
  void forHosts_unsetValues_everyPathNoPriorityNoRuleNothingServed() {
    Route r =
        Route.forHosts("web", List.of("web"), List.of("b.example.com", "a.example.com")).build();
    assertThat(r.hosts()).containsExactly("a.example.com", "b.example.com");
    assertThat(r.http()).isFalse();
    assertThat(r.https()).isFalse();
    assertThat(r.tlsSecret()).isNull();
    assertThat(r.paths()).isEmpty();
    assertThat(r.priority()).isNull();
    assertThat(r.rule()).isNull();
    assertThat(r.split()).isFalse();
    assertThat(r.backends()).isEmpty();
  }

  @Test
  void forHosts_namedValues_landInTheirComponents() {
    Route r =
        Route.forHosts("web", List.of("web-b", "web-a"), List.of("web.example.com"))
            .http(true)
            .https("web-tls")
            .certificateArn("arn:aws:acm:eu-west-1:1:certificate/x")
            .redirectHttpToHttps(true)
            .backends(List.of(STABLE, CANARY))
            .split(true)
            .build();
    assertThat(r)
        .isEqualTo(
            new Route(
                "web",
                List.of("web-a", "web-b"),
                List.of("web.example.com"),
                true,
                true,
                "web-tls",
                "arn:aws:acm:eu-west-1:1:certificate/x",
                List.of(STABLE, CANARY),
                true,
                true,
                List.of(),
                null,
                null,
                null,
                List.of()));
    assertThat(r.redirectsToHttps()).isTrue();
  }

  @Test
  void forRule_keepsItsRuleAndPriority_pathsSorted() {
    Route r =
        Route.forRule("alb-rule-10", "alb", "alb HTTPS:443 rule 10", 10)
            .hosts(List.of("api.example.com"))
            .paths(
                List.of(
                    new Route.PathMatch("/b", false),
                    new Route.PathMatch("/a", true),
                    new Route.PathMatch("/a", false)))
            .https("alb-tls")
            .build();
    assertThat(r.loadBalancers()).containsExactly("alb");
    assertThat(r.rule()).isEqualTo("alb HTTPS:443 rule 10");
    assertThat(r.priority()).isEqualTo(10);
    assertThat(r.paths())
        .containsExactly(
            new Route.PathMatch("/a", false),
            new Route.PathMatch("/a", true),
            new Route.PathMatch("/b", false));
  }

  @Test
  void redirectsToHttps_onlyWhenServingBoth() {
    Route httpOnly =
        Route.forHosts("web", List.of("web"), List.of("h"))
            .http(true)
            .redirectHttpToHttps(true)
            .build();
    assertThat(httpOnly.redirectsToHttps()).isFalse();
    assertThat(httpOnly.toBuilder().https("web-tls").build().redirectsToHttps()).isTrue();
  }

  @Test
  void withBackends_changesOnlyTheBackends() {
    Route r =
        Route.forRule("r", "alb", "alb HTTP:80 rule 1", 1)
            .hosts(List.of("h"))
            .http(true)
            .backends(List.of(STABLE))
            .split(true)
            .build();
    Route moved = r.withBackends(List.of(CANARY));
    assertThat(moved.backends()).containsExactly(CANARY);
    assertThat(moved.withBackends(List.of(STABLE))).isEqualTo(r);
  }

  @Test
  void anHttpsRouteNamesItsSecret_andNoOtherDoes() {
    assertThatThrownBy(
            () ->
                new Route(
                    "web", List.of(), List.of(), false, true, null, null, List.of(), false, false,
                    List.of(), null, null, null, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("web");
    assertThatThrownBy(
            () ->
                new Route(
                    "web", List.of(), List.of(), true, false, "web-tls", null, List.of(), false,
                    false, List.of(), null, null, null, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void forListener_isATcpRouteNamedByItsListener() {
    Route.TcpListener ssl = new Route.TcpListener("SSL", 8443, true, null);
    Route r =
        Route.forListener("ledger-ssl-8443", "ledger", ssl)
            .hosts(List.of("ledger.example.com"))
            .tlsSecret("ledger-ssl-8443-tls")
            .backends(List.of(STABLE, CANARY))
            .split(true)
            .build();
    assertThat(r.isTcp()).isTrue();
    assertThat(r.rule()).isEqualTo("ledger SSL:8443");
    assertThat(r.http()).isFalse();
    assertThat(r.https()).isFalse();
    assertThat(r.priority()).isNull();
    assertThat(r.toBuilder().build()).isEqualTo(r);
    assertThat(r.withBackends(List.of(STABLE)).listener()).isEqualTo(ssl);
  }

  @Test
  void aTcpRouteNamesASecretExactlyWhenItTerminatesTls_andServesNoHttp() {
    Route.TcpListener tcp = new Route.TcpListener("TCP", 5432, false, 1);
    assertThatThrownBy(() -> Route.forListener("db", "ledger", tcp).tlsSecret("db-tls").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                Route.forListener("s", "ledger", new Route.TcpListener("SSL", 8443, true, null))
                    .build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Route.forListener("db", "ledger", tcp).http(true).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void entryPoint_sharesWebAndWebsecure_elseOneOfItsOwnPerPort() {
    assertThat(new Route.TcpListener("TCP", 80, false, null).entryPoint()).isEqualTo("web");
    assertThat(new Route.TcpListener("TLS", 443, true, null).entryPoint()).isEqualTo("websecure");
    assertThat(new Route.TcpListener("TCP", 5432, false, 1).entryPoint()).isEqualTo("tcp-5432");
    assertThat(new Route.TcpListener("SSL", 8443, true, null).entryPoint()).isEqualTo("tls-8443");
    assertThatThrownBy(() -> new Route.TcpListener("TCP", 5432, false, 3))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
