package io.canary2k8s.plan;

import io.canary2k8s.split.Fraction;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Host rules that share one split: the names that pointed at the same load balancer(s) in the same
 * proportions. Backends with no share are left out (an empty member breaks a TraefikService).
 *
 * <p>Built with names, not positions: {@link #forHosts} for the whole split behind load balancers,
 * {@link #forRule} for an ALB listener rule, {@link #forListener} for a TCP, SSL or TLS listener (a
 * TCP route: {@link #listener()} is set, and the route serves neither HTTP nor HTTPS), then the
 * {@link Builder}'s setters.
 *
 * @param name the routing object's name
 * @param loadBalancers the load balancers these hosts pointed at
 * @param hosts the host names, normalised and sorted ({@code *.example.com} for a wildcard)
 * @param http whether the load balancer listened for HTTP on port 80
 * @param https whether it listened for HTTPS on 443; then {@code tlsSecret} names the Secret
 * @param certificateArn the ACM/IAM certificate of the HTTPS listener, or null
 * @param split true when the route divides traffic between the stable track and canaries (the step
 *     overlays change it); false for a canary-only host
 * @param httpRedirect whether HTTP requests for these hosts are redirected to HTTPS (see {@link
 *     #redirectsToHttps()})
 * @param paths the request paths the route is limited to (an ALB rule's path patterns), empty for
 *     every path
 * @param priority the route's place among routes of the same hosts (an ALB rule's priority: lower
 *     first), or null for a route that takes what no prioritised route matched
 * @param rule the ALB rule it came from, e.g. {@code web-alb HTTPS:443 rule 10}, or the listener of
 *     a TCP route, e.g. {@code ledger TCP:5432}, for REVIEW.md; null for a load balancer's whole
 *     split
 * @param listener the listener of a TCP route; null for an HTTP route
 * @param rewrites what the route rewrites in a request before forwarding it (an ALB rule's
 *     transforms), at most one per {@link Rewrite.Kind}, the path's first; empty for none
 */
public record Route(
    String name,
    List<String> loadBalancers,
    List<String> hosts,
    boolean http,
    boolean https,
    String tlsSecret,
    String certificateArn,
    List<Backend> backends,
    boolean split,
    boolean httpRedirect,
    List<PathMatch> paths,
    Integer priority,
    String rule,
    TcpListener listener,
    List<Rewrite> rewrites) {

  public Route {
    Objects.requireNonNull(name, "name");
    boolean terminates = https || listener != null && listener.terminatesTls();
    if (terminates != (tlsSecret != null)) {
      throw new IllegalArgumentException(
          "route "
              + name
              + ": a route that terminates TLS (HTTPS, or an SSL/TLS listener) names its TLS"
              + " Secret, and only such a route does");
    }
    if (listener != null && (http || https || priority != null)) {
      throw new IllegalArgumentException(
          "route " + name + ": a TCP route serves its listener only, not HTTP or HTTPS");
    }
    loadBalancers = loadBalancers.stream().sorted().toList();
    hosts = hosts.stream().sorted().toList();
    backends = List.copyOf(backends);
    paths =
        paths == null
            ? List.of()
            : paths.stream()
                .sorted(Comparator.comparing(PathMatch::value).thenComparing(PathMatch::type))
                .toList();
    rewrites =
        rewrites == null
            ? List.of()
            : rewrites.stream().sorted(Comparator.comparing(Rewrite::kind)).toList();
    if (rewrites.stream().map(Rewrite::kind).distinct().count() < rewrites.size()) {
      throw new IllegalArgumentException(
          "route " + name + ": one rewrite of the path and one of the Host header at most");
    }
    if (listener != null && !rewrites.isEmpty()) {
      throw new IllegalArgumentException(
          "route " + name + ": a TCP route forwards bytes, it rewrites no request");
    }
  }

  /**
   * A route for every path of {@code hosts}: the split behind {@code loadBalancers} (a classic
   * ELB's, an ALB's default rule, or a DNS name's weighted over several), no priority, no rule.
   */
  public static Builder forHosts(String name, List<String> loadBalancers, List<String> hosts) {
    return new Builder(name, loadBalancers).hosts(hosts);
  }

  /**
   * A route from a listener rule of {@code loadBalancer}: it goes ahead of the load balancer's
   * other routes for the same hosts, lower {@code priority} first.
   *
   * @param rule the rule as REVIEW.md names it, e.g. {@code web-alb HTTPS:443 rule 10}
   */
  public static Builder forRule(String name, String loadBalancer, String rule, int priority) {
    Builder b = new Builder(name, List.of(loadBalancer));
    b.rule = Objects.requireNonNull(rule, "rule");
    b.priority = priority;
    return b;
  }

  /**
   * A TCP route: the connections of {@code loadBalancer}'s TCP, SSL or TLS {@code listener}, on an
   * edge entry point of the listener's port ({@link TcpListener#entryPoint()}). Its hosts are the
   * names that point at the load balancer: the server names a TLS listener matches, and the names
   * the DNS cutover moves.
   */
  public static Builder forListener(String name, String loadBalancer, TcpListener listener) {
    Builder b = new Builder(name, List.of(loadBalancer));
    b.listener = Objects.requireNonNull(listener, "listener");
    b.rule = loadBalancer + " " + listener.label();
    return b;
  }

  /** A builder holding this route's values, to change some of them. */
  public Builder toBuilder() {
    Builder b = new Builder(name, loadBalancers).hosts(hosts).backends(backends).paths(paths);
    b.http = http;
    b.https = https;
    b.tlsSecret = tlsSecret;
    b.certificateArn = certificateArn;
    b.split = split;
    b.httpRedirect = httpRedirect;
    b.priority = priority;
    b.rule = rule;
    b.listener = listener;
    b.rewrites = rewrites;
    return b;
  }

  /** Whether this is a TCP route (a TCP, SSL or TLS listener's), not an HTTP one. */
  public boolean isTcp() {
    return listener != null;
  }

  /**
   * A listener that the edge serves as a TCP route: the load balancer's port, which clients keep
   * using, and what the edge does with a connection.
   *
   * @param protocol the AWS listener protocol: TCP or SSL (classic ELB), TCP or TLS (NLB)
   * @param port the load balancer's listener port: the edge's public port for it
   * @param terminatesTls whether the edge terminates TLS (SSL, TLS) with the route's TLS Secret and
   *     routes by server name; else it forwards the bytes as they come, whatever the name
   * @param proxyProtocol the PROXY protocol version the instances expect (1 from a classic ELB's
   *     ProxyProtocol policy on the instance port, 2 from an NLB target group's {@code
   *     proxy_protocol_v2.enabled}), or null for none
   */
  public record TcpListener(
      String protocol, int port, boolean terminatesTls, Integer proxyProtocol) {
    public TcpListener {
      Objects.requireNonNull(protocol, "protocol");
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("a listener port is 1 to 65535: " + port);
      }
      if (proxyProtocol != null && proxyProtocol != 1 && proxyProtocol != 2) {
        throw new IllegalArgumentException("PROXY protocol version 1 or 2: " + proxyProtocol);
      }
    }

    /** {@code TCP:5432}, as notes and REVIEW.md name a listener. */
    public String label() {
      return protocol + ":" + port;
    }

    /**
     * The edge entry point of this listener: {@code web} and {@code websecure} for ports 80 and 443
     * (the edge's HTTP and HTTPS entry points, shared), else one of its own, {@code tcp-PORT} or
     * {@code tls-PORT} when the edge terminates TLS there.
     */
    public String entryPoint() {
      if (port == 80) {
        return "web";
      }
      if (port == 443) {
        return "websecure";
      }
      return (terminatesTls ? "tls-" : "tcp-") + port;
    }
  }

  /**
   * A request path: exactly {@code value}, every path that starts with it, or every path in which
   * the regular expression {@code value} (Go RE2 syntax, as Traefik's {@code PathRegexp} reads it:
   * a match anywhere unless anchored) finds a match.
   */
  public record PathMatch(String value, Type type) {
    /** How a path match compares; in the order routes sort them. */
    public enum Type {
      EXACT,
      PREFIX,
      REGEX
    }

    public PathMatch {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(type, "type");
    }

    /** Exactly {@code value}, or every path that starts with it. */
    public PathMatch(String value, boolean prefix) {
      this(value, prefix ? Type.PREFIX : Type.EXACT);
    }

    public boolean prefix() {
      return type == Type.PREFIX;
    }

    public boolean regex() {
      return type == Type.REGEX;
    }

    /** As ALB patterns read: {@code /api}, {@code /api/*}, or {@code regex ^/v[0-9]+/}. */
    public String describe() {
      return switch (type) {
        case EXACT -> value;
        case PREFIX -> value + "*";
        case REGEX -> "regex " + value;
      };
    }
  }

  /**
   * A rewrite of a request before it is forwarded, from an ALB rule's transform: in the {@link
   * Kind#PATH path} ({@code url-rewrite}) or the {@link Kind#HOST Host header} ({@code
   * host-header-rewrite}), what {@code regex} matches (RE2 reads it) becomes {@code replace}, which
   * names the regex's groups as AWS writes them ({@code $1}). A request in which the regex finds no
   * match is forwarded unchanged. Each dialect emits what it can express exactly, or notes an
   * ERROR.
   *
   * @param rule the rule it came from, e.g. {@code web-alb HTTPS:443 rule 10}, for notes
   */
  public record Rewrite(Kind kind, String regex, String replace, String rule) {
    /** What a rewrite changes; in the order a route lists them. */
    public enum Kind {
      PATH,
      HOST
    }

    public Rewrite {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(regex, "regex");
      Objects.requireNonNull(replace, "replace");
      Objects.requireNonNull(rule, "rule");
    }

    /** The AWS transform type it came from: {@code url-rewrite} or {@code host-header-rewrite}. */
    public String transform() {
      return kind == Kind.PATH ? "url-rewrite" : "host-header-rewrite";
    }
  }

  /** A Service that receives {@code share} of the route's requests, on {@code port}. */
  public record Backend(String track, int port, Fraction share) {}

  /**
   * Whether HTTP requests for these hosts are redirected to HTTPS: a classic ELB listened on both
   * HTTP:80 and HTTPS:443, or an ALB's HTTP:80 listener redirected to HTTPS:443.
   */
  public boolean redirectsToHttps() {
    return http && https && httpRedirect;
  }

  public Route withBackends(List<Backend> newBackends) {
    return toBuilder().backends(newBackends).build();
  }

  /**
   * The values of a {@link Route} by name. Unset, a route serves neither HTTP nor HTTPS, has no
   * backends, does not split, does not redirect and matches every path.
   */
  public static final class Builder {
    private final String name;
    private final List<String> loadBalancers;
    private List<String> hosts = List.of();
    private boolean http;
    private boolean https;
    private String tlsSecret;
    private String certificateArn;
    private List<Backend> backends = List.of();
    private boolean split;
    private boolean httpRedirect;
    private List<PathMatch> paths = List.of();
    private Integer priority;
    private String rule;
    private TcpListener listener;
    private List<Rewrite> rewrites = List.of();

    private Builder(String name, List<String> loadBalancers) {
      this.name = Objects.requireNonNull(name, "name");
      this.loadBalancers = List.copyOf(loadBalancers);
    }

    public Builder hosts(List<String> hosts) {
      this.hosts = List.copyOf(hosts);
      return this;
    }

    /** Whether the route serves HTTP on port 80. */
    public Builder http(boolean serves) {
      this.http = serves;
      return this;
    }

    /** The route serves HTTPS on port 443 with the certificate in Secret {@code tlsSecret}. */
    public Builder https(String tlsSecret) {
      this.https = true;
      this.tlsSecret = Objects.requireNonNull(tlsSecret, "tlsSecret");
      return this;
    }

    /**
     * A TCP route's listener terminates TLS with the certificate in Secret {@code tlsSecret} (for
     * HTTPS, see {@link #https}).
     */
    public Builder tlsSecret(String tlsSecret) {
      this.tlsSecret = Objects.requireNonNull(tlsSecret, "tlsSecret");
      return this;
    }

    /** The ACM/IAM certificate the load balancer's HTTPS listener used (null: none). */
    public Builder certificateArn(String arn) {
      this.certificateArn = arn;
      return this;
    }

    /** Whether HTTP requests are redirected to HTTPS (when the route serves both). */
    public Builder redirectHttpToHttps(boolean redirect) {
      this.httpRedirect = redirect;
      return this;
    }

    public Builder backends(List<Backend> backends) {
      this.backends = List.copyOf(backends);
      return this;
    }

    /**
     * Whether the step overlays move this route's traffic between the stable track and canaries.
     */
    public Builder split(boolean split) {
      this.split = split;
      return this;
    }

    /** The paths the route is limited to; empty for every path. */
    public Builder paths(List<PathMatch> paths) {
      this.paths = List.copyOf(paths);
      return this;
    }

    /** What the route rewrites in a request before forwarding it; empty for nothing. */
    public Builder rewrites(List<Rewrite> rewrites) {
      this.rewrites = List.copyOf(rewrites);
      return this;
    }

    public Route build() {
      return new Route(
          name,
          loadBalancers,
          hosts,
          http,
          https,
          tlsSecret,
          certificateArn,
          backends,
          split,
          httpRedirect,
          paths,
          priority,
          rule,
          listener,
          rewrites);
    }
  }
}
