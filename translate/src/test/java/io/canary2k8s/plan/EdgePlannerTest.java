package io.canary2k8s.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.canary2k8s.config.Config;
import io.canary2k8s.inventory.Inventory;
import io.canary2k8s.split.WeightBasis;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EdgePlannerTest {
  final TestEstates.Recorder notes = new TestEstates.Recorder();

  Edge edge(Inventory inventory, PlanOptions options, Route... routes) {
    Estate estate = new Estate(inventory, notes);
    notes.notes.clear();
    List<App> apps =
        routes.length == 0
            ? List.of()
            : List.of(
                new App("a", "a", List.of(), List.of(), List.of(routes), List.of(), List.of()));
    return new EdgePlanner(estate, options, notes).edge(apps);
  }

  Edge edge(Route... routes) {
    return edge(TestEstates.inventory(List.of(), List.of(), List.of()), DEFAULTS, routes);
  }

  static final PlanOptions DEFAULTS =
      new PlanOptions(WeightBasis.DESIRED, Config.EMPTY, "traefik:v3.7");

  static Route route(String lb, String host, boolean http, boolean https, boolean redirect) {
    Route.Builder b =
        Route.forHosts(lb, List.of(lb), List.of(host)).http(http).redirectHttpToHttps(redirect);
    if (https) {
      b.https(lb + "-tls");
    }
    return b.build();
  }

  @Test
  void noApps_theDefaults_noRedirect_noNote() {
    Edge e = edge();
    assertThat(e)
        .isEqualTo(
            new Edge(
                "traefik",
                "canary2k8s.io/edge",
                "true",
                "traefik:v3.7",
                false,
                false,
                30080,
                30443,
                false,
                List.of()));
    assertThat(notes.notes).isEmpty();
  }

  @Test
  void everyHttpRouteRedirects_theEdgeRedirects_aClassicElbsWithAWarningWord() {
    Edge e =
        edge(
            route("web", "w.example.com", true, true, true),
            route("api", "a.example.com", false, true, false));
    assertThat(e.redirectHttpToHttps()).isTrue();
    assertThat(e.https()).isTrue();
    assertThat(notes.notes)
        .containsExactly(
            "INFO traefik: Every load balancer listened on HTTP:80 and HTTPS:443; the edge"
                + " redirects HTTP to HTTPS (a classic ELB did not redirect: remove the redirect if"
                + " clients need plain HTTP).");
  }

  @Test
  void onlyAlbsRedirect_theEdgeRedirectsTheSameWay() {
    Edge e =
        edge(
            TestEstates.planCase("alb-weighted-forward"),
            DEFAULTS,
            route("store", "s.example.com", true, true, true));
    assertThat(e.redirectHttpToHttps()).isTrue();
    assertThat(notes.notes)
        .containsExactly(
            "INFO traefik: Every load balancer redirected HTTP:80 to HTTPS:443; the edge redirects"
                + " HTTP to HTTPS the same way.");
  }

  @Test
  void someRedirect_routeByRoute_theHostsNamed() {
    Edge e =
        edge(
            route("login", "login.example.com", true, true, true),
            route("status", "status.example.com", true, false, false));
    assertThat(e.redirectHttpToHttps()).isFalse();
    assertThat(notes.notes)
        .singleElement()
        .asString()
        .contains("the hosts [login.example.com] redirect HTTP to HTTPS route by route")
        .contains("[status.example.com] serve plain HTTP.");
  }

  @Test
  void theConfiguredEdge_andTheHostNetwork_withAWarning() {
    Config config =
        new Config(
            Map.of(),
            new Config.EdgeConfig("edge", "role=edge", "traefik:v3.1", 31080, 31443, null));
    Edge e =
        edge(
            TestEstates.inventory(List.of(), List.of(), List.of()),
            new PlanOptions(WeightBasis.DESIRED, config, "traefik:v3.7", true),
            route("web", "w.example.com", true, false, false));
    assertThat(e)
        .isEqualTo(
            new Edge(
                "edge",
                "role",
                "edge",
                "traefik:v3.1",
                false,
                false,
                31080,
                31443,
                true,
                List.of()));
    assertThat(notes.notes)
        .singleElement()
        .asString()
        .startsWith("WARNING edge: --edge-host-network: the edge pods use the nodes' network")
        .contains("bind ports " + EdgePlanner.EDGE_PORTS);
  }
}
