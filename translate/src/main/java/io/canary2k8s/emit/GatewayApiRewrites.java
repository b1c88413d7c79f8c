package io.canary2k8s.emit;

import io.canary2k8s.notes.Notifier;
import io.canary2k8s.plan.App;
import io.canary2k8s.plan.Route;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPPathModifier;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPURLRewriteFilter;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A route's rewrites as the Gateway API's {@code URLRewrite} filter (standard channel since v0.8.0:
 * config/crd/standard of kubernetes-sigs/gateway-api; "Extended" support, which Traefik
 * implements). The filter has no regular expressions: it replaces a path prefix, a whole path or
 * the whole Host with fixed values. A rewrite becomes one only where the result is the same as
 * AWS's for every request the route takes:
 *
 * <ul>
 *   <li>{@code ReplacePrefixMatch}: the route's one match is the PathPrefix {@code P} (every path
 *       when the route has none: {@code /}), the regex is {@code ^P(.*)$} and the replacement
 *       {@code N$1}, with {@code N} a path that ends with '/' exactly when {@code P} does (Traefik
 *       joins {@code N} and the rest of the path with one '/',
 *       pkg/middlewares/gatewayapi/urlrewrite);
 *   <li>{@code ReplaceFullPath}: the replacement names no group, and the regex matches the whole of
 *       every path the route takes ({@code ^L.*$} with each prefix starting with {@code L}, or a
 *       regex that matches each exact path whole);
 *   <li>{@code hostname}: the replacement is a host name that names no group, and the regex matches
 *       the whole of each of the route's hosts.
 * </ul>
 *
 * Any other rewrite is an ERROR naming the rule.
 */
final class GatewayApiRewrites {
  private GatewayApiRewrites() {}

  /** A host name as the filter's {@code hostname} takes it (the CRD's pattern). */
  private static final Pattern HOSTNAME =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  /**
   * The {@code URLRewrite} filter of the rewrites the Gateway API can express on a rule whose
   * matches are {@code matches}, or null for none; notes each rewrite.
   */
  static HTTPRouteFilter filter(
      App app, Route route, List<HTTPRouteMatch> matches, String object, Notifier notes) {
    HTTPURLRewriteFilter rewrite = new HTTPURLRewriteFilter();
    boolean any = false;
    for (Route.Rewrite w : route.rewrites()) {
      if (w.kind() == Route.Rewrite.Kind.HOST) {
        if (!Rewrites.literal(w.replace())
            || !HOSTNAME.matcher(w.replace()).matches()
            || !Rewrites.wholeOfEvery(w.regex(), route.hosts())) {
          error(
              notes,
              object,
              w,
              "its hostname is one fixed name, and the Host AWS writes depends on the request's"
                  + " host ("
                  + route.hosts()
                  + ") unless the regex matches the whole of each and the replacement is a host"
                  + " name that names no group");
          continue;
        }
        rewrite.setHostname(w.replace());
        Rewrites.info(notes, object, w, "a URLRewrite filter with hostname " + w.replace());
        any = true;
        continue;
      }
      String prefix = onePrefix(matches);
      String newPrefix = prefix == null ? null : prefixReplacement(w, prefix);
      String fullPath = newPrefix == null ? fullPath(w, route.paths()) : null;
      HTTPPathModifier path = new HTTPPathModifier();
      if (newPrefix != null) {
        path.setType("ReplacePrefixMatch");
        path.setReplacePrefixMatch(newPrefix);
        Rewrites.info(
            notes,
            object,
            w,
            "a URLRewrite filter replacing the prefix " + prefix + " with " + newPrefix);
      } else if (fullPath != null) {
        path.setType("ReplaceFullPath");
        path.setReplaceFullPath(fullPath);
        Rewrites.info(notes, object, w, "a URLRewrite filter with the full path " + fullPath);
      } else {
        error(
            notes,
            object,
            w,
            "its URLRewrite filter replaces a path prefix or the whole path with a fixed value and"
                + " has no regular expressions; the regex must be ^<prefix>(.*)$ on the rule's one"
                + " path prefix with the replacement <new prefix>$1, or match every path of the"
                + " rule whole with a replacement that names no group");
        continue;
      }
      rewrite.setPath(path);
      any = true;
    }
    if (!any) {
      return null;
    }
    HTTPRouteFilter f = new HTTPRouteFilter();
    f.setType("URLRewrite");
    f.setUrlRewrite(rewrite);
    return f;
  }

