package io.canary2k8s.emit;

import io.canary2k8s.notes.Notifier;
import io.canary2k8s.plan.Route;

/**
 * Routes whose paths are regular expressions, in a dialect that cannot match them as AWS does: the
 * Gateway API's {@code RegularExpression} path match is implementation-specific (its flavour and
 * anchoring are not specified), and Traefik 1.7 Ingress paths take regular expressions only as
 * named path segments ({@code /{id:[0-9]+}}), not over the whole path. Such a route is not emitted,
 * and a WARNING names its rule: its requests go to the load balancer's other routes.
 */
final class RegexPaths {
  private RegexPaths() {}

  /** Whether {@code route} is left out of the dialect: it matches a path by regular expression. */
  static boolean leftOut(Route route) {
    return route.paths().stream().anyMatch(Route.PathMatch::regex);
  }

  /** The WARNING for a route that is left out ({@link #leftOut}). */
  static void warn(String subject, Route route, String dialect, String why, Notifier notes) {
    notes.warn(
        subject,
        route.rule()
            + " matches paths "
            + route.paths().stream().map(Route.PathMatch::describe).toList()
            + " by regular expression, which "
            + dialect
            + " "
            + why
            + "; the rule is not migrated, and these requests go to the load balancer's other"
            + " routes for "
            + route.hosts()
            + ". Route them by hand or use --target traefik-v3 (PathRegexp).");
  }
}
