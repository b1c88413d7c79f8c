package io.canary2k8s.render.diff;

import io.canary2k8s.split.Fraction;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Where one host's requests go, as the routing objects of one side say: each Service's exact share
 * of the host's requests.
 *
 * @param weightedIn the object that carries the weights (TraefikService, or the traefik-v1 Ingress)
 * @param shares Service name → its share; the shares sum to one
 */
public record HostRoute(
    String namespace, String host, ObjectId weightedIn, SortedMap<String, Fraction> shares) {
  public HostRoute {
    shares = Collections.unmodifiableSortedMap(new TreeMap<>(shares));
  }
}
