package io.canary2k8s.oracle.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.canary2k8s.oracle.router.Routed.Served;
import io.canary2k8s.split.Fraction;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TraefikV1RouterTest {
  static final String CONFIG =
      """
      defaultEntryPoints = ["http", "https"]
      [entryPoints]
        [entryPoints.http]
        address = ":8000"
          [entryPoints.http.redirect]
          regex = "^http://([^/:]+)(:[0-9]+)?/(.*)$"
          replacement = "https://$1/$3"
          permanent = true
        [entryPoints.https]
        address = ":8443"
          [entryPoints.https.tls]
      [kubernetes]
      ingressClass = "traefik"
      """;

  static TraefikV1Router router(String ingresses, boolean realised) {
    return new TraefikV1Router(
        Manifests.parse(
            Fixtures.edge("traefik.toml", CONFIG, true)
                + Fixtures.track("app", "stable", "asg-stable", 3)
                + Fixtures.track("app", "canary", "asg-canary", 1)
                + Fixtures.track("app", "other", "asg-other", 2)
                + ingresses),
        realised);
  }

  static String ingress(
      String name, String annotations, String host, String path, String... services) {
    StringBuilder paths = new StringBuilder();
    for (String s : services) {
      paths.append(
          "          - {path: '%s', backend: {serviceName: %s, servicePort: 8080}}\n"
              .formatted(path, s));
    }
    return """
        apiVersion: extensions/v1beta1
        kind: Ingress
        metadata:
          name: %s
          namespace: app
          annotations:
            kubernetes.io/ingress.class: traefik
        %s
        spec:
          rules:
            - host: '%s'
              http:
                paths:
        %s---
        """
        .formatted(name, annotations, host, paths);
  }

  static Map<String, Fraction> served(Routed r) {
    assertThat(r).isInstanceOf(Served.class);
    return ((Served) r).shares();
  }

  @Test
  void theLongerRuleWinsAndAWildcardCoversOneLabelOnly() {
    TraefikV1Router r =
        router(
            ingress("wild", "", "*.example.com", "/", "other")
                + ingress("www", "", "www.example.com", "/", "stable"),
            false);
    // HostRegexp:{subdomain:[A-Za-z0-9-_]+}.example.com is longer than Host:www.example.com
    assertThat(served(r.http("https", "www.example.com", 443, "/")))
        .isEqualTo(Map.of("asg-other", Fraction.ONE));
    assertThat(r.http("https", "a.b.example.com", 443, "/")).isInstanceOf(Routed.NotRouted.class);
    TraefikV1Router prioritised =
        router(
            ingress(
                    "wild",
                    "    traefik.ingress.kubernetes.io/priority: '10'",
                    "*.example.com",
                    "/",
                    "other")
                + ingress(
                    "www",
                    "    traefik.ingress.kubernetes.io/priority: '20'",
                    "www.example.com",
                    "/",
                    "stable"),
            false);
    assertThat(served(prioritised.http("https", "www.example.com", 443, "/")))
        .isEqualTo(Map.of("asg-stable", Fraction.ONE));
  }

  @Test
  void serviceWeightsGiveTheRemainderToTheServicesLeftOutByTheirPods() {
    TraefikV1Router r =
        router(
            ingress(
                "w",
                "    traefik.ingress.kubernetes.io/service-weights: 'canary: 10%'",
                "a.test",
                "/",
                "stable",
                "canary",
                "other"),
            false);
    // stable has 3 pods, other 2: they share the remaining 90 % as 3:2
    assertThat(served(r.http("https", "a.test", 443, "/x")))
        .isEqualTo(
            Map.of(
                "asg-canary",
                Fraction.of(1, 10),
                "asg-stable",
                Fraction.of(27, 50),
                "asg-other",
                Fraction.of(9, 25)));
  }

  @Test
  void realisedWeightsTruncateEachPodsShare() {
    String ing =
        ingress(
            "w",
            "    traefik.ingress.kubernetes.io/service-weights: |\n      stable: 66.667%\n      canary: 33.333%",
            "a.test",
            "/",
            "stable",
            "canary");
    assertThat(served(router(ing, false).http("https", "a.test", 443, "/")))
        .isEqualTo(
            Map.of(
                "asg-stable",
                Fraction.of(66667, 100000),
                "asg-canary",
                Fraction.of(33333, 100000)));
    // 66667 units over 3 pods: 22222 each (66666); 33333 on one pod
    assertThat(served(router(ing, true).http("https", "a.test", 443, "/")))
        .isEqualTo(
            Map.of(
                "asg-stable", Fraction.of(66666, 99999), "asg-canary", Fraction.of(33333, 99999)));
  }

  @Test
  void weightsThatDoNotAddUpSkipTheWholeIngress() {
    TraefikV1Router r =
        router(
            ingress(
                "bad",
                "    traefik.ingress.kubernetes.io/service-weights: |\n      stable: 33.333%\n      canary: 33.333%\n      other: 33.333%",
                "a.test",
                "/",
                "stable",
                "canary",
                "other"),
            false);
    assertThat(r.http("https", "a.test", 443, "/")).isInstanceOf(Routed.NotRouted.class);
    assertThat(r.dropped).anyMatch(d -> d.contains("must be 100%"));
  }

  @Test
  void twoIngressesOfTheSameHostAndPathMergeInAnUndefinedOrder() {
    TraefikV1Router r =
        router(
            ingress("one", "", "a.test", "/", "stable")
                + ingress("two", "", "a.test", "/", "canary"),
            false);
    assertThat(r.http("https", "a.test", 443, "/")).isInstanceOf(Routed.Broken.class);
  }

  @Test
  void theEntryPointRedirectIsAppliedBeforeRouting() {
    TraefikV1Router r = router(ingress("a", "", "a.test", "/", "stable"), false);
    assertThat(r.http("http", "a.test", 80, "/p/q"))
        .isEqualTo(new Routed.Redirected("https", "a.test", 443, "/p/q", "entry point http"));
    assertThat(r.tcp(5432, null)).isInstanceOf(Routed.NotRouted.class);
  }

  @Test
  void aShortPathRuleLosesToTheCatchAllPrefixOfItsHost() {
    TraefikV1Router r =
        router(
            ingress("host", "", "a.test", "/", "stable")
                + ingress(
                    "short",
                    "    traefik.ingress.kubernetes.io/rule-type: Path",
                    "a.test",
                    "/api",
                    "canary")
                + ingress(
                    "long",
                    "    traefik.ingress.kubernetes.io/rule-type: Path",
                    "a.test",
                    "/api/v1/items",
                    "other"),
            false);
    // PathPrefix:/ + Host:a.test (23) beats Path:/api + Host:a.test (20)
    assertThat(served(r.http("https", "a.test", 443, "/api")))
        .isEqualTo(Map.of("asg-stable", Fraction.ONE));
    // Path:/api/v1/items + Host:a.test (29) beats it
    assertThat(served(r.http("https", "a.test", 443, "/api/v1/items")))
        .isEqualTo(Map.of("asg-other", Fraction.ONE));
  }
}
