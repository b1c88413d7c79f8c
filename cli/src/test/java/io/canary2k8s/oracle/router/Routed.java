package io.canary2k8s.oracle.router;

import io.canary2k8s.split.Fraction;
import java.util.Map;
import java.util.TreeMap;

/** What a proxy does with one request or connection, as a router model works it out. */
public sealed interface Routed {

  /**
   * Forwarded: each Auto Scaling group's share (zero shares left out; the rest, up to 1, gets an
   * error such as a 503 from an empty Service or a 500 from an invalid backend).
   */
  record Served(Map<String, Fraction> shares, String via) implements Routed {
    public Served {
      shares = Map.copyOf(new TreeMap<>(shares));
    }

    public Fraction total() {
      return shares.values().stream().reduce(Fraction.ZERO, Fraction::plus);
    }
  }

  /** Answered with a redirect to {@code scheme://host:port/path}. */
  record Redirected(String scheme, String host, int port, String path, String via)
      implements Routed {}

  /** No route, no listener, or a connection the proxy refuses. */
  record NotRouted(String why) implements Routed {}

  /**
   * The manifests leave the answer to chance (two routes of the same precedence that do different
   * things) or break the proxy's configuration for this request.
   */
  record Broken(String why) implements Routed {}

  /** A proxy model: HTTP requests and TCP connections at the edge's public ports. */
  interface Router {
    /** {@code scheme://host:port/path}, a plain GET. */
    Routed http(String scheme, String host, int port, String path);

    /** A TCP connection to {@code port}; {@code sni} null is plain TCP, else a TLS ClientHello. */
    Routed tcp(int port, String sni);
  }

  /** Follows redirects (at most five) to the answer that serves the request. */
  static Routed follow(Router router, String scheme, String host, int port, String path) {
    Routed r = router.http(scheme, host, port, path);
    for (int i = 0; i < 5 && r instanceof Redirected d; i++) {
      r = router.http(d.scheme(), d.host(), d.port(), d.path());
    }
    return r instanceof Redirected d ? new Broken("redirect loop at " + d) : r;
  }
}
