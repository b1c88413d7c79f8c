package io.canary2k8s.emit;

import static org.assertj.core.api.Assertions.assertThat;

import io.canary2k8s.notes.Notifier;
import io.canary2k8s.notes.Severity;
import io.canary2k8s.plan.App;
import io.canary2k8s.plan.Edge;
import io.canary2k8s.plan.Route;
import io.canary2k8s.split.Fraction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.extensions.Ingress;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPURLRewriteFilter;
import io.traefik.v1alpha1.IngressRoute;
import io.traefik.v1alpha1.Middleware;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What each dialect makes of a route's rewrites (an ALB rule's transforms). */
class RewritesTest {
  static final String RULE = "web HTTPS:443 rule 10";
  final List<String> notes = new ArrayList<>();
  final Notifier notifier = (Severity s, String subject, String m) -> notes.add(s + " " + m);
  final App app = new App("web", "web", List.of("web"), List.of(), List.of(), List.of(), List.of());

  static Route.Rewrite path(String regex, String replace) {
    return new Route.Rewrite(Route.Rewrite.Kind.PATH, regex, replace, RULE);
  }

  static Route.Rewrite host(String regex, String replace) {
    return new Route.Rewrite(Route.Rewrite.Kind.HOST, regex, replace, RULE);
  }

  static Route route(List<Route.PathMatch> paths, List<String> hosts, Route.Rewrite... rewrites) {
    return Route.forRule("web-rule-10", "web", RULE, 10)
        .hosts(hosts)
        .paths(paths)
        .http(true)
        .https("web-rule-10-tls")
        .backends(List.of(new Route.Backend("web", 8080, Fraction.of(1, 1))))
        .rewrites(List.of(rewrites))
        .build();
  }

  static Route route(List<Route.PathMatch> paths, Route.Rewrite... rewrites) {
    return route(paths, List.of("www.example.com"), rewrites);
  }

  static List<Route.PathMatch> prefix(String p) {
    return List.of(new Route.PathMatch(p, true));
  }

  @Test
  void awsGroupReferencesBecomeGoBracedOnesSoThatATrailingCharacterStaysText() {
    assertThat(Rewrites.goReplacement("/api/$1")).isEqualTo("/api/${1}");
    assertThat(Rewrites.goReplacement("/$1x/$12-$2")).isEqualTo("/${1}x/${12}-${2}");
    assertThat(Rewrites.goReplacement("/static")).isEqualTo("/static");
    // a '$' that names no group has no documented meaning on AWS
    assertThat(Rewrites.goReplacement("/a$")).isNull();
    assertThat(Rewrites.goReplacement("/$$1")).isNull();
    assertThat(Rewrites.goReplacement("/${1}")).isNull();
  }

  @Test
  void literalTextReadsEscapedPunctuationAndRefusesAnyOtherSyntax() {
    assertThat(Rewrites.literalText("/v1\\.0/")).isEqualTo("/v1.0/");
    assertThat(Rewrites.literalText("/v1.0/")).isNull();
    assertThat(Rewrites.literalText("/v[0-9]/")).isNull();
    assertThat(Rewrites.literalText("/\\d/")).isNull();
  }

