package io.canary2k8s.plan;

import io.canary2k8s.inventory.ListenerRule;
import io.canary2k8s.inventory.ListenerV2;
import io.canary2k8s.inventory.RuleCondition;
import io.canary2k8s.names.Names;
import io.canary2k8s.notes.Notifier;
import io.canary2k8s.split.Fraction;
import io.canary2k8s.split.LoadBalancerShares;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the requests for an ALB path rule's paths on a host get when Route53 spreads the host over
 * several load balancers: AWS sends each load balancer its DNS share of them, and each serves them
 * its own way (its first rule that takes them where it has one, its default split where not). The
 * composition is that distribution, flat by Auto Scaling group: Σ P(L)·split_L(paths), exactly.
 *
 * <p>Another load balancer's behaviour for the paths is one split only when its first migrated rule
 * for the host that could match any of them matches all of them (the same paths, or wider ones), or
 * when none could; a rule that takes only some of them (e.g. {@code /api/v2/*} under the rule's
 * {@code /api/*}, or a host condition that takes only some names under a wildcard host) would need
 * a route of its own within the composed one: the host keeps the rule's own route, with a WARNING.
 * A rule the bundle does not migrate still acts on AWS: where it could match, a WARNING says the
 * composition is not exact. One instance per app's routes: it remembers the hosts and paths it
 * composed, so that the same rule on two load balancers gives one route.
 */
final class PathComposition {
  private final Estate estate;
  private final HostSplits hostSplits;
  private final Map<String, LoadBalancerShares> shares;
  private final Map<String, List<AlbRuleRoutes.RuleRoute>> ruleRoutes;
  private final Notifier notes;

  /** {@code host paths} → the name of the route that carries their composition. */
  private final Map<String, String> composed = new TreeMap<>();

  PathComposition(
      Estate estate,
      HostSplits hostSplits,
      Map<String, LoadBalancerShares> shares,
      Map<String, List<AlbRuleRoutes.RuleRoute>> ruleRoutes,
      Notifier notes) {
    this.estate = estate;
    this.hostSplits = hostSplits;
    this.shares = shares;
    this.ruleRoutes = ruleRoutes;
    this.notes = notes;
  }

  /**
   * What one load balancer does with the paths on the host.
   *
   * @param dnsShare the probability that Route53 answers the host with it
   * @param rule its rule that takes the paths, or null for its default split
   * @param split its split of the paths by group (none zero; empty without instances)
   */
  record Part(
      String loadBalancer,
      Fraction dnsShare,
      AlbRuleRoutes.RuleRoute rule,
      SortedMap<String, Fraction> split) {
    /** {@code shop-classic 3/4 (75 %): its default split}, for notes. */
    String describe() {
      return loadBalancer
          + " "
          + dnsShare.describe()
          + ": "
          + (split.isEmpty()
              ? "no instances (AWS answers with an error)"
              : rule != null
                  ? "its " + ElbV2Planner.ruleLabel(rule.listener(), rule.rule())
                  : "its default split");
    }
  }

  /**
   * A host's composition for a rule's paths: each load balancer's part, the rule's first, and the
   * flat split by group (the parts without instances left out, the rest in their ratio).
   */
  record Composed(List<Part> parts, SortedMap<String, Fraction> split) {
    Composed {
      parts = List.copyOf(parts);
      split = new TreeMap<>(split);
    }

    /** The parts as notes list them; two hosts with the same text get the same route. */
    String describe() {
      return String.join("; ", parts.stream().map(Part::describe).toList());
    }
  }

  /**
   * The composition of {@code lb}'s rule {@code rr} on {@code host}; null when the host keeps the
   * rule's own route: Route53 answers it with {@code lb} alone (or not with {@code lb}), or another
   * load balancer's rules take only some of the paths (with a WARNING naming the host, both load
   * balancers and both rules; the rule's own route then carries the host's paths, unless a route
   * already does: {@link #carrier}).
   *
   * @param route the name of the rule's own route, for the notes
   */
  Composed compose(String lb, AlbRuleRoutes.RuleRoute rr, String host, String route) {
    SortedMap<String, Fraction> answers = hostSplits.answerShares(host);
    if (answers.size() < 2 || !answers.containsKey(lb)) {
      return null;
    }
    SortedMap<String, Fraction> own = new TreeMap<>(rr.split().shares().shares());
    own.values().removeIf(Fraction::isZero);
    List<Part> parts = new ArrayList<>();
    parts.add(new Part(lb, answers.get(lb), rr, own));
    for (Map.Entry<String, Fraction> e : answers.entrySet()) {
      if (e.getKey().equals(lb)) {
        continue;
      }
      Part p = behaviour(e.getKey(), e.getValue(), lb, rr, host, route);
      if (p == null) {
        return null;
      }
      parts.add(p);
    }
    SortedMap<String, Fraction> split = new TreeMap<>();
    for (Part p : parts) {
      p.split().forEach((g, f) -> split.merge(g, p.dnsShare().times(f), Fraction::plus));
    }
    split.values().removeIf(Fraction::isZero);
    Fraction served = split.values().stream().reduce(Fraction.ZERO, Fraction::plus);
    // a load balancer without instances that Route53 still answers: its share gets errors on AWS,
    // which the host's WARNING (HostSplits) says; the rest keeps its ratio, as the host's route
    split.replaceAll((g, f) -> f.dividedBy(served));
    return new Composed(parts, split);
  }

  /**
   * The route that carries the composition of {@code paths} on {@code host} (made for the same path
   * rule of another load balancer), or null.
   */
  String carrier(String host, List<Route.PathMatch> paths) {
    return composed.get(key(host, paths));
  }

  /** Records that {@code route} carries the composition of {@code paths} on {@code host}. */
  void carry(String host, List<Route.PathMatch> paths, String route) {
    composed.put(key(host, paths), route);
  }

  private static String key(String host, List<Route.PathMatch> paths) {
    return host + " " + paths.stream().map(Route.PathMatch::describe).sorted().toList();
  }

  /**
   * What {@code other} does with the paths of {@code lb}'s rule {@code rr} on {@code host}: its
   * first migrated rule for the host that could match them, where that rule takes all of them, else
   * its default split; null, with a WARNING, where its first such rule takes only some of them.
   * Rules of {@code other} that are not migrated and could match them are WARNINGs: AWS applies
   * them, the bundle does not.
   */
  private Part behaviour(
      String other,
      Fraction dnsShare,
      String lb,
      AlbRuleRoutes.RuleRoute rr,
      String host,
      String route) {
    SortedMap<String, Fraction> defaultSplit = new TreeMap<>(shares.get(other).shares());
    defaultSplit.values().removeIf(Fraction::isZero);
    ListenerV2 main = estate.isV2(other) ? estate.v2().mainListener(other) : null;
    if (main == null || !ElbV2Planner.web(main)) {
      return new Part(other, dnsShare, null, defaultSplit);
    }
    List<AlbRuleRoutes.RuleRoute> migrated = ruleRoutes.getOrDefault(other, List.of());
    String label = ElbV2Planner.ruleLabel(rr.listener(), rr.rule());
    for (ListenerRule r : main.rules()) {
      if (r.isDefault()) {
        continue;
      }
      AlbRuleRoutes.RuleRoute m =
          migrated.stream().filter(x -> x.rule().equals(r)).findFirst().orElse(null);
      if (m == null) {
        if (couldMatch(r, host, rr.paths())) {
          notes.warn(
              host,
              "Route53 answers this host with "
                  + other
                  + " "
                  + dnsShare.describe()
                  + " of the time; its "
                  + ElbV2Planner.ruleLabel(main, r)
                  + ", which the bundle does not migrate, may take some of the requests for "
                  + describe(rr.paths())
                  + " there; the bundle gives them "
                  + other
                  + "'s next migrated rule or default split, composed with "
                  + lb
                  + "'s "
                  + label
                  + ": for those requests the composition is not exact.");
        }
        continue;
      }
      Applies applies = applies(m.hosts(), m.hostRegexes(), host);
      if (applies == Applies.NO || !overlaps(m.paths(), rr.paths())) {
        continue;
      }
      if (applies == Applies.YES && covers(m.paths(), rr.paths())) {
        SortedMap<String, Fraction> split = new TreeMap<>(m.split().shares().shares());
        split.values().removeIf(Fraction::isZero);
        return new Part(other, dnsShare, m, split);
      }
      String otherLabel = ElbV2Planner.ruleLabel(m.listener(), m.rule());
      // one route for the host and paths: the rule's own, unless another made it already
      String carrier = carrier(host, rr.paths());
      if (carrier == null) {
        carrier = route;
        carry(host, rr.paths(), route);
      }
      notes.warn(
          host,
          "Route53 answers this host with "
              + lb
              + " "
              + hostSplits.answerShares(host).get(lb).describe()
              + " and with "
              + other
              + " "
              + dnsShare.describe()
              + " of the time; "
              + lb
              + "'s "
              + label
              + " (paths "
              + describe(rr.paths())
              + ") and "
              + other
              + "'s "
              + otherLabel
              + " (paths "
              + describe(m.paths())
              + (m.hosts().isEmpty() && m.hostRegexes().isEmpty() ? "" : ", hosts " + m.hosts())
              + (m.hostRegexes().isEmpty()
                  ? ""
                  : " regex " + m.hostRegexes().stream().map(Names::printable).toList())
              + ") cannot be one route: "
              + other
              + "'s rule takes only some of those requests ("
              + (applies == Applies.SOME
                  ? "its host condition takes only some of the names this host covers"
                  : "it matches only some of those paths")
              + "), which would need a route of their own inside the composed one. Route "
              + carrier
              + " takes every request for those paths on this host"
              + (carrier.equals(route) ? " with " + lb + "'s split" : "")
              + ", so "
              + other
              + "'s share of them is not kept. Point the host at one load balancer before the"
              + " cutover, or check the route's weights by hand.");
      return null;
    }
    return new Part(other, dnsShare, null, defaultSplit);
  }

  private static String describe(List<Route.PathMatch> paths) {
    return paths.stream().map(Route.PathMatch::describe).toList().toString();
  }

  /** Whether a host condition takes a host: every name it covers, some of them, or none. */
  enum Applies {
    YES,
    SOME,
    NO
  }

  /**
   * Whether a rule with host condition {@code hosts} and {@code regexes} (none: every host) takes
   * {@code host}; a wildcard host ({@code *.example.com}) is taken when a condition covers every
   * name under it, and partly when one covers only some, or a regex may.
   */
  static Applies applies(List<String> hosts, List<String> regexes, String host) {
    if (hosts.isEmpty() && regexes.isEmpty()) {
      return Applies.YES;
    }
    if (hosts.stream().anyMatch(c -> RoutePriority.covers(c, host))) {
      return Applies.YES;
    }
    if (host.startsWith("*.")) {
      return !regexes.isEmpty() || hosts.stream().anyMatch(c -> RoutePriority.covers(host, c))
          ? Applies.SOME
          : Applies.NO;
    }
    return regexes.stream().anyMatch(re -> Re2.finds(re, host, false)) ? Applies.YES : Applies.NO;
  }

  /**
   * Whether a rule's paths ({@code a}, empty: every path) could match a request that one of {@code
   * b} matches: an exact path or a prefix on both sides is compared; a regular expression on either
   * side could match.
   */
  static boolean overlaps(List<Route.PathMatch> a, List<Route.PathMatch> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return true;
    }
    for (Route.PathMatch p : a) {
      for (Route.PathMatch q : b) {
        if (overlaps(p, q)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean overlaps(Route.PathMatch p, Route.PathMatch q) {
    if (p.regex() || q.regex()) {
      return true;
    }
    if (!p.prefix() && !q.prefix()) {
      return p.value().equals(q.value());
    }
    if (p.prefix() && q.prefix()) {
      return p.value().startsWith(q.value()) || q.value().startsWith(p.value());
    }
    Route.PathMatch exact = p.prefix() ? q : p;
    Route.PathMatch prefix = p.prefix() ? p : q;
    return exact.value().startsWith(prefix.value());
  }

  /**
   * Whether paths {@code wide} (empty: every path) match every request that one of {@code paths}
   * matches: each of them is one of {@code wide} or lies under a prefix of {@code wide}.
   */
  static boolean covers(List<Route.PathMatch> wide, List<Route.PathMatch> paths) {
    if (wide.isEmpty()) {
      return true;
    }
    if (paths.isEmpty()) {
      return false;
    }
    for (Route.PathMatch p : paths) {
      boolean covered =
          wide.stream()
              .anyMatch(
                  w -> w.equals(p) || w.prefix() && !p.regex() && p.value().startsWith(w.value()));
      if (!covered) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a rule that is not migrated could match a request for one of {@code paths} on {@code
   * host}: only its host and path conditions can rule that out (a condition the bundle cannot read
   * could match anything).
   */
  static boolean couldMatch(ListenerRule r, String host, List<Route.PathMatch> paths) {
    for (RuleCondition c : r.conditions()) {
      if (c.field().equals("host-header") && c.regexValues().isEmpty()) {
        List<String> names = c.values().stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
        if (names.stream().allMatch(Names::isHost)
            && applies(names, List.of(), host) == Applies.NO) {
          return false;
        }
      }
      if (c.field().equals("path-pattern")) {
        List<Route.PathMatch> own = new ArrayList<>();
        for (String v : c.values()) {
          Route.PathMatch p = AlbRuleRoutes.pathMatch(v);
          own.add(p != null ? p : new Route.PathMatch(".", Route.PathMatch.Type.REGEX));
        }
        c.regexValues().forEach(re -> own.add(new Route.PathMatch(re, Route.PathMatch.Type.REGEX)));
        if (!own.isEmpty() && !overlaps(own, paths)) {
          return false;
        }
      }
    }
    return true;
  }
}
