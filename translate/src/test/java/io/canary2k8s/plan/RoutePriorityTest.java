package io.canary2k8s.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutePriorityTest {
  private static Route hosts(String... hosts) {
    return Route.forHosts("web", List.of("web"), List.of(hosts)).build();
  }

  private static Route rule(int priority, String path, String... hosts) {
    return Route.forRule("web-rule", "web-alb", "web-alb HTTP:80 rule " + priority, priority)
        .hosts(List.of(hosts))
        .paths(List.of(new Route.PathMatch(path, true)))
        .build();
  }

  private static long top(Route r) {
    return RoutePriority.routers(r).firstKey();
  }

  @Test
  void rank_explicitAboveEveryWildcard_closerWildcardAboveFartherOne() {
    assertThat(RoutePriority.rank("www.example.com")).isEqualTo(RoutePriority.EXPLICIT);
    assertThat(RoutePriority.rank("*.example.com")).isEqualTo(2);
    assertThat(RoutePriority.rank("*.eu.example.com")).isEqualTo(3);
    assertThat(RoutePriority.rank("*.a.b.c.d.e.f.g.example.com"))
        .isLessThan(RoutePriority.EXPLICIT);
  }

  @Test
  void explicitHost_defaultRoute_outranksEveryRouteOfAWildcard_evenItsRules() {
    long explicit = top(hosts("www.example.com"));
    assertThat(explicit).isEqualTo(100_000_000L);
    assertThat(top(hosts("*.example.com"))).isEqualTo(200_000L);
    // the wildcard's most urgent ALB rule still loses to the explicit name's default route
    assertThat(top(rule(1, "/a/very/long/path/", "*.example.com"))).isLessThan(explicit);
    // and a closer wildcard beats a farther one, rules and all
    assertThat(top(hosts("*.eu.example.com")))
        .isGreaterThan(top(rule(1, "/api/", "*.example.com")));
  }

  @Test
  void withinAHost_rulesOutrankTheDefaultRoute_inTheAlbsOrderNotByPathLength() {
    long defaultRoute = top(hosts("www.example.com"));
    long first = top(rule(1, "/", "www.example.com"));
    long second = top(rule(2, "/api/v2/orders/", "www.example.com"));
    long last = top(rule(50_000, "/static/", "www.example.com"));
    // AWS evaluates rules by priority, whatever the length of their paths
    assertThat(first).isGreaterThan(second);
    assertThat(second).isGreaterThan(last);
    assertThat(last).isGreaterThan(defaultRoute);
    assertThat(first).isEqualTo(100_099_999L);
    // every priority stays below Traefik's redirection routers (MaxInt - 1)
    assertThat(first).isLessThan(Integer.MAX_VALUE - 1L);
  }

  @Test
  void routers_oneRouterPerRank_mostSpecificFirst() {
    Map<Long, List<String>> r =
        RoutePriority.routers(rule(10, "/api/", "b.example.com", "*.example.com", "a.example.com"));
    assertThat(r)
        .containsExactly(
            Map.entry(100_099_990L, List.of("a.example.com", "b.example.com")),
            Map.entry(299_990L, List.of("*.example.com")));
  }

  @Test
  void withCovered_aWildcardConditionTakesTheExplicitNamesItCovers() {
    assertThat(
            RoutePriority.withCovered(
                List.of("*.docs.example.com"),
                List.of("docs.example.com", "eu.docs.example.com", "a.b.docs.example.com")))
        .containsExactly("*.docs.example.com", "eu.docs.example.com", "a.b.docs.example.com");
    assertThat(
            RoutePriority.withCovered(
                List.of("api.example.com"), List.of("api.example.com", "www.example.com")))
        .containsExactly("api.example.com");
  }

  @Test
  void of_ruleOutOfAlbRange_rejected() {
    assertThatThrownBy(() -> RoutePriority.of("www.example.com", 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RoutePriority.of("www.example.com", 100_000))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
