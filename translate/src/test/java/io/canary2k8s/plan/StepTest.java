package io.canary2k8s.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.canary2k8s.split.Fraction;
import io.canary2k8s.testing.Seeded;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepTest {
  static Track track(String name, Role role) {
    return Track.of(name, role, name + "-asg")
        .replicas(1)
        .ports(List.of(new Track.Port("http", 8080)))
        .build();
  }

  @Test
  void aCanaryWithoutTheRoutesPort_isNotSentItsRequests() {
    App app =
        new App(
            "web",
            "web",
            List.of("lb"),
            List.of(
                track("web", Role.STABLE),
                Track.of("web-canary", Role.CANARY, "web-canary-asg")
                    .replicas(1)
                    .ports(List.of(new Track.Port("tcp-5432", 5432)))
                    .build()),
            List.of(),
            List.of(),
            List.of());
    Route r = route(Fraction.ONE, Fraction.ZERO, Fraction.ZERO);
    assertThat(Step.of(50).moves(r, app)).isFalse();
    assertThat(Step.of(50).apply(r, app)).isEqualTo(r);
  }

  static final App APP =
      new App(
          "web",
          "web",
          List.of("lb"),
          List.of(
              track("web", Role.STABLE),
              track("web-canary", Role.CANARY),
              track("web-v2", Role.CANARY)),
          List.of(),
          List.of(),
          List.of());

  static Route route(Fraction stable, Fraction canary, Fraction v2) {
    List<Route.Backend> b = new ArrayList<>();
    if (!stable.isZero()) {
      b.add(new Route.Backend("web", 8080, stable));
    }
    if (!canary.isZero()) {
      b.add(new Route.Backend("web-canary", 8080, canary));
    }
    if (!v2.isZero()) {
      b.add(new Route.Backend("web-v2", 8080, v2));
    }
    return Route.forHosts("web", List.of("lb"), List.of("web.example.com"))
        .backends(b)
        .split(true)
        .build();
  }

  @Test
  void belowTheStep_movesToIt_canariesInTheirProportion() {
    Route r = route(Fraction.of(8, 10), Fraction.of(1, 10), Fraction.of(1, 10));
    Route at = Step.of(50).apply(r, APP);
    assertThat(at.backends())
        .containsExactly(
            new Route.Backend("web", 8080, Fraction.of(1, 2)),
            new Route.Backend("web-canary", 8080, Fraction.of(1, 4)),
            new Route.Backend("web-v2", 8080, Fraction.of(1, 4)));
  }

  @Test
  void atOrAboveTheStep_keepsItsWeights() {
    Route half = route(Fraction.of(1, 2), Fraction.of(1, 2), Fraction.ZERO);
    assertThat(Step.of(25).moves(half, APP)).isFalse();
    assertThat(Step.of(25).apply(half, APP)).isSameAs(half);
    assertThat(Step.of(50).apply(half, APP)).isSameAs(half);
    assertThat(Step.of(100).apply(half, APP).backends())
        .containsExactly(new Route.Backend("web-canary", 8080, Fraction.ONE));
  }

  @Test
  void aLargerCanary_keepsItsShareUntilPromoted_rollbackSendsAllToStable() {
    Route larger = route(Fraction.of(1, 4), Fraction.of(3, 4), Fraction.ZERO);
    assertThat(Step.of(25).apply(larger, APP)).isSameAs(larger);
    assertThat(Step.of(50).apply(larger, APP)).isSameAs(larger);
    assertThat(Step.canaryShare(Step.of(100).apply(larger, APP), APP)).isEqualTo(Fraction.ONE);
    assertThat(Step.of(0).apply(larger, APP).backends())
        .containsExactly(new Route.Backend("web", 8080, Fraction.ONE));
  }

  @Test
  void rollback_ofARouteWithoutCanary_changesNothing() {
    Route none = route(Fraction.ONE, Fraction.ZERO, Fraction.ZERO);
    assertThat(Step.of(0).moves(none, APP)).isFalse();
  }

  @Test
  void aRouteThatDoesNotSplit_neverMoves() {
    Route canaryOnly =
        Route.forHosts("c", List.of("lb"), List.of("c.example.com"))
            .backends(List.of(new Route.Backend("web-canary", 8080, Fraction.ONE)))
            .build();
    for (Step s : Step.defaults()) {
      assertThat(s.moves(canaryOnly, APP)).isFalse();
    }
  }

  /** Every step but the rollback keeps at least today's canary share; the rollback gives 0. */
  @Test
  void property_stepsOnlyMoveForward() {
    Seeded.forAll(
        "steps move forward",
        500,
        rnd -> {
          long a = rnd.nextInt(10);
          long b = rnd.nextInt(10);
          long c = rnd.nextInt(10);
          if (a + b + c == 0) {
            a = 1;
          }
          long all = a + b + c;
          Route r = route(Fraction.of(a, all), Fraction.of(b, all), Fraction.of(c, all));
          Fraction today = Step.canaryShare(r, APP);
          Step step = Step.of(rnd.nextInt(101));
          Route at = step.apply(r, APP);
          Fraction after = Step.canaryShare(at, APP);
          Fraction total =
              at.backends().stream()
                  .map(Route.Backend::share)
                  .reduce(Fraction.ZERO, Fraction::plus);
          assertThat(total).isEqualTo(Fraction.ONE);
          if (step.rollback()) {
            assertThat(after).isEqualTo(Fraction.ZERO);
          } else {
            assertThat(after.compareTo(today)).isGreaterThanOrEqualTo(0);
            assertThat(after).isEqualTo(today.compareTo(step.share()) >= 0 ? today : step.share());
          }
        });
  }
}
