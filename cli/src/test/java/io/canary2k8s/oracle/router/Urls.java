package io.canary2k8s.oracle.router;

import java.net.URI;
import java.util.Locale;

/** URLs of requests and redirects. */
final class Urls {
  private Urls() {}

  static int defaultPort(String scheme) {
    return scheme.equals("https") ? 443 : 80;
  }

  /** {@code scheme://host[:port]path}, the port only when it is not the scheme's default. */
  static String of(String scheme, String host, int port, String path) {
    return scheme + "://" + host + (port == defaultPort(scheme) ? "" : ":" + port) + path;
  }

  /** The redirect a Location header makes, or null when it is not an absolute http(s) URL. */
  static Routed.Redirected redirect(String location, String via) {
    try {
      URI u = URI.create(location);
      String scheme = u.getScheme() == null ? null : u.getScheme().toLowerCase(Locale.ROOT);
      if (scheme == null
          || u.getHost() == null
          || !(scheme.equals("http") || scheme.equals("https"))) {
        return null;
      }
      String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
      return new Routed.Redirected(
          scheme,
          u.getHost().toLowerCase(Locale.ROOT),
          u.getPort() < 0 ? defaultPort(scheme) : u.getPort(),
          path,
          via);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
