package io.canary2k8s.plan;

import io.canary2k8s.names.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The route names of one app. The emitters name a route's other objects {@code <route>-https},
 * {@code <route>-wrr}, {@code <route>-redirect}, {@code <route>-redirect-https}, its rewrite
 * Middlewares {@code <route>-rewrite-path} and {@code <route>-rewrite-host}, its TLS Secret {@code
 * <route>-tls} and that Secret's ReferenceGrant {@code <route>-tls-gateway}: a route name is free
 * only when neither it nor any of these is taken by another route of the app (ELBs {@code web} and
 * {@code web-https} would both want an IngressRoute {@code web-https}).
 */
final class RouteNames {
  /** Suffixes the emitters append to a route's name for its other objects. */
  static final List<String> DERIVED_SUFFIXES =
      List.of(
          "https",
          "wrr",
          "tls",
          "tls-gateway",
          "redirect",
          "redirect-https",
          "rewrite-path",
          "rewrite-host");

  private final Set<String> taken = new TreeSet<>();

  /**
   * Takes {@code name} and the names derived from it when none of them is taken, and says so; takes
   * nothing otherwise.
   */
  boolean reserve(String name) {
    List<String> all = new ArrayList<>(List.of(name));
    for (String suffix : DERIVED_SUFFIXES) {
      all.add(Names.join(name, suffix));
    }
    if (all.stream().anyMatch(taken::contains)) {
      return false;
    }
    taken.addAll(all);
    return true;
  }

  /** Whether {@code name} is taken, as a route's name or a name derived from one. */
  boolean taken(String name) {
    return taken.contains(name);
  }

  /**
   * Takes {@code wanted}, or when it is not free, {@code wanted} with the first four characters of
   * the hash of {@code hashed} appended (as often as needed), and returns the name taken.
   */
  String reserve(String wanted, String hashed) {
    String name = wanted;
    while (!reserve(name)) {
      name = Names.join(name, Names.hash(hashed).substring(0, 4));
    }
    return name;
  }
}