  /** The prefix of a rule's matches when they are one PathPrefix (the CRD requires it), or null. */
  private static String onePrefix(List<HTTPRouteMatch> matches) {
    if (matches.size() != 1 || matches.get(0).getPath() == null) {
      return null;
    }
    return "PathPrefix".equals(matches.get(0).getPath().getType())
        ? matches.get(0).getPath().getValue()
        : null;
  }

  /**
   * The {@code ReplacePrefixMatch} of a path rewrite on the PathPrefix {@code prefix}, or null when
   * the rewrite is not {@code ^prefix(.*)$ -> N$1} with {@code N} a path ending with '/' exactly
   * when {@code prefix} does.
   */
  static String prefixReplacement(Route.Rewrite w, String prefix) {
    String re = w.regex();
    if (!re.startsWith("^") || !re.endsWith("(.*)$") || re.endsWith("\\(.*)$")) {
      return null;
    }
    String literal = Rewrites.literalText(re.substring(1, re.length() - "(.*)$".length()));
    if (!prefix.equals(literal) || !w.replace().endsWith("$1")) {
      return null;
    }
    String n = w.replace().substring(0, w.replace().length() - 2);
    if (!Rewrites.literal(n) || !n.startsWith("/") || n.endsWith("/") != prefix.endsWith("/")) {
      return null;
    }
    return n;
  }

  /**
   * The {@code ReplaceFullPath} of a path rewrite on a route of {@code paths} (every path when
   * empty), or null unless its replacement is a fixed path and its regex matches every such path
   * whole.
   */
  static String fullPath(Route.Rewrite w, List<Route.PathMatch> paths) {
    if (!Rewrites.literal(w.replace()) || !w.replace().startsWith("/")) {
      return null;
    }
    String lead = leadOfAnyPath(w.regex());
    List<Route.PathMatch> taken = paths.isEmpty() ? List.of(new Route.PathMatch("/", true)) : paths;
    for (Route.PathMatch p : taken) {
      boolean whole =
          switch (p.type()) {
            case EXACT -> Rewrites.wholeOf(w.regex(), p.value());
            case PREFIX -> lead != null && p.value().startsWith(lead);
            case REGEX -> false;
          };
      if (!whole) {
        return null;
      }
    }
    return w.replace();
  }

  /**
   * {@code L} of a regex {@code ^L.*$} or {@code ^L(.*)$} (the {@code $} may be left out: {@code
   * .*} takes the rest of a path), which matches the whole of every path that starts with {@code
   * L}; else null.
   */
  private static String leadOfAnyPath(String regex) {
    if (!regex.startsWith("^")) {
      return null;
    }
    String body =
        regex.endsWith("$") && !regex.endsWith("\\$")
            ? regex.substring(0, regex.length() - 1)
            : regex;
    for (String any : List.of("(.*)", ".*")) {
      if (body.endsWith(any) && !body.endsWith("\\" + any)) {
        return Rewrites.literalText(body.substring(1, body.length() - any.length()));
      }
    }
    return null;
  }

  private static void error(Notifier notes, String object, Route.Rewrite w, String why) {
    Rewrites.error(
        notes,
        object,
        w,
        "the Gateway API",
        why,
        "Rewrite them with a filter of the implementation or in the application, or use --target"
            + " traefik-v3");
  }
}
