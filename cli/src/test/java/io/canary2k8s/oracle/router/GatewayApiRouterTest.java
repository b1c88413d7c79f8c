package io.canary2k8s.oracle.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.canary2k8s.oracle.router.Routed.Served;
import io.canary2k8s.split.Fraction;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayApiRouterTest {
  static final String GATEWAY =
      """
      apiVersion: gateway.networking.k8s.io/v1
      kind: GatewayClass
      metadata: {name: traefik}
      spec: {controllerName: traefik.io/gateway-controller}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: edge, namespace: traefik}
      spec:
        gatewayClassName: traefik
        listeners:
          - {name: web, port: 8000, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}
          - name: www
            port: 8443
            protocol: HTTPS
            hostname: www.example.com
            allowedRoutes:
              namespaces:
                from: Selector
                selector: {matchLabels: {kubernetes.io/metadata.name: app}}
          - {name: any, port: 8443, protocol: HTTPS, hostname: '*.example.com', allowedRoutes: {namespaces: {from: All}}}
      ---
      """;

  static Routed.Router router(String routes) {
    return new GatewayApiRouter(
        Manifests.parse(
            Fixtures.edge("traefik.yml", "entryPoints: {}", true)
                + GATEWAY
                + Fixtures.track("app", "stable", "asg-stable", 3)
                + Fixtures.track("app", "canary", "asg-canary", 1)
                + Fixtures.track("app", "other", "asg-other", 2)
                + routes));
  }

  static String route(String name, String section, String hostnames, String rules) {
    return """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: %s, namespace: app}
        spec:
          parentRefs: [{name: edge, namespace: traefik%s}]
          hostnames: %s
          rules: %s
        ---
        """
        .formatted(name, section == null ? "" : ", sectionName: " + section, hostnames, rules);
  }

  static final String TO_STABLE = "[{backendRefs: [{name: stable, port: 8080}]}]";
  static final String TO_OTHER = "[{backendRefs: [{name: other, port: 8080}]}]";

  static Map<String, Fraction> served(Routed r) {
    assertThat(r).isInstanceOf(Served.class);
    return ((Served) r).shares();
  }

  @Test
  void aTlsRouteForTheServerNameTakesHttpsBeforeTheHttpRoutesOfItsPort() {
    String tls =
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: tcp-edge, namespace: traefik}
        spec:
          gatewayClassName: traefik
          listeners:
            - name: tls-q
              port: 8443
              protocol: TLS
              hostname: q.example.com
              tls: {mode: Terminate, certificateRefs: [{name: q-tls, namespace: app}]}
              allowedRoutes: {namespaces: {from: All}}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: TLSRoute
        metadata: {name: q, namespace: app}
        spec:
          parentRefs: [{name: tcp-edge, namespace: traefik, sectionName: tls-q}]
          hostnames: [q.example.com]
          rules: [{backendRefs: [{name: canary, port: 8080}]}]
        ---
        """;
    Routed.Router r = router(tls + route("any", null, "['*.example.com']", TO_STABLE));
    assertThat(served(r.http("https", "q.example.com", 443, "/")))
        .isEqualTo(Map.of("asg-canary", Fraction.ONE));
    assertThat(served(r.http("https", "a.example.com", 443, "/")))
        .isEqualTo(Map.of("asg-stable", Fraction.ONE));
  }

  @Test
  void anExactHostnameBeatsALongerWildcardAndAWildcardCoversManyLabels() {
    Routed.Router r =
        router(
            route("wild", "web", "['*.example.com']", TO_OTHER)
                + route("www", "web", "[www.example.com]", TO_STABLE));
    assertThat(served(r.http("http", "www.example.com", 80, "/")))
        .isEqualTo(Map.of("asg-stable", Fraction.ONE));
    assertThat(served(r.http("http", "a.b.example.com", 80, "/")))
        .isEqualTo(Map.of("asg-other", Fraction.ONE));
    assertThat(r.http("http", "example.com", 80, "/")).isInstanceOf(Routed.NotRouted.class);
  }

  @Test
  void exactPathThenLongestPrefixByWholeSegments() {
    String rules =
        """
        [{matches: [{path: {type: PathPrefix, value: /api/}}], backendRefs: [{name: canary, port: 8080}]},
             {matches: [{path: {type: Exact, value: /api/v1}}], backendRefs: [{name: other, port: 8080}]},
             {backendRefs: [{name: stable, port: 8080}]}]""";
    Routed.Router r = router(route("r", "web", "[a.example.com]", rules));
    assertThat(served(r.http("http", "a.example.com", 80, "/api")))
        .isEqualTo(Map.of("asg-canary", Fraction.ONE));
    assertThat(served(r.http("http", "a.example.com", 80, "/apix")))
        .isEqualTo(Map.of("asg-stable", Fraction.ONE));
    assertThat(served(r.http("http", "a.example.com", 80, "/api/v1")))
        .isEqualTo(Map.of("asg-other", Fraction.ONE));
    assertThat(served(r.http("http", "a.example.com", 80, "/api/v1/x")))
        .isEqualTo(Map.of("asg-canary", Fraction.ONE));
  }

  @Test
  void tiesGoToTheRouteFirstByNamespaceAndName() {
    Routed.Router r =
        router(
            route("b-route", "web", "[a.example.com]", TO_OTHER)
                + route("a-route", "web", "[a.example.com]", TO_STABLE));
    assertThat(served(r.http("http", "a.example.com", 80, "/")))
        .isEqualTo(Map.of("asg-stable", Fraction.ONE));
  }

  @Test
  void theMostSpecificListenerTakesTheRequestAndOnlyItsRoutes() {
    Routed.Router r =
        router(
            route("wild", "any", "['*.example.com']", TO_OTHER)
                + route("www", "www", null, TO_STABLE));
    assertThat(served(r.http("https", "www.example.com", 443, "/")))
        .isEqualTo(Map.of("asg-stable", Fraction.ONE));
    assertThat(served(r.http("https", "shop.example.com", 443, "/")))
        .isEqualTo(Map.of("asg-other", Fraction.ONE));
  }

  @Test
  void weightsDivideAndARedirectAnswers() {
    String weighted =
        "[{backendRefs: [{name: stable, port: 8080, weight: 9}, {name: canary, port: 8080, weight: 1},"
            + " {name: missing, port: 8080, weight: 10}]}]";
    String redirect =
        "[{filters: [{type: RequestRedirect, requestRedirect: {scheme: https, statusCode: 301}}]}]";
    Routed.Router r =
        router(
            route("w", "any", "[shop.example.com]", weighted)
                + route("r", "web", "[shop.example.com]", redirect));
    // the missing Service's half gets 500s
    assertThat(served(r.http("https", "shop.example.com", 443, "/")))
        .isEqualTo(Map.of("asg-stable", Fraction.of(9, 20), "asg-canary", Fraction.of(1, 20)));
    assertThat(r.http("http", "shop.example.com", 80, "/x"))
        .isEqualTo(
            new Routed.Redirected(
                "https", "shop.example.com", 443, "/x", "HTTPRoute app/r rule 0"));
  }

  @Test
  void routesFromNamespacesTheListenerDoesNotAllowAreNotAttached() {
    String other =
        route("www", "www", null, TO_STABLE).replace("namespace: app}", "namespace: elsewhere}");
    Routed.Router r = router(other);
    assertThat(r.http("https", "www.example.com", 443, "/")).isInstanceOf(Routed.NotRouted.class);
  }
}
