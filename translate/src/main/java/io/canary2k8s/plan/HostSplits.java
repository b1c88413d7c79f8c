package io.canary2k8s.plan;

import io.canary2k8s.inventory.DnsRecord;
import io.canary2k8s.notes.Notifier;
import io.canary2k8s.split.Fraction;
import io.canary2k8s.split.LoadBalancerShares;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The split of each host of an app: Route53's answers for it ({@link DnsAnswers}) composed with the
 * split behind each load balancer they point at, exactly. Hosts that an ALB rule with only a host
 * condition takes whole are left to that rule's route.
 *
 * <p>A path rule under a host that Route53 spreads over several load balancers is composed from the
 * same answers ({@link #answerShares}) with each load balancer's behaviour for its paths by {@link
 * PathComposition}, into a route of its own.
 */
final class HostSplits {
  /** Routed host → its share per Auto Scaling group (none zero), by host. */
  private final Map<String, SortedMap<String, Fraction>> splits = new TreeMap<>();

  /** Answered host → the load balancers it points at, by host, the ones a rule takes included. */
  private final Map<String, Set<String>> loadBalancers = new TreeMap<>();

  /** Answered host → the probability that Route53 answers it with each load balancer. */
  private final Map<String, SortedMap<String, Fraction>> answerShares = new TreeMap<>();

  /** The split behind each load balancer. */
  private final Map<String, LoadBalancerShares> shares;

  private HostSplits(Map<String, LoadBalancerShares> shares) {
    this.shares = shares;
  }

  /**
   * The splits of {@code hosts}: {@code shares} is the split behind each load balancer, {@code
   * ruleRoutes} the ALB rules that become routes. Notes a host whose rule takes it from several
   * load balancers, and a host with nothing to serve it.
   */
  static HostSplits of(
      List<String> hosts,
      DnsAnswers dns,
      Map<String, LoadBalancerShares> shares,
      Map<String, List<AlbRuleRoutes.RuleRoute>> ruleRoutes,
      Notifier notes) {
    // hosts that an ALB rule with only a host condition takes whole (by name, wildcard or regex):
    // the load balancer's split never sees them
    Map<String, String> claimed = new TreeMap<>();
    ruleRoutes.forEach(
        (lb, rules) ->
            rules.forEach(
                rr -> {
                  hosts.stream().filter(rr::takesWhole).forEach(h -> claimed.putIfAbsent(h, lb));
                }));
    HostSplits out = new HostSplits(shares);
    for (String host : hosts) {
      Map<DnsRecord, Fraction> p = dns.answers(host, lb -> serves(shares.get(lb)));
      if (p.isEmpty()) {
        continue;
      }
      SortedMap<String, Fraction> composed = new TreeMap<>();
      Set<String> lbs = new TreeSet<>();
      SortedMap<String, Fraction> byLb = new TreeMap<>();
      out.answerShares.put(host, byLb);
      p.forEach(
          (r, prob) -> {
            String lb = dns.loadBalancerOf(r);
            lbs.add(lb);
            byLb.merge(lb, prob, Fraction::plus);
            shares
                .get(lb)
                .shares()
                .forEach((g, f) -> composed.merge(g, prob.times(f), Fraction::plus));
          });
      composed.values().removeIf(Fraction::isZero);
      if (claimed.containsKey(host) && lbs.equals(Set.of(claimed.get(host)))) {
        out.loadBalancers.put(host, lbs);
        continue; // routed by its rule
      }
      if (claimed.containsKey(host)) {
        notes.warn(
            host,
            "Route53 spreads this host over "
                + lbs
                + "; the rule of "
                + claimed.get(host)
                + " that matches it is migrated as a separate route for the host, which takes all of its requests.");
      }
      if (composed.isEmpty()) {
        notes.warn(
            host, "Host points at " + lbs + " with no instances to serve it; no rule emitted.");
        continue;
      }
      out.splits.put(host, withoutEmpty(host, p, dns, shares, composed, notes));
      out.loadBalancers.put(host, lbs);
    }
    return out;
  }

  /** Whether a load balancer's split gives any group a share: it has instances to serve. */
  static boolean serves(LoadBalancerShares s) {
    return s != null && s.shares().values().stream().anyMatch(f -> !f.isZero());
  }

  /**
   * A host's split when some of the records Route53 answers lead to load balancers without
   * instances (a CNAME, or an alias that does not evaluate target health, is answered all the same,
   * and AWS answers those requests with an error): the rest in their ratio, with a warning naming
   * the records and the share. Unchanged when every answer is served, or none is.
   */
  private static SortedMap<String, Fraction> withoutEmpty(
      String host,
      Map<DnsRecord, Fraction> answers,
      DnsAnswers dns,
      Map<String, LoadBalancerShares> shares,
      SortedMap<String, Fraction> composed,
      Notifier notes) {
    Fraction served = composed.values().stream().reduce(Fraction.ZERO, Fraction::plus);
    if (composed.isEmpty() || served.equals(Fraction.ONE)) {
      return composed;
    }
    List<String> empty = new ArrayList<>();
    answers.forEach(
        (r, prob) -> {
          String lb = dns.loadBalancerOf(r);
          if (!serves(shares.get(lb))) {
            empty.add(
                (r.setIdentifier() == null
                        ? r.name() + " " + r.type()
                        : "'" + r.setIdentifier() + "'")
                    + " -> "
                    + lb
                    + " "
                    + prob.describe());
          }
        });
    if (!empty.isEmpty()) {
      notes.warn(
          host,
          "Route53 answers "
              + empty
              + " although those load balancers have no instances (a CNAME, or an alias that does not"
              + " evaluate target health, is answered whatever its target's health): AWS answers "
              + Fraction.ONE.minus(served).describe()
              + " of this host's requests with an error today. The bundle divides the rest in its"
              + " ratio (each share divided by "
              + served.describe()
              + ").");
    }
    SortedMap<String, Fraction> out = new TreeMap<>();
    composed.forEach((g, f) -> out.put(g, f.dividedBy(served)));
    return out;
  }

  /**
   * The routed hosts grouped by their load balancers, split and {@link RoutePriority#rank} (one
   * route each, so that an explicit name and a wildcard never share a router's priority): each
   * group in host order, the groups in the order of their load balancers and split as text.
   */
  List<List<String>> groups() {
    Map<String, List<String>> byKey = new TreeMap<>();
    for (String host : splits.keySet()) {
      // the answer probabilities too: the split of the load balancers that listen on a request's
      // port (split(host, listens)) depends on them
      String key =
          loadBalancers.get(host)
              + " "
              + splits.get(host)
              + " "
              + answerShares.get(host)
              + " "
              + RoutePriority.rank(host);
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(host);
    }
    return List.copyOf(byKey.values());
  }

  /** A routed host's share per Auto Scaling group (none zero), by group. */
  SortedMap<String, Fraction> split(String host) {
    return splits.get(host);
  }

  /**
   * A routed host's split among the load balancers that {@code listens} accepts (those with a
   * listener on a request's port), none zero, by group; null when none of them has instances.
   * Route53 answers the others all the same (DNS knows no ports) and AWS refuses those connections:
   * the rest keep their ratio, each share divided by the probability of reaching one that listens
   * and has instances.
   */
  SortedMap<String, Fraction> split(String host, Predicate<String> listens) {
    SortedMap<String, Fraction> composed = new TreeMap<>();
    answerShares(host)
        .forEach(
            (lb, p) -> {
              if (listens.test(lb)) {
                shares
                    .get(lb)
                    .shares()
                    .forEach((g, f) -> composed.merge(g, p.times(f), Fraction::plus));
              }
            });
    composed.values().removeIf(Fraction::isZero);
    if (composed.isEmpty()) {
      return null;
    }
    Fraction served = composed.values().stream().reduce(Fraction.ZERO, Fraction::plus);
    SortedMap<String, Fraction> out = new TreeMap<>();
    composed.forEach((g, f) -> out.put(g, f.dividedBy(served)));
    return out;
  }

  /**
   * The probability that Route53 answers {@code host} with each load balancer, by name (empty for a
   * host it does not answer).
   */
  SortedMap<String, Fraction> answerShares(String host) {
    return answerShares.getOrDefault(host, new TreeMap<>());
  }

  /** The load balancers a routed host points at, by name. */
  Set<String> loadBalancers(String host) {
    return loadBalancers.get(host);
  }

  /** The answered hosts that point at {@code lb} (a rule's own hosts included), in order. */
  List<String> hostsOf(String lb) {
    List<String> out = new ArrayList<>();
    loadBalancers.forEach(
        (h, lbs) -> {
          if (lbs.contains(lb)) {
            out.add(h);
          }
        });
    return out;
  }
}
