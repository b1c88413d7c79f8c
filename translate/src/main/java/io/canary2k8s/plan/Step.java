package io.canary2k8s.plan;

import io.canary2k8s.split.Fraction;
import java.util.ArrayList;
import java.util.List;

/**
 * One canary step: the share of each split route that goes to the canary tracks. {@code 0} is a
 * rollback, {@code 100} a promotion.
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

  /**
   * The backends of {@code route} at this step: the stable track gets {@code 100 - p} %, the
   * canaries share {@code p} % in their current proportion (equally when none has a share today).
   * Tracks left with nothing are left out. Canary-only routes, and the routes of an app without a
   * canary track, do not change.
   */
  public Route apply(Route route, App app) {
    List<Track> canaries = app.tracks().stream().filter(t -> t.role() == Role.CANARY).toList();
    if (!route.split() || canaries.isEmpty()) {
      return route; // nothing to shift: an app without a canary stays all stable
    }
    Fraction canary = Fraction.of(canaryPercent, 100);
    Fraction stable = Fraction.ONE.minus(canary);
    Track stableTrack = app.stable();
    int port = route.backends().get(0).port();
    Fraction canaryToday = Fraction.ZERO;
    for (Route.Backend b : route.backends()) {
      if (!b.track().equals(stableTrack.name())) {
        canaryToday = canaryToday.plus(b.share());
      }
    }
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
}
