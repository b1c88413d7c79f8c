package io.canary2k8s.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The one priority scheme of the edge's HTTP routers: Traefik v3's {@code routes[].priority} and
 * Traefik 1.7's {@code traefik.ingress.kubernetes.io/priority}. Both pick the matching router with
 * the highest priority, and without one fall back to the length of the rule, which ranks a long
 * wildcard {@code HostRegexp} above a short explicit {@code Host} (traefik-targets §8). AWS decides
 * in two steps, and the priority says both:
 *
 * <ol>
 *   <li>Route53 picks the record of the name asked for: an explicit name beats every wildcard, and
 *       of two wildcards the one closer to the name ({@code *.b.example.com} beats {@code
 *       *.example.com} for {@code x.b.example.com}: RFC 4592's closest encloser). That is the
 *       host's <em>rank</em>: {@value #EXPLICIT} for an explicit host, the number of labels after
 *       {@code *.} for a wildcard (a name has at most 127 labels).
 *   <li>The load balancer picks the rule: an ALB rule, lower AWS priority first (1 to 50,000),
 *       before the default rule that the host's own route carries.
 * </ol>
 *
 * <pre>
 *   priority = rank × 100,000 + (a rule's route ? 100,000 − rule priority : 0)
 * </pre>
 *
 * <p>So {@code www.example.com}'s default route has 100,000,000 and its ALB's rule 10 100,099,990;
 * {@code *.example.com}'s default route 200,000. Every router of the bundle gets a priority (rule
 * lengths never decide among them), all above 100,000 and below Traefik's redirection routers.
 *
 * <p>A route's hosts are the names its requests come in by, so each host carries its own rank: a
 * route whose hosts have different ranks is one router per rank ({@link #routers}). Routes that
 * combine hosts and ALB rules must list hosts as specific as Route53 answers them: a rule whose
 * host condition {@code *.docs.example.com} covers the Route53 name {@code eu.docs.example.com} of
 * its load balancer lists that name too, or the explicit name's default route would outrank it. The
 * Gateway API needs no priorities: it prefers an exact hostname, then the longest wildcard, the
 * same order.
 */
public final class RoutePriority {
  /** The rank of an explicit host: above every wildcard. */
  public static final int EXPLICIT = 1_000;

  /** The priorities of one rank: its default route at 0, its rules in 50,000..99,999. */
  public static final long PER_RANK = 100_000;

  private RoutePriority() {}

  /**
   * The rank of a host: {@value #EXPLICIT} for an explicit name, the number of labels after {@code
   * *.} for a wildcard.
   */
  public static int rank(String host) {
    if (!host.startsWith("*.")) {
      return EXPLICIT;
    }
    int labels = 1;
    for (int i = 2; i < host.length(); i++) {
      if (host.charAt(i) == '.') {
        labels++;
      }
    }
    return Math.min(labels, EXPLICIT - 1);
  }

  /**
   * The priority of the router for {@code host}: of its default route ({@code rule} null), or of
   * the route of the ALB rule of AWS priority {@code rule} (1 to 99,999; ALB rules are 1 to
   * 50,000).
   */
  public static long of(String host, Integer rule) {
    long base = rank(host) * PER_RANK;
    if (rule == null) {
      return base;
    }
    if (rule < 1 || rule >= PER_RANK) {
      throw new IllegalArgumentException("an ALB rule priority is 1 to 99,999: " + rule);
    }
    return base + PER_RANK - rule;
  }

  /**
   * A rule's host conditions and the names of {@code names} (the Route53 names of its load
   * balancer) that a wildcard condition covers, deeper wildcards included, in order: the rule's
   * route lists those names as well, so that its router outranks their default routes as the ALB's
   * rule does ({@code *.docs.example.com} alone would rank below {@code eu.docs.example.com}'s
   * default route, and below a {@code *.eu.docs.example.com} record's).
   */
  public static List<String> withCovered(List<String> conditions, List<String> names) {
    List<String> out = new ArrayList<>(conditions);
    for (String n : names) {
      if (!out.contains(n) && conditions.stream().anyMatch(c -> covers(c, n))) {
        out.add(n);
      }
    }
    return out;
  }

  /** Whether host condition {@code condition} ({@code *.x} or a name) matches name {@code n}. */
  static boolean covers(String condition, String n) {
    return condition.startsWith("*.")
        ? n.endsWith(condition.substring(1)) && n.length() > condition.length() - 1
        : condition.equals(n);
  }

  /**
   * The routers of a route: its hosts by the priority of their router, highest first, each list in
   * host order. One entry when every host has the same rank.
   */
  public static SortedMap<Long, List<String>> routers(Route route) {
    SortedMap<Long, List<String>> out = new TreeMap<>(Comparator.reverseOrder());
    for (String h : route.hosts()) {
      out.computeIfAbsent(of(h, route.priority()), k -> new ArrayList<>()).add(h);
    }
    return out;
  }
}
