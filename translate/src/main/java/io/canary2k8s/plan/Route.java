package io.canary2k8s.plan;

import io.canary2k8s.split.Fraction;
import java.util.List;

/**
 * Host rules that share one split: the names that pointed at the same load balancer(s) in the same
 * proportions. Backends with no share are left out (an empty member breaks a TraefikService).
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
 * @param rule the ALB rule it came from, e.g. {@code web-alb HTTPS:443 rule 10}, for REVIEW.md;
 *     null for a load balancer's whole split
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
    String rule) {

  public Route {
    loadBalancers = loadBalancers.stream().sorted().toList();
    hosts = hosts.stream().sorted().toList();
    backends = List.copyOf(backends);
    paths =
        paths == null
            ? List.of()
            : paths.stream()
                .sorted(
                    java.util.Comparator.comparing(PathMatch::value)
                        .thenComparing(PathMatch::prefix))
                .toList();
  }

  /**
   * A classic ELB's route: every path, no priority, and HTTP redirected to HTTPS when the ELB
   * listened on both (a classic ELB cannot redirect; users of both meant HTTPS).
   */
  public Route(
      String name,
      List<String> loadBalancers,
      List<String> hosts,
      boolean http,
      boolean https,
      String tlsSecret,
      String certificateArn,
      List<Backend> backends,
      boolean split) {
    this(
        name,
        loadBalancers,
        hosts,
        http,
        https,
        tlsSecret,
        certificateArn,
        backends,
        split,
        http && https,
        List.of(),
        null,
        null);
  }

  /** A request path: exactly {@code value}, or every path that starts with it. */
  public record PathMatch(String value, boolean prefix) {}

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
    return new Route(
        name,
        loadBalancers,
        hosts,
        http,
        https,
        tlsSecret,
        certificateArn,
        newBackends,
        split,
        httpRedirect,
        paths,
        priority,
        rule);
  }
}
