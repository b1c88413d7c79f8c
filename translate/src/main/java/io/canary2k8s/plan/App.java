package io.canary2k8s.plan;

import io.canary2k8s.split.LoadBalancerShares;
import java.util.Comparator;
import java.util.List;

/**
 * One app: a connected group of DNS names, load balancers and Auto Scaling groups, migrated into
 * its own namespace.
 *
 * @param loadBalancers the load balancers of the app (classic ELBs, ALBs, NLBs), sorted
 * @param shares the recovered split behind each load balancer (the basis in use)
 * @param otherBasisShares the same under the other weight basis, for REVIEW.md
 * @param rolesFrom which rules chose the stable track (see {@code TrackRoles}), e.g. {@code the
 *     canary2k8s.io/track tag}, for REVIEW.md
 */
public record App(
    String name,
    String namespace,
    List<String> loadBalancers,
    List<Track> tracks,
    List<Route> routes,
    List<LoadBalancerShares> shares,
    List<LoadBalancerShares> otherBasisShares,
    String rolesFrom) {

  /** An app whose roles' origin is not told. */
  public App(
      String name,
      String namespace,
      List<String> loadBalancers,
      List<Track> tracks,
      List<Route> routes,
      List<LoadBalancerShares> shares,
      List<LoadBalancerShares> otherBasisShares) {
    this(name, namespace, loadBalancers, tracks, routes, shares, otherBasisShares, "");
  }

  public App {
    loadBalancers = loadBalancers.stream().sorted().toList();
    tracks =
        tracks.stream()
            .sorted(Comparator.comparing(Track::role).thenComparing(Track::name))
            .toList();
    routes = routes.stream().sorted(Comparator.comparing(Route::name)).toList();
    shares = List.copyOf(shares);
    otherBasisShares = List.copyOf(otherBasisShares);
  }

  public Track track(String name) {
    return tracks.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }

  /**
   * Whether {@code loadBalancer} is an ALB/NLB of this app (its split comes from a listener rule).
   */
  public boolean isLoadBalancerV2(String loadBalancer) {
    return shares.stream()
        .anyMatch(s -> s.loadBalancer().equals(loadBalancer) && s.isLoadBalancerV2());
  }

  public Track stable() {
    return tracks.stream().filter(t -> t.role() == Role.STABLE).findFirst().orElseThrow();
  }
}