  @Test
  void aGatewayPrefixRewriteNeedsTheRulesOnePrefixAndTheSameTrailingSlash() {
    assertThat(GatewayApiRewrites.prefixReplacement(path("^/v1/(.*)$", "/api/$1"), "/v1/"))
        .isEqualTo("/api/");
    assertThat(GatewayApiRewrites.prefixReplacement(path("^/v1(.*)$", "/api$1"), "/v1"))
        .isEqualTo("/api");
    assertThat(GatewayApiRewrites.prefixReplacement(path("^/(.*)$", "/app/$1"), "/"))
        .isEqualTo("/app/");
    assertThat(GatewayApiRewrites.prefixReplacement(path("^/v1/(.*)$", "/$1"), "/v1/"))
        .isEqualTo("/");
    // AWS writes /apix for /v1/x; Traefik's join would write /api/x
    assertThat(GatewayApiRewrites.prefixReplacement(path("^/v1/(.*)$", "/api$1"), "/v1/")).isNull();
    // another prefix than the rule's, a group in the middle, a regex that is no prefix
    assertThat(GatewayApiRewrites.prefixReplacement(path("^/v2/(.*)$", "/api/$1"), "/v1/"))
        .isNull();
    assertThat(GatewayApiRewrites.prefixReplacement(path("^/v1/(.*)$", "/$1/api/"), "/v1/"))
        .isNull();
    assertThat(GatewayApiRewrites.prefixReplacement(path("^/v[12]/(.*)$", "/api/$1"), "/v1/"))
        .isNull();
    assertThat(GatewayApiRewrites.prefixReplacement(path("/v1/(.*)$", "/api/$1"), "/v1/")).isNull();
  }

  @Test
  void aGatewayFullPathRewriteNeedsAFixedPathAndARegexThatMatchesEveryPathWhole() {
    assertThat(GatewayApiRewrites.fullPath(path("^/old/.*$", "/new"), prefix("/old/")))
        .isEqualTo("/new");
    assertThat(GatewayApiRewrites.fullPath(path("^.*$", "/maintenance"), List.of()))
        .isEqualTo("/maintenance");
    assertThat(
            GatewayApiRewrites.fullPath(
                path("^/a(bc)?$", "/x"), List.of(new Route.PathMatch("/abc", false))))
        .isEqualTo("/x");
    // part of the path only, a group in the replacement, a prefix the regex does not cover
    assertThat(GatewayApiRewrites.fullPath(path("^/old/", "/new"), prefix("/old/"))).isNull();
    assertThat(GatewayApiRewrites.fullPath(path("^/old/(.*)$", "/new/$1"), prefix("/old/")))
        .isNull();
    assertThat(GatewayApiRewrites.fullPath(path("^/old/.*$", "/new"), prefix("/"))).isNull();
  }

  @Test
  void traefikV3_aPathRewriteIsAReplacePathRegexMiddlewareThatBothIngressRoutesCall() {
    Route r = route(prefix("/v1/"), path("^/v1/(.*)$", "/api/$1"));
    List<HasMetadata> objects = new TraefikV3Emitter().routes(app, r, edge(), notifier);
    Middleware m = only(objects, Middleware.class);
    assertThat(m.getMetadata().getName()).isEqualTo("web-rule-10-rewrite-path");
    assertThat(m.getSpec().getReplacePathRegex().getRegex()).isEqualTo("^/v1/(.*)$");
    assertThat(m.getSpec().getReplacePathRegex().getReplacement()).isEqualTo("/api/${1}");
    List<IngressRoute> irs =
        objects.stream()
            .filter(IngressRoute.class::isInstance)
            .map(IngressRoute.class::cast)
            .toList();
    assertThat(irs).hasSize(2);
    assertThat(irs.stream().flatMap(ir -> ir.getSpec().getRoutes().stream()))
        .allSatisfy(
            x ->
                assertThat(x.getMiddlewares())
                    .singleElement()
                    .satisfies(
                        ref -> assertThat(ref.getName()).isEqualTo("web-rule-10-rewrite-path")));
    assertThat(notes)
        .singleElement()
        .asString()
        .startsWith("INFO " + RULE + "'s url-rewrite [^/v1/(.*)$ -> /api/$1] becomes Middleware");
  }

  @Test
  void traefikV3_aHostRewriteIsACustomHostHeaderOnlyWhenEveryHostGetsTheSameName() {
    Route fixed =
        route(
            List.of(),
            List.of("a.example.com", "b.example.com"),
            host("^[ab]\\.example\\.com$", "internal.example.net"));
    Middleware m =
        only(new TraefikV3Emitter().routes(app, fixed, edge(), notifier), Middleware.class);
    assertThat(m.getSpec().getHeaders().getCustomRequestHeaders())
        .containsExactlyEntriesOf(java.util.Map.of("Host", "internal.example.net"));

    notes.clear();
    Route perHost =
        route(List.of(), List.of("a.example.com"), host("^(.+)\\.example\\.com$", "$1.internal"));
    assertThat(new TraefikV3Emitter().routes(app, perHost, edge(), notifier))
        .noneMatch(Middleware.class::isInstance);
    assertThat(notes).singleElement().asString().startsWith("ERROR " + RULE + " rewrites");
  }

