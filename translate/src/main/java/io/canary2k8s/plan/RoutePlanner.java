package io.canary2k8s.plan;

import io.canary2k8s.inventory.AutoScalingGroup;
import io.canary2k8s.inventory.Listener;
import io.canary2k8s.names.Names;
import io.canary2k8s.notes.Notifier;
import io.canary2k8s.split.Fraction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * An app's routes: one per group of hosts with the same load balancers and split ({@link
 * HostSplits}), for every path; then one per ALB rule that becomes a route, ahead of them, and for
 * a path rule under hosts that Route53 spreads over several load balancers, one per group of those
 * hosts with the same composition of each load balancer's behaviour for its paths ({@link
 * PathComposition}). Names each route clear of the others' derived names ({@link RouteNames}),
 * gives each HTTPS route its TLS Secret and the certificate it needs ({@link TlsSecrets}).
 *
 * <p>A new kind of route (e.g. a TCP listener's) is made by a method of its own next to {@link
 * #hostRoute} and {@link #ruleRoute}, sharing the app's names and Secrets.
 */
final class RoutePlanner {
  private final Estate estate;
  private final DnsAnswers dns;
  private final Notifier notes;
  private final ListenerRoutes listenerRoutes;

  RoutePlanner(Estate estate, DnsAnswers dns, Notifier notes) {
    this.estate = estate;
    this.dns = dns;
    this.notes = notes;
    this.listenerRoutes = new ListenerRoutes(estate, notes);
  }

  /** One app's tracks as routes see them: the stable group, and group → track name. */
  record Tracks(AutoScalingGroup stable, Map<String, String> trackOf) {
    /** Whether a split with {@code stable}'s share can be moved by the steps: it has a canary. */
    boolean canSplit(SortedMap<String, Fraction> split) {
      return split.containsKey(stable.name()) && trackOf.size() > 1;
    }
  }

  /**
   * The routes of app {@code appName}.
   *
   * @param hosts the app's DNS hosts
   * @param splits the split behind each of its load balancers, and its ALB rules
   * @param trackOf Auto Scaling group → track name
   */
  List<Route> routes(
      String appName,
      List<String> hosts,
      SplitPlanner.Splits splits,
      Map<String, String> trackOf,
      AutoScalingGroup stable) {
    Tracks tracks = new Tracks(stable, trackOf);
    HostSplits hostSplits = HostSplits.of(hosts, dns, splits.shares(), splits.ruleRoutes(), notes);
    RouteNames names = new RouteNames();
    TlsSecrets secrets = new TlsSecrets();
    List<Route> out = new ArrayList<>();
    for (List<String> group : hostSplits.groups()) {
      out.addAll(hostRoute(appName, group, hostSplits, tracks, names, secrets));
    }
    PathComposition composition =
        new PathComposition(estate, hostSplits, splits.shares(), splits.ruleRoutes(), notes);
    splits
        .ruleRoutes()
        .forEach(
            (lb, rules) -> {
              List<String> lbHosts = hostSplits.hostsOf(lb);
              for (AlbRuleRoutes.RuleRoute rr : rules) {
                out.addAll(ruleRoute(lb, rr, lbHosts, tracks, names, secrets, composition));
              }
            });
    for (String lb : splits.shares().keySet()) {
      List<String> lbHosts = hostSplits.hostsOf(lb);
      if (lbHosts.isEmpty() && !HostSplits.serves(splits.shares().get(lb))) {
        // a load balancer without instances: the names that point at it all the same, so that
        // the edge can tell whether another route would take them (EdgePorts)
        lbHosts = dns.pointingAt(lb, hosts);
      }
      out.addAll(
          listenerRoutes.of(
              lb,
              lbHosts,
              splits,
              tracks,
              names,
              secrets,
              (split, port) -> backends(split, tracks, port)));
    }
    secrets.noteCertificates(appName, notes);
    if (hosts.isEmpty()) {
      notes.warn(
          String.join(",", splits.shares().keySet()),
          "No Route53 name points at these load balancers; no host rule is emitted. Clients that"
              + " use the ELB's own DNS name need a new name pointing at the edge.");
    }
    return out;
  }

  /**
   * The route of hosts with the same load balancers and split, for every path: one route, or one
   * per scheme when their load balancers differ in which of HTTP:80 and HTTPS:443 they listen on
   * (the splits differ, {@link #schemeSplit}); none, with a note, when the load balancers serve
   * neither (its name stays taken).
   */
  private List<Route> hostRoute(
      String appName,
      List<String> group,
      HostSplits hostSplits,
      Tracks tracks,
      RouteNames names,
      TlsSecrets secrets) {
    String first = group.get(0);
    Set<String> lbs = hostSplits.loadBalancers(first);
    String wanted =
        Names.label(lbs.size() == 1 ? lbs.iterator().next() : appName + "-dns-" + first);
    if (RoutePriority.rank(first) != RoutePriority.EXPLICIT && names.taken(wanted)) {
      // the explicit names of the same split came first (HostSplits#groups): say what differs
      wanted = Names.join(wanted, "wildcard");
    }
    String name = names.reserve(wanted, String.join(",", group));
    if (!name.equals(wanted)) {
      notes.info(
          String.join(",", lbs),
          "Route name '"
              + wanted
              + "' (or a name derived from it)"
              + " is taken by another route of app "
              + appName
              + "; this one is '"
              + name
              + "'.");
    }
    String lbName = lbs.iterator().next();
    ElbV2Planner v2 = estate.v2();
    Set<String> classic = new TreeSet<>(lbs);
    classic.removeIf(estate::isV2);
    List<String> albs = lbs.stream().filter(estate::isV2).toList();
    Listener http = listener(classic, "HTTP", 80);
    Listener https = listener(classic, "HTTPS", 443);
    Listener served = http != null ? http : https;
    boolean serveHttp = http != null || albs.stream().anyMatch(v2::servesHttp);
    boolean serveHttps = https != null || albs.stream().anyMatch(v2::servesHttps);
    if (!serveHttp && !serveHttps) {
      if (lbs.stream().allMatch(listenerRoutes::hasTcpListeners)) {
        notes.info(
            lbName,
            "Hosts "
                + group
                + " have no HTTP:80 or HTTPS:443 listener; only the load balancer's TCP, SSL and"
                + " TLS listeners are routed for them.");
      } else {
        notes.warn(
            lbName,
            "Hosts "
                + group
                + " have no HTTP:80 or HTTPS:443 listener to"
                + " migrate; no rule emitted.");
      }
      return List.of();
    }
    String certificate =
        https != null
            ? https.sslCertificateId()
            : albs.stream()
                .map(v2::certificateArn)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    // Route53 answers every client alike, whatever its port: a load balancer without a listener on
    // the request's port refuses its share, so each scheme is split among those that listen
    SortedMap<String, Fraction> httpSplit =
        serveHttp ? schemeSplit(group, hostSplits, "HTTP", 80, v2::servesHttp) : null;
    SortedMap<String, Fraction> httpsSplit =
        serveHttps ? schemeSplit(group, hostSplits, "HTTPS", 443, v2::servesHttps) : null;
    if (httpSplit == null && httpsSplit == null) {
      return List.of();
    }
    boolean redirect = http != null && https != null || albs.stream().anyMatch(v2::httpRedirects);
    if (httpSplit != null && httpsSplit != null && !httpSplit.equals(httpsSplit)) {
      // one route per scheme: the HTTPS route keeps the name, the HTTP one is named after it
      String httpName = names.reserve(Names.join(name, "http"), String.join(",", group) + " http");
      Route plain =
          Route.forHosts(httpName, List.copyOf(lbs), group)
              .http(true)
              .backends(backends(httpSplit, tracks, g -> hostPort(g, classic, served, albs)))
              .split(tracks.canSplit(httpSplit))
              .build();
      Route secure =
          Route.forHosts(name, List.copyOf(lbs), group)
              .certificateArn(certificate)
              .backends(
                  backends(
                      httpsSplit,
                      tracks,
                      g -> hostPort(g, classic, https != null ? https : served, albs)))
              .split(tracks.canSplit(httpsSplit))
              .https(secrets.forHosts(name, List.copyOf(lbs), group, certificate))
              .build();
      return List.of(plain, secure);
    }
    SortedMap<String, Fraction> split = httpSplit != null ? httpSplit : httpsSplit;
    Route.Builder route =
        Route.forHosts(name, List.copyOf(lbs), group)
            .http(httpSplit != null)
            .certificateArn(certificate)
            .redirectHttpToHttps(redirect)
            .backends(backends(split, tracks, g -> hostPort(g, classic, served, albs)))
            // a step moves traffic between stable and canaries: an app without a canary has none
            .split(tracks.canSplit(split));
    if (httpsSplit != null) {
      route.https(secrets.forHosts(name, List.copyOf(lbs), group, certificate));
    }
    return List.of(route.build());
  }

  /**
   * The split of a group of hosts for requests on {@code protocol}:{@code port}: among the load
   * balancers that listen there ({@code alb} says it of an ALB); null when none that listens has
   * instances. A WARNING per host names the load balancers that do not listen and the share AWS
   * refuses today.
   */
  private SortedMap<String, Fraction> schemeSplit(
      List<String> group, HostSplits hostSplits, String protocol, int port, Predicate<String> alb) {
    Predicate<String> listens =
        lb -> estate.isV2(lb) ? alb.test(lb) : listener(Set.of(lb), protocol, port) != null;
    SortedMap<String, Fraction> split = hostSplits.split(group.get(0), listens);
    for (String host : group) {
      SortedMap<String, Fraction> deaf = new TreeMap<>(hostSplits.answerShares(host));
      deaf.keySet().removeIf(listens);
      if (deaf.isEmpty()) {
        continue;
      }
      Fraction refused = deaf.values().stream().reduce(Fraction.ZERO, Fraction::plus);
      List<String> answered = new ArrayList<>();
      deaf.forEach((lb, p) -> answered.add(lb + " " + p.describe()));
      notes.warn(
          host,
          "Route53 answers this host with "
              + answered
              + ", which "
              + (deaf.size() == 1 ? "has" : "have")
              + " no "
              + protocol
              + ":"
              + port
              + " listener: AWS refuses "
              + refused.describe()
              + " of the host's "
              + protocol
              + " connections today (clients see an error, or retry)."
              + (split == null
                  ? " No load balancer that listens there has instances: the bundle serves no "
                      + protocol
                      + " for this host."
                  : " The bundle sends every "
                      + protocol
                      + " request for the host to the load balancers that listen, in their"
                      + " ratio."));
    }
    return split;
  }

  /**
   * The routes of an ALB rule, ahead of the load balancer's other routes for its hosts (the rule's
   * host condition, else every host of the load balancer); none, with a note, when it has none. The
   * rule's own route takes the hosts Route53 answers with its load balancer alone; a path rule
   * under hosts that Route53 spreads over several load balancers becomes, per group of hosts with
   * the same composition, a route of that composition ({@link PathComposition}).
   */
  private List<Route> ruleRoute(
      String lbName,
      AlbRuleRoutes.RuleRoute rr,
      List<String> lbHosts,
      Tracks tracks,
      RouteNames names,
      TlsSecrets secrets,
      PathComposition composition) {
    ElbV2Planner v2 = estate.v2();
    String label = ElbV2Planner.ruleLabel(rr.listener(), rr.rule());
    List<String> ruleHosts =
        !rr.hostRegexes().isEmpty()
            ? regexHosts(lbName, label, rr, lbHosts)
            : rr.hosts().isEmpty() ? lbHosts : reachedHosts(lbName, label, rr, lbHosts);
    if (ruleHosts.isEmpty() && !rr.hostRegexes().isEmpty()) {
      notes.warn(
          lbName,
          label
              + "'s host regex "
              + rr.hostRegexes().stream().map(Names::printable).toList()
              + " matches none of the load balancer's names "
              + lbHosts
              + "; not migrated.");
      return List.of();
    }
    if (ruleHosts.isEmpty() && !rr.hosts().isEmpty()) {
      notes.info(
          lbName,
          label
              + " matches hosts "
              + rr.hosts()
              + ", none of which Route53 sends to this load balancer; not migrated (its requests"
              + " never reach it).");
      return List.of();
    }
    if (ruleHosts.isEmpty()) {
      notes.warn(
          lbName,
          label
              + " has no host condition and no Route53 name points at the load balancer;"
              + " not migrated (a rule needs a host to route on).");
      return List.of();
    }
    String name =
        names.reserve(
            Names.label(lbName + "-rule-" + rr.rule().priority()), lbName + rr.rule().priority());
    SortedMap<String, Fraction> split = new TreeMap<>(rr.split().shares().shares());
    split.values().removeIf(Fraction::isZero);
    List<Route> out = new ArrayList<>();
    List<String> own = new ArrayList<>();
    Map<String, List<String>> spread = new TreeMap<>(); // composition's text → its hosts
    Map<String, PathComposition.Composed> byText = new TreeMap<>();
    for (String h : ruleHosts) {
      PathComposition.Composed c =
          rr.paths().isEmpty() ? null : composition.compose(lbName, rr, h, name);
      String carrier = composition.carrier(h, rr.paths());
      if (carrier != null && !carrier.equals(name)) {
        notes.info(
            lbName,
            label
                + " for "
                + h
                + " is carried by route "
                + carrier
                + ", which another load balancer's rule with the same paths made there.");
      } else if (c == null) {
        own.add(h);
      } else {
        spread.computeIfAbsent(c.describe(), k -> new ArrayList<>()).add(h);
        byText.put(c.describe(), c);
      }
    }
    spread.forEach(
        (text, hosts) -> {
          out.add(
              composedRoute(
                  lbName, rr, name, hosts, byText.get(text), tracks, names, secrets, composition));
        });
    if (own.isEmpty()) {
      return out;
    }
    ruleHosts = own;
    notes.info(
        lbName,
        label
            + " becomes route "
            + name
            + " for "
            + ruleHosts
            + (rr.hostRegexes().isEmpty()
                ? ""
                : " (the names its host regex "
                    + rr.hostRegexes().stream().map(Names::printable).toList()
                    + " matches)")
            + (rr.paths().isEmpty()
                ? ""
                : " and paths " + rr.paths().stream().map(Route.PathMatch::describe).toList())
            + ", ahead of the load balancer's other rules as on AWS.");
    Route.Builder route =
        Route.forRule(name, lbName, lbName + " " + label, (int) rr.rule().numericPriority())
            .hosts(ruleHosts)
            .paths(rr.paths())
            .rewrites(rr.rewrites())
            .http(v2.servesHttp(lbName))
            .redirectHttpToHttps(v2.httpRedirects(lbName))
            .backends(backends(split, tracks, g -> rulePort(g, lbName, rr)))
            // a rule that forwards to one target group of one track pins its requests there: the
            // steps leave it alone; one target group that holds several tracks is a split
            .split(
                tracks.canSplit(split)
                    && (rr.split().shares().targetGroups().size() > 1 || split.size() > 1));
    if (v2.servesHttps(lbName)) {
      String certificate = v2.certificateArn(lbName);
      route
          .https(secrets.forRule(name, lbName, ruleHosts, certificate))
          .certificateArn(certificate);
    }
    out.add(0, route.build());
    return out;
  }

  /**
   * The route of a path rule of {@code lbName} for {@code hosts}, which Route53 spreads over
   * several load balancers: the rule's paths and priority, the composition's split, on the rule's
   * load balancer's listeners.
   */
  private Route composedRoute(
      String lbName,
      AlbRuleRoutes.RuleRoute rr,
      String ruleName,
      List<String> hosts,
      PathComposition.Composed c,
      Tracks tracks,
      RouteNames names,
      TlsSecrets secrets,
      PathComposition composition) {
    ElbV2Planner v2 = estate.v2();
    String label = ElbV2Planner.ruleLabel(rr.listener(), rr.rule());
    String name = names.reserve(Names.join(ruleName, "dns"), ruleName + String.join(",", hosts));
    hosts.forEach(h -> composition.carry(h, rr.paths(), name));
    notes.info(
        lbName,
        label
            + " (paths "
            + rr.paths().stream().map(Route.PathMatch::describe).toList()
            + ") becomes route "
            + name
            + " for "
            + hosts
            + ", which Route53 spreads over several load balancers: the route carries each load"
            + " balancer's DNS share of those paths with what it does with them ("
            + c.describe()
            + "), ahead of the hosts' other routes as on AWS.");
    if (!rr.rewrites().isEmpty()) {
      hosts.forEach(
          h ->
              notes.warn(
                  h,
                  label
                      + " rewrites the requests it forwards, but Route53 sends only "
                      + lbName
                      + "'s DNS share of this host to it: the other load balancers forward the"
                      + " same paths unchanged. Route "
                      + name
                      + " carries all of them and rewrites none; point the host at one load"
                      + " balancer, or rewrite in the application."));
    }
    Route.Builder route =
        Route.forRule(name, lbName, lbName + " " + label, (int) rr.rule().numericPriority())
            .hosts(hosts)
            .paths(rr.paths())
            .http(v2.servesHttp(lbName))
            .redirectHttpToHttps(v2.httpRedirects(lbName))
            .backends(backends(c.split(), tracks, g -> composedPort(g, c)))
            // several load balancers' shares: the steps move it as they move the hosts' route
            .split(tracks.canSplit(c.split()));
    if (v2.servesHttps(lbName)) {
      String certificate = v2.certificateArn(lbName);
      route.https(secrets.forRule(name, lbName, hosts, certificate)).certificateArn(certificate);
    }
    return route.build();
  }

  /**
   * The Service port of a group's track on a composed route: that of the first part whose split has
   * the group, as its rule's route ({@link #rulePort}) or its host route ({@link #hostPort}) gives
   * it.
   */
  private int composedPort(AutoScalingGroup g, PathComposition.Composed c) {
    for (PathComposition.Part p : c.parts()) {
      if (!p.split().containsKey(g.name())) {
        continue;
      }
      if (p.rule() != null) {
        return rulePort(g, p.loadBalancer(), p.rule());
      }
      if (estate.isV2(p.loadBalancer())) {
        return hostPort(g, Set.of(), null, List.of(p.loadBalancer()));
      }
      Set<String> classic = Set.of(p.loadBalancer());
      Listener http = listener(classic, "HTTP", 80);
      return hostPort(g, classic, http != null ? http : listener(classic, "HTTPS", 443), List.of());
    }
    return 80;
  }

  /**
   * The host conditions of a rule that Route53 sends to its load balancer: a name whose records (or
   * the wildcard that answers it) point there, a {@code *.x} whose names nobody owns are answered
   * by a wildcard that points there. The others reach other load balancers or none (an INFO names
   * them): as route hosts they would take requests that AWS never shows this rule.
   */
  private List<String> reachedHosts(
      String lbName, String label, AlbRuleRoutes.RuleRoute rr, List<String> lbHosts) {
    List<String> out = new ArrayList<>(RoutePriority.withCovered(rr.hosts(), lbHosts));
    List<String> elsewhere = new ArrayList<>();
    for (String h : rr.hosts()) {
      // a name no captured zone answers keeps the rule's word (its DNS may be elsewhere)
      String answered = lbHosts.contains(h) ? h : dns.answeredAs(h);
      if (answered != null && !lbHosts.contains(answered)) {
        out.remove(h);
        elsewhere.add(answered.equals(h) ? h : h + " (answered by " + answered + ")");
      }
    }
    if (!elsewhere.isEmpty()) {
      notes.info(
          lbName,
          label
              + "'s host condition names "
              + elsewhere
              + ", which Route53 answers with other load balancers or none; the rule's route"
              + " leaves them to the routes of the load balancers that get them.");
    }
    return out;
  }

  /**
   * The hosts of a rule with host regular expressions: its host values and the load balancer's
   * names in which a regex finds a match (Route53 sends only those names to the edge). A wildcard
   * name covers names a regex may or may not take: it is left out with a WARNING (its requests go
   * to the load balancer's other routes).
   */
  private List<String> regexHosts(
      String lbName, String label, AlbRuleRoutes.RuleRoute rr, List<String> lbHosts) {
    Set<String> out = new TreeSet<>(rr.hosts());
    for (String h : lbHosts) {
      if (h.startsWith("*.")) {
        notes.warn(
            lbName,
            label
                + "'s host regex "
                + rr.hostRegexes().stream().map(Names::printable).toList()
                + " may take some names under "
                + h
                + " and not others; the bundle routes names under "
                + h
                + " to the load balancer's other routes. Add the names it takes as records.");
        continue;
      }
      if (rr.hostRegexes().stream().anyMatch(re -> Re2.finds(re, h, false))) {
        out.add(h);
      }
    }
    return List.copyOf(out);
  }

  /**
   * The backends of a split: the stable track first, then the canaries by track name (the order of
   * the weighted services), each on the port {@code port} gives its group.
   */
  List<Route.Backend> backends(
      SortedMap<String, Fraction> split, Tracks tracks, ToIntFunction<AutoScalingGroup> port) {
    List<String> order = new ArrayList<>(split.keySet());
    order.sort(
        Comparator.comparing((String g) -> !g.equals(tracks.stable().name()))
            .thenComparing(tracks.trackOf()::get));
    List<Route.Backend> out = new ArrayList<>();
    for (String g : order) {
      out.add(
          new Route.Backend(
              tracks.trackOf().get(g), port.applyAsInt(estate.group(g)), split.get(g)));
    }
    return out;
  }

  /**
   * The Service port of a group's track on a host route: the instance port of the classic ELB
   * listener that serves it, else its ALB target group's port, else that listener's or 80.
   */
  private int hostPort(
      AutoScalingGroup g, Set<String> classic, Listener served, List<String> albs) {
    if (served != null && g.loadBalancerNames().stream().anyMatch(classic::contains)) {
      return served.instancePort();
    }
    for (String alb : albs) {
      Integer p = estate.v2().port(g, alb);
      if (p != null) {
        return p;
      }
    }
    return served != null ? served.instancePort() : 80;
  }

  /**
   * The Service port of a group's track on a rule's route: the port of its target group that the
   * rule forwards to, else of its first target group behind the load balancer, else 80.
   */
  private int rulePort(AutoScalingGroup g, String lbName, AlbRuleRoutes.RuleRoute rr) {
    Integer p = estate.v2().port(g, rr.rule());
    if (p == null) {
      p = estate.v2().port(g, lbName);
    }
    return p != null ? p : 80;
  }

  /** The first listener of {@code protocol} on {@code port} of the classic ELBs {@code lbs}. */
  private Listener listener(Set<String> lbs, String protocol, int port) {
    for (String lb : lbs) {
      for (Listener l : estate.classic(lb).listeners()) {
        if (l.protocol().equals(protocol) && l.loadBalancerPort() == port) {
          return l;
        }
      }
    }
    return null;
  }
}
