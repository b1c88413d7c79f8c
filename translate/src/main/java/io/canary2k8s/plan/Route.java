package io.canary2k8s.plan;

import io.canary2k8s.split.Fraction;
import java.util.List;

/**
 * Host rules that share one split: the names that pointed at the same load balancer(s) in the
 * same proportions. Backends with no share are left out (an empty member breaks a
 * TraefikService).
 *
 * @param name the routing object's name
 * @param loadBalancers the load balancers these hosts pointed at
 * @param hosts the host names, normalised and sorted ({@code *.example.com} for a wildcard)
 * @param http whether the load balancer listened for HTTP on port 80
 * @param https whether it listened for HTTPS on 443; then {@code tlsSecret} names the Secret
 * @param certificateArn the ACM/IAM certificate of the HTTPS listener, or null
 * @param split true when the route divides traffic between the stable track and canaries (the
 *     step overlays change it); false for a canary-only host
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
    boolean split) {

  public Route {
    loadBalancers = loadBalancers.stream().sorted().toList();
    hosts = hosts.stream().sorted().toList();
    backends = List.copyOf(backends);
  }

  /** A Service that receives {@code share} of the route's requests, on {@code port}. */
  public record Backend(String track, int port, Fraction share) {}

  /**
   * Whether HTTP requests for these hosts are redirected to HTTPS: the load balancer listened on
   * both HTTP:80 and HTTPS:443 (a classic ELB cannot redirect; users of both meant HTTPS).
   */
  public boolean redirectsToHttps() {
    return http && https;
  }

  public Route withBackends(List<Backend> newBackends) {
    return new Route(name, loadBalancers, hosts, http, https, tlsSecret, certificateArn, newBackends, split);
  }
}
