package io.canary2k8s.plan;

import io.canary2k8s.split.Fraction;
import java.util.ArrayList;
import java.util.List;

/**
 * One canary step: the share of each split route that goes to the canary tracks. {@code 0} is a
 * rollback, {@code 100} a promotion.
 *
 * <p>A step only moves a route forward: a route whose canaries already have the step's share or
 * more today keeps its weights in that step's overlay. The rollback is the one step that lowers a
 * canary's share.
 */
public record Step(String name, int canaryPercent) {
  public Step {
    if (canaryPercent < 0 || canaryPercent > 100) {
      throw new IllegalArgumentException("a step is a percentage from 0 to 100: " + canaryPercent);
    }
  }

  /** The default steps: canary-25, canary-50, promote (100 %) and rollback (0 %). */
  public static List<Step> defaults() {
    return List.of(of(25), of(50), of(100), of(0));
  }

  public static Step of(int percent) {
    return new Step(
        percent == 0 ? "rollback" : percent == 100 ? "promote" : "canary-" + percent, percent);
  }

  /** Whether this step is the rollback, the one step that lowers a canary's share. */
  public boolean rollback() {
    return canaryPercent == 0;
  }

  /** The step's canary share, as a fraction of the route's requests. */
  public Fraction share() {
    return Fraction.of(canaryPercent, 100);
  }

  /**
   * The share of {@code route}'s requests that goes to {@code app}'s canary tracks: every backend's
   * but the stable track's.
   */
  public static Fraction canaryShare(Route route, App app) {
    String stable = app.stable().name();
    Fraction canary = Fraction.ZERO;
    for (Route.Backend b : route.backends()) {
      if (!b.track().equals(stable)) {
        canary = canary.plus(b.share());
      }
    }
    return canary;
  }

  /**
   * Whether this step changes {@code route}: a split route of an app with canaries whose canary
   * share today is below the step's (any share above zero, for the rollback).
   */
  public boolean moves(Route route, App app) {
    if (!route.split() || route.backends().isEmpty() || canaries(route, app).isEmpty()) {
      return false; // nothing to shift: an app without a canary on the route's port stays stable
    }
    int c = canaryShare(route, app).compareTo(share());
    return rollback() ? c > 0 : c < 0;
  }

  /**
   * The backends of {@code route} at this step: when the step {@link #moves} it, the stable track
   * gets {@code 100 - p} %, the canaries share {@code p} % in their current proportion (equally
   * when none has a share today), tracks left with nothing left out; otherwise the route as it is.
   * Canary-only routes, the routes of an app without a canary track, and routes already at or above
   * the step's canary share do not change.
   */
  public Route apply(Route route, App app) {
    if (!moves(route, app)) {
      return route;
    }
    List<Track> canaries = canaries(route, app);
    Fraction canary = share();
    Fraction stable = Fraction.ONE.minus(canary);
    Track stableTrack = app.stable();
    int port = route.backends().get(0).port();
    Fraction canaryToday = canaryShare(route, app);
    List<Route.Backend> out = new ArrayList<>();
    if (!stable.isZero()) {
      out.add(new Route.Backend(stableTrack.name(), port, stable));
    }
    if (!canary.isZero()) {
      for (Track t : canaries) {
        Fraction part;
        if (canaryToday.isZero()) {
          part = Fraction.of(1, canaries.size());
        } else {
          part = Fraction.ZERO;
          for (Route.Backend b : route.backends()) {
            if (b.track().equals(t.name())) {
              part = b.share().dividedBy(canaryToday);
            }
          }
        }
        if (!part.isZero()) {
          out.add(new Route.Backend(t.name(), port, canary.times(part)));
        }
      }
    }
    return route.withBackends(out);
  }

  /**
   * The canary tracks a step can send the route's requests to: those whose Service has the route's
   * port (a canary behind other load balancers may not serve this one's listener, and a backend on
   * a port its Service lacks breaks the route in every target).
   */
  private static List<Track> canaries(Route route, App app) {
    int port = route.backends().isEmpty() ? -1 : route.backends().get(0).port();
    return app.tracks().stream()
        .filter(t -> t.role() == Role.CANARY)
        .filter(t -> t.ports().stream().anyMatch(p -> p.port() == port))
        .toList();
  }
}
