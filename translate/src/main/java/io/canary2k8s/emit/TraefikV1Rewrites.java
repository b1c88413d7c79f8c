package io.canary2k8s.emit;

import io.canary2k8s.notes.Notifier;
import io.canary2k8s.plan.App;
import io.canary2k8s.plan.Route;

/**
 * A route's rewrites in Traefik 1.7, on the route's own Ingress (one per route, so nothing leaks to
 * another route): a path rewrite is the request modifier annotation {@code ReplacePathRegex:
 * <regex> <replacement>} (Go's regexp and replacement syntax). Traefik 1.7 reads it only on an
 * Ingress path (every rule here has one, {@code /} at least) and splits it on ':' (type and value),
 * ';' (rules), ',' (arguments) and ' ' (regex and replacement), so neither may hold those
 * characters (provider/kubernetes/kubernetes.go parseRequestModifier, rules/rules.go parseRules,
 * server/server_configuration.go). A Host rewrite cannot be expressed: the custom-request-headers
 * annotation sets a header named Host in the request's header map (middlewares/headers.go), which
 * Go's HTTP client does not send (it sends the request's Host field).
 */
final class TraefikV1Rewrites {
  private TraefikV1Rewrites() {}

  public static final String REQUEST_MODIFIER = "traefik.ingress.kubernetes.io/request-modifier";

  /** Characters Traefik 1.7 splits a request modifier on. */
  private static final String SEPARATORS = ":;, ";

  /** The request modifier annotation's value for the route's rewrites, or null; notes each. */
  static String requestModifier(App app, Route route, Notifier notes) {
    String object = "Ingress/" + app.namespace() + "/" + route.name();
    String out = null;
    for (Route.Rewrite w : route.rewrites()) {
      if (w.kind() == Route.Rewrite.Kind.HOST) {
        error(
            notes,
            object,
            w,
            "its custom-request-headers annotation sets a header named Host, which Go's HTTP"
                + " client does not send, and it has no other way to set the Host");
        continue;
      }
      String why = Rewrites.replacePathRegexProblem(w);
      String replacement = Rewrites.goReplacement(w.replace());
      if (why == null && (hasSeparator(w.regex()) || hasSeparator(replacement))) {
        why =
            "its request-modifier annotation is split on ':', ';', ',' and ' ', and the regex or"
                + " the replacement has one of them";
      }
      if (why != null) {
        error(notes, object, w, why);
        continue;
      }
      out = "ReplacePathRegex: " + w.regex() + " " + replacement;
      Rewrites.warnUnanchored(notes, object, w);
      Rewrites.info(notes, object, w, "the annotation " + REQUEST_MODIFIER + ": " + out);
    }
    return out;
  }

  private static boolean hasSeparator(String s) {
    return s.chars().anyMatch(c -> SEPARATORS.indexOf(c) >= 0);
  }

  private static void error(Notifier notes, String object, Route.Rewrite w, String why) {
    Rewrites.error(
        notes,
        object,
        w,
        "Traefik 1.7",
        why,
        "Rewrite them in the application, or use --target traefik-v3");
  }
}
