package io.canary2k8s.oracle.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.canary2k8s.oracle.router.Routed.Served;
import io.canary2k8s.split.Fraction;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TraefikV3RouterTest {
  static final String CONFIG =
      """
      entryPoints:
        web:
          address: :8000
          http:
            redirections:
              entryPoint: {to: ':443', scheme: https, permanent: true}
        websecure:
          address: :8443
          http:
            tls: {}
        pg:
          address: :5432
      providers:
        kubernetesCRD: {allowEmptyServices: false}
      """;

  static Routed.Router router(String objects) {
    return new TraefikV3Router(
        Manifests.parse(
            Fixtures.edge("traefik.yml", CONFIG, true)
                + Fixtures.track("app", "stable", "asg-stable", 3)
                + Fixtures.track("app", "canary", "asg-canary", 1)
                + Fixtures.track("app", "other", "asg-other", 2)
                + Fixtures.track("app", "empty", "asg-empty", 0)
                + objects));
  }

  static String route(String name, String match, Integer priority, String services) {
    return """
        apiVersion: traefik.io/v1alpha1
        kind: IngressRoute
        metadata: {name: %s, namespace: app}
        spec:
          entryPoints: [websecure]
          routes:
            - kind: Rule
              match: %s
        %s      services: %s
        ---
        """
        .formatted(
            name, match, priority == null ? "" : "      priority: " + priority + "\n", services);
  }

  static Map<String, Fraction> served(Routed r) {
    assertThat(r).isInstanceOf(Served.class);
    return ((Served) r).shares();
  }

  @Test
  void aLongerHostRegexpWildcardBeatsAnExplicitHostWithoutPriorities() {
    Routed.Router r =
        router(
            route("www", "Host(`www.example.com`)", null, "[{name: stable, port: 8080}]")
                + route(
                    "any",
                    "HostRegexp(`^.+\\.example\\.com$`)",
                    null,
                    "[{name: other, port: 8080}]"));
    assertThat(served(r.http("https", "www.example.com", 443, "/")))
        .isEqualTo(Map.of("asg-other", Fraction.ONE));
    Routed.Router fixed =
        router(
            route("www", "Host(`www.example.com`)", 100, "[{name: stable, port: 8080}]")
                + route(
                    "any",
                    "HostRegexp(`^.+\\.example\\.com$`)",
                    50,
                    "[{name: other, port: 8080}]"));
    assertThat(served(fixed.http("https", "www.example.com", 443, "/")))
        .isEqualTo(Map.of("asg-stable", Fraction.ONE));
  }

  @Test
  void nestedWeightsMultiplyAndWeightZeroTakesNothing() {
    Routed.Router r =
        router(
            route("w", "Host(`a.test`)", null, "[{name: outer, kind: TraefikService}]")
                + """
                apiVersion: traefik.io/v1alpha1
                kind: TraefikService
                metadata: {name: outer, namespace: app}
                spec:
                  weighted:
                    services:
                      - {name: inner, kind: TraefikService, weight: 3}
                      - {name: other, port: 8080, weight: 1}
                      - {name: canary, port: 8080, weight: 0}
                ---
                apiVersion: traefik.io/v1alpha1
                kind: TraefikService
                metadata: {name: inner, namespace: app}
                spec:
                  weighted:
                    services:
                      - {name: stable, port: 8080, weight: 1}
                      - {name: canary, port: 8080, weight: 2}
                ---
                """);
    assertThat(served(r.http("https", "a.test", 443, "/x")))
        .isEqualTo(
            Map.of(
                "asg-stable",
                Fraction.of(1, 4),
                "asg-canary",
                Fraction.of(1, 2),
                "asg-other",
                Fraction.of(1, 4)));
  }

  @Test
  void anEmptyServiceDropsItsRouteAndTheRequestFallsThrough() {
    Routed.Router r =
        router(
            route(
                    "path",
                    "Host(`a.test`) && PathPrefix(`/api`)",
                    null,
                    "[{name: stable, port: 8080, weight: 1}, {name: empty, port: 8080, weight: 0}]")
                + route("host", "Host(`a.test`)", null, "[{name: other, port: 8080}]"));
    assertThat(served(r.http("https", "a.test", 443, "/api")))
        .isEqualTo(Map.of("asg-other", Fraction.ONE));
  }

  @Test
  void theEntryPointRedirectionSendsPlainHttpToHttps() {
    Routed.Router r = router(route("a", "Host(`a.test`)", null, "[{name: stable, port: 8080}]"));
    assertThat(r.http("http", "a.test", 80, "/p"))
        .isEqualTo(
            new Routed.Redirected("https", "a.test", 443, "/p", "entry point web redirection"));
    assertThat(served(Routed.follow(r, "http", "a.test", 80, "/p")))
        .isEqualTo(Map.of("asg-stable", Fraction.ONE));
  }

  @Test
  void equalPrioritiesThatDoDifferentThingsAreAmbiguous() {
    Routed.Router r =
        router(
            route("one", "Host(`a.test`)", 10, "[{name: stable, port: 8080}]")
                + route("two", "PathPrefix(`/`)", 10, "[{name: other, port: 8080}]"));
    assertThat(r.http("https", "a.test", 443, "/")).isInstanceOf(Routed.Broken.class);
  }

  @Test
  void tcpRoutersTakeTheirEntryPointsConnections() {
    Routed.Router r =
        router(
            """
            apiVersion: traefik.io/v1alpha1
            kind: IngressRouteTCP
            metadata: {name: pg, namespace: app}
            spec:
              entryPoints: [pg]
              routes:
                - match: HostSNI(`*`)
                  services:
                    - {name: stable, port: 8080, weight: 4}
                    - {name: canary, port: 8080, weight: 1}
            ---
            """);
    assertThat(served(r.tcp(5432, null)))
        .isEqualTo(Map.of("asg-stable", Fraction.of(4, 5), "asg-canary", Fraction.of(1, 5)));
    assertThat(r.tcp(6379, null)).isInstanceOf(Routed.NotRouted.class);
  }

  @Test
  void aRedirectSchemeMiddlewareAnswersBeforeTheServices() {
    String objects =
        """
        apiVersion: traefik.io/v1alpha1
        kind: Middleware
        metadata: {name: to-https, namespace: app}
        spec:
          redirectScheme: {scheme: https, port: "443", permanent: true}
        ---
        apiVersion: traefik.io/v1alpha1
        kind: IngressRoute
        metadata: {name: plain, namespace: app}
        spec:
          entryPoints: [pg]
          routes:
            - match: Host(`a.test`)
              kind: Rule
              middlewares: [{name: to-https}]
              services: [{name: stable, port: 8080}]
        ---
        """;
    assertThat(router(objects).http("http", "a.test", 5432, "/q"))
        .isEqualTo(new Routed.Redirected("https", "a.test", 443, "/q", "middleware to-https"));
  }
}
