package io.canary2k8s.emit;

import io.canary2k8s.names.Names;
import io.canary2k8s.notes.Notifier;
import io.canary2k8s.plan.App;
import io.canary2k8s.plan.Route;
import io.traefik.v1alpha1.Middleware;
import io.traefik.v1alpha1.MiddlewareSpec;
import io.traefik.v1alpha1.middlewarespec.Headers;
import io.traefik.v1alpha1.middlewarespec.ReplacePathRegex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A route's rewrites as Traefik v3 Middlewares, which its IngressRoutes call before the service: a
 * path rewrite is a {@code replacePathRegex} (Go's regexp, the replacement in Go's syntax, see
 * {@link Rewrites#goReplacement}); a Host rewrite is {@code headers.customRequestHeaders.Host},
 * which sets the request's Host (pkg/middlewares/headers/header.go: a custom request header named
 * Host is assigned to {@code req.Host}, which the proxy passes on), only when it gives every
 * request of the route the same Host: a literal replacement and a regex that matches the whole of
 * each host.
 */
final class TraefikV3Rewrites {
  private TraefikV3Rewrites() {}

  /** A Host header value: visible ASCII, no space. */
  private static final Pattern HOST_VALUE = Pattern.compile("[\\x21-\\x7e]+");

  static String name(Route route, Route.Rewrite w) {
    return Names.join(
        route.name(), w.kind() == Route.Rewrite.Kind.PATH ? "rewrite-path" : "rewrite-host");
  }

  /**
   * The Middlewares of the rewrites Traefik v3 can express, in the order they apply; notes each.
   */
  static List<Middleware> middlewares(App app, Route route, Notifier notes) {
    List<Middleware> out = new ArrayList<>();
    for (Route.Rewrite w : route.rewrites()) {
      String object = "Middleware/" + app.namespace() + "/" + name(route, w);
      MiddlewareSpec spec = new MiddlewareSpec();
      String how;
      if (w.kind() == Route.Rewrite.Kind.PATH) {
        String why = Rewrites.replacePathRegexProblem(w);
        if (why != null) {
          error(notes, object, w, why);
          continue;
        }
        ReplacePathRegex r = new ReplacePathRegex();
        r.setRegex(w.regex());
        r.setReplacement(Rewrites.goReplacement(w.replace()));
        spec.setReplacePathRegex(r);
        how = "replacePathRegex " + w.regex() + " -> " + r.getReplacement();
        Rewrites.warnUnanchored(notes, object, w);
      } else {
        if (!Rewrites.literal(w.replace())
            || !HOST_VALUE.matcher(w.replace()).matches()
            || !Rewrites.wholeOfEvery(w.regex(), route.hosts())) {
          error(
              notes,
              object,
              w,
              "a headers Middleware sets one Host for every request, and the Host AWS writes"
                  + " depends on the request's host ("
                  + route.hosts()
                  + ") unless the regex matches the whole of each and the replacement is a host"
                  + " (visible ASCII, no space) that names no group");
          continue;
        }
        Headers h = new Headers();
        h.setCustomRequestHeaders(Map.of("Host", w.replace()));
        spec.setHeaders(h);
        how = "customRequestHeaders Host: " + w.replace();
      }
      Middleware m = new Middleware();
      m.setMetadata(Labels.routeMeta(app, name(route, w), route));
      m.setSpec(spec);
      out.add(m);
      Rewrites.info(notes, object, w, "Middleware " + name(route, w) + " (" + how + ")");
    }
    return out;
  }

  private static void error(Notifier notes, String object, Route.Rewrite w, String why) {
    Rewrites.error(
        notes,
        object,
        w,
        "Traefik v3",
        why,
        "Rewrite them with a Middleware of your own (a plugin) or in the application");
  }
}
