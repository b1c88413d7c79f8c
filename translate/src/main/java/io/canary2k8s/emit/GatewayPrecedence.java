package io.canary2k8s.emit;

import io.canary2k8s.notes.Notifier;
import io.canary2k8s.plan.App;
import io.canary2k8s.plan.Route;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Where the Gateway API's precedence differs from an ALB's rule order, and what makes it agree. The
 * Gateway API ranks by hostname first (an exact hostname above a wildcard, and a request reaches
 * only the HTTPS listener of its most specific hostname), then an Exact path above any PathPrefix,
 * then the longest PathPrefix; a PathPrefix matches whole path elements, so {@code /api/} also
 * takes {@code /api}. An ALB takes its rules in priority order, and {@code /api/*} does not match
 * {@code /api}.
 *
 * <ul>
 *   <li>A rule route with a wildcard host ({@code *.docs.example.com}) is also given the exact
 *       hostnames of the app's other routes on its load balancers that the wildcard covers: it then
 *       competes with them on their listeners by path, not loses by hostname.
 *   <li>A route that AWS chooses for {@code /api} on its hosts, while another route of those hosts
 *       has the PathPrefix {@code /api/}, is given an Exact {@code /api} match, which outranks
 *       every PathPrefix.
 * </ul>
 */
final class GatewayPrecedence {
  private GatewayPrecedence() {}

  /** The route's hostnames: its own, and for a rule route the exact hosts its wildcards cover. */
  static List<String> hostnames(App app, Route route) {
    if (route.priority() == null || route.hosts().stream().noneMatch(h -> h.startsWith("*."))) {
      return route.hosts();
    }
    TreeSet<String> out = new TreeSet<>(route.hosts());
    for (Route other : app.routes()) {
      if (other == route
          || other.https() != route.https()
          || other.loadBalancers().stream().noneMatch(route.loadBalancers()::contains)) {
        continue;
      }
      for (String h : other.hosts()) {
        if (!h.startsWith("*.") && route.hosts().stream().anyMatch(p -> covers(p, h))) {
          out.add(h);
        }
      }
    }
    return List.copyOf(out);
  }

  /**
   * The Exact paths {@code route} must add: {@code /x} where another route of a host of {@code
   * route} has the PathPrefix {@code /x/} and AWS chooses {@code route} for {@code /x} on that
   * host. When AWS chooses another route for {@code /x} on some other host of {@code route}, the
   * Exact match would take it there: it is left out with a WARNING naming both rules.
   */
  static List<String> exactPaths(App app, Route route, Notifier notes, String subject) {
    TreeSet<String> out = new TreeSet<>();
    for (Route other : app.routes()) {
      if (other == route) {
        continue;
      }
      for (Route.PathMatch p : other.paths()) {
        if (!p.prefix() || p.value().length() < 2 || !p.value().endsWith("/")) {
          continue;
        }
        String x = p.value().substring(0, p.value().length() - 1);
        boolean shared = false;
        for (String h : route.hosts()) {
          if (!h.startsWith("*.")
              && other.hosts().stream().anyMatch(o -> covers(o, h))
              && choice(app, h, x) == route) {
            shared = true;
          }
        }
        if (!shared || out.contains(x)) {
          continue;
        }
        List<String> elsewhere =
            route.hosts().stream()
                .filter(h -> !h.startsWith("*.") && choice(app, h, x) != route)
                .toList();
        if (elsewhere.isEmpty()) {
          out.add(x);
        } else {
          notes.warn(
              subject,
              "The Gateway API's PathPrefix "
                  + p.value()
                  + " of "
                  + Objects.requireNonNullElse(other.rule(), other.name())
                  + " also takes "
                  + x
                  + ", which AWS sends to "
                  + Objects.requireNonNullElse(route.rule(), route.name())
                  + "; an Exact "
                  + x
                  + " there would also take it on "
                  + elsewhere
                  + ", where AWS chooses another rule, so "
                  + x
                  + " goes to the PathPrefix.");
        }
      }
    }
    return List.copyOf(out);
  }

  /**
   * The route AWS chooses for {@code path} on exact host {@code host}: the first rule route in the
   * ALB's order whose host and path conditions take it, else the route of every path of the host
   * (an exact name before a wildcard); null when none takes it. Regular-expression routes are not
   * emitted in this dialect and take nothing here.
   */
  static Route choice(App app, String host, String path) {
    List<Route> candidates = new ArrayList<>();
    for (Route r : app.routes()) {
      if (r.hosts().stream().anyMatch(p -> covers(p, host)) && takesPath(r, path)) {
        candidates.add(r);
      }
    }
    return candidates.stream()
        .min(
            Comparator.comparing(
                    (Route r) -> r.priority() == null ? Integer.MAX_VALUE : r.priority())
                .thenComparing(r -> !r.hosts().contains(host))
                .thenComparing(Route::name))
        .orElse(null);
  }

  private static boolean takesPath(Route r, String path) {
    if (r.paths().isEmpty()) {
      return true;
    }
    for (Route.PathMatch m : r.paths()) {
      boolean ok =
          switch (m.type()) {
            case EXACT -> path.equals(m.value());
            case PREFIX -> path.startsWith(m.value());
            case REGEX -> false;
          };
      if (ok) {
        return true;
      }
    }
    return false;
  }

  /** Whether host pattern {@code p} ({@code *.example.com}: one label or more) covers {@code h}. */
  static boolean covers(String p, String h) {
    return p.startsWith("*.")
        ? h.endsWith(p.substring(1)) && h.length() > p.length() - 1
        : p.equals(h);
  }
}