  @Test
  void traefikV3_anEmptyReplacementIsAnErrorAsReplacePathRegexWouldIgnoreIt() {
    Route r = route(prefix("/v1/"), path("^/v1", ""));
    assertThat(new TraefikV3Emitter().routes(app, r, edge(), notifier))
        .noneMatch(Middleware.class::isInstance);
    assertThat(notes).singleElement().asString().startsWith("ERROR").contains("empty");
  }

  @Test
  void gatewayApi_aPrefixRewriteIsAUrlRewriteFilterOnTheRule() {
    Route r =
        route(
            prefix("/v1/"),
            path("^/v1/(.*)$", "/api/$1"),
            host("^www\\.example\\.com$", "api.internal"));
    HTTPRoute hr = only(new GatewayApiEmitter().routes(app, r, edge(), notifier), HTTPRoute.class);
    HTTPURLRewriteFilter f = hr.getSpec().getRules().get(0).getFilters().get(0).getUrlRewrite();
    assertThat(f.getPath().getType()).isEqualTo("ReplacePrefixMatch");
    assertThat(f.getPath().getReplacePrefixMatch()).isEqualTo("/api/");
    assertThat(f.getHostname()).isEqualTo("api.internal");
    assertThat(notes).hasSize(2).allSatisfy(n -> assertThat(n).startsWith("INFO " + RULE));
  }

  @Test
  void gatewayApi_aRegexRewriteIsAnErrorNamingTheRule() {
    Route r = route(prefix("/v1/"), path("^/v1/([a-z]+)/(.*)$", "/$2/$1"));
    HTTPRoute hr = only(new GatewayApiEmitter().routes(app, r, edge(), notifier), HTTPRoute.class);
    assertThat(hr.getSpec().getRules().get(0).getFilters()).isNullOrEmpty();
    assertThat(notes)
        .singleElement()
        .asString()
        .startsWith("ERROR " + RULE + " rewrites requests")
        .contains("no regular expressions");
  }

  @Test
  void traefikV1_aPathRewriteIsTheRouteIngresssRequestModifier() {
    Route r = route(prefix("/v1/"), path("^/v1/(.*)$", "/api/$1"));
    Ingress i = only(new TraefikV1Emitter().routes(app, r, edge(), notifier), Ingress.class);
    assertThat(i.getMetadata().getAnnotations())
        .containsEntry(
            TraefikV1Rewrites.REQUEST_MODIFIER, "ReplacePathRegex: ^/v1/(.*)$ /api/${1}");
  }

  @Test
  void traefikV1_separatorsInTheRegexAndHostRewritesAreErrors() {
    Route r =
        route(
            prefix("/v1/"),
            path("^/v1/([a-z]{1,3})$", "/api/$1"),
            host("^www\\.example\\.com$", "x.internal"));
    Ingress i = only(new TraefikV1Emitter().routes(app, r, edge(), notifier), Ingress.class);
    assertThat(i.getMetadata().getAnnotations())
        .doesNotContainKey(TraefikV1Rewrites.REQUEST_MODIFIER);
    assertThat(notes.stream().filter(n -> n.startsWith("ERROR " + RULE))).hasSize(2);
  }

  static Edge edge() {
    return new Edge(
        "traefik",
        "canary2k8s.io/edge",
        "true",
        "traefik:v3.7",
        false,
        true,
        30080,
        30443,
        false,
        List.of());
  }

  static <T> T only(List<HasMetadata> objects, Class<T> kind) {
    List<T> of = objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    assertThat(of).hasSize(1);
    return of.get(0);
  }
}
