package io.canary2k8s.plan;

import io.canary2k8s.inventory.DnsNames;
import io.canary2k8s.inventory.DnsRecord;
import io.canary2k8s.names.Names;
import io.canary2k8s.notes.Notifier;
import io.canary2k8s.split.Fraction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The DNS side of the plan: which names are hosts that Route53 sends to migrated load balancers,
 * and with what probability it gives each answer, the way Route53 answers (docs/design.md, "Route53
 * in front"):
 *
 * <ul>
 *   <li>a name's answer is its CNAME, else its A records, else its AAAA records; a name nobody owns
 *       is answered by the wildcard of its closest existing ancestor (RFC 4592), so an explicit
 *       name always beats a wildcard (the routes keep that order: {@link RoutePriority});
 *   <li>an alias to another record of its zone, and a CNAME to a name of a captured zone, are
 *       followed ({@value DnsWalk#MAX_CHAIN} in a row at most, loops noted), so the names at the
 *       head of a chain take the split of the records at its end;
 *   <li>a group answers by its routing policy: weighted by weight / Σ weights (weight 0 never,
 *       unless every record is 0: then equally), failover the PRIMARY (the SECONDARY when the
 *       PRIMARY is unhealthy), other policies (latency, geolocation, geoproximity, CIDR,
 *       multivalue) equally, with a warning; an alias that evaluates target health is skipped while
 *       its classic ELB has no instances ({@link #answers(String, Predicate)});
 *   <li>public zones decide the routes (the internet's view); a private zone answers only inside
 *       its VPCs, so a private record is never merged with a public one: one that answers otherwise
 *       than the public zone is named in a warning, and a name only private zones answer is routed
 *       by its private zone's answers, with a warning.
 * </ul>
 *
 * <p>Records that point outside the capture are named with the share they take. Built on the
 * calling thread; read-only after, so {@link #answers} runs on any core.
 */
final class DnsAnswers {
  private final Notifier notes;
  private final Estate estate;
  private final Route53Zones zones;

  /**
   * Host → the records at the end of its answers (through any chain) that point at migrated load
   * balancers, by host; those of every type at the name, so that every load balancer a host leads
   * to joins its app.
   */
  private final Map<String, List<DnsRecord>> hosts = new TreeMap<>();

  /** A host only private zones answer → the private zone whose answers it takes. */
  private final Map<String, Route53Zones.Zone> privateView = new HashMap<>();

  /**
   * Record → the load balancer it points at, for records that point at one, by identity: every
   * lookup is of a record of the inventory, and normalising its targets again at every lookup
   * showed in profiles.
   */
  private final Map<DnsRecord, String> lbOfRecord = new IdentityHashMap<>();

  /**
   * Reads the records of the estate; notes names that are not host names, records that point at
   * load balancers outside the capture, and private records that answer otherwise than the public
   * zone.
   */
  DnsAnswers(Estate estate, Notifier notes) {
    this.estate = estate;
    this.notes = notes;
    this.zones = estate.zones();
    Set<String> publicNames = new TreeSet<>();
    Set<String> privateNames = new TreeSet<>();
    for (DnsRecord r : estate.inventory().dnsRecords()) {
      String lb = null;
      for (String target : r.targets()) {
        String key = DnsNames.loadBalancerKey(target);
        String found = estate.loadBalancerByDnsKey(key);
        if (found != null) {
          lb = lb == null ? found : lb;
        } else if (key.endsWith(".elb.amazonaws.com") && Names.isHost(r.name())) {
          notes.warn(
              r.zoneId() + " " + r.name() + " " + r.type(),
              "Points at load balancer "
                  + target
                  + ", which is not a load balancer in the capture"
                  + " (another region or account); not migrated.");
        }
      }
      if (lb != null) {
        lbOfRecord.put(r, lb);
      }
      if (!Names.isHost(r.name())) {
        if (lb != null) {
          notes.warn(
              r.zoneId() + " " + Names.printable(r.name()) + " " + r.type(),
              "Record name is not a host name an Ingress or a Traefik rule can match (RFC 1123:"
                  + " lower-case letters, digits, '-' and '.', optionally '*.' first); not migrated.");
        }
        continue;
      }
      Route53Zones.Zone zone = zones.zone(r.zoneId());
      if (zone.isPrivate()) {
        privateNames.add(r.name());
      } else if (zones.isPublic(r)) {
        publicNames.add(r.name());
      } else if (lb != null) {
        Route53Zones.Zone answering = zones.publicZoneFor(r.name());
        notes.info(
            r.zoneId() + " " + r.name() + " " + r.type(),
            "Public hosted zone "
                + zone.describe()
                + " holds this record, but "
                + answering.describe()
                + " answers the name on the internet; the record is not read.");
      }
    }
    for (String name : publicNames) {
      Set<DnsRecord> reached = reach(null, name);
      if (!reached.isEmpty()) {
        hosts.put(name, List.copyOf(reached));
      }
    }
    for (String name : privateNames) {
      privateName(name);
    }
  }

  /** Host → the records at the end of its answers that point at migrated load balancers. */
  Map<String, List<DnsRecord>> hosts() {
    return hosts;
  }

  /**
   * The name whose records the internet gets for {@code pattern}, an ALB host condition: for a
   * name, the name itself when a public zone owns it, else the wildcard that answers it; for {@code
   * *.x}, the wildcard that answers the names nobody owns below {@code x} (RFC 4592). Null when no
   * captured public zone answers them.
   */
  String answeredAs(String pattern) {
    boolean wildcard = pattern.startsWith("*.");
    String name = wildcard ? pattern.substring(2) : pattern;
    Route53Zones.Zone z = zones.publicZoneFor(name);
    if (z == null || !z.contains(name)) {
      return null;
    }
    if (wildcard) {
      return z.wildcardBelow(name);
    }
    return z.exists(name) ? name : z.wildcardSource(name);
  }

  /**
   * The hosts of {@code hosts} with a record at the end of their answers that points at {@code lb},
   * whatever its health, in order.
   */
  List<String> pointingAt(String lb, List<String> hosts) {
    return hosts.stream()
        .filter(
            h ->
                hosts().getOrDefault(h, List.of()).stream()
                    .anyMatch(r -> lb.equals(loadBalancerOf(r))))
        .toList();
  }

  /** The load balancer a record points at (its first target that is one), or null. */
  String loadBalancerOf(DnsRecord r) {
    return lbOfRecord.get(r);
  }

  // ---- the answers for a host ---------------------------------------------------------------

  /**
   * {@link #answers(String, Predicate)} with every load balancer healthy: no record is skipped for
   * its health.
   */
  Map<DnsRecord, Fraction> answers(String host) {
    return answers(host, lb -> true);
  }

  /**
   * How Route53 answers for {@code host}: each record at the end of its answers that points at a
   * migrated load balancer, with its probability, in the order met, summing to 1; empty when none
   * of them is ever answered. {@code hasInstances} says which load balancers have instances to
   * serve: an alias that evaluates target health to a classic ELB without any is unhealthy, and
   * Route53 answers the group's healthy records (an ALB or NLB counts as healthy, as Route53 finds
   * every target group that has targets healthy). Notes what it assumed, and with several answers
   * the answers, which the host's split composes with the split behind each load balancer.
   */
  Map<DnsRecord, Fraction> answers(String host, Predicate<String> hasInstances) {
    Route53Zones.Zone view = privateView.get(host);
    Predicate<String> healthy = lb -> estate.isV2(lb) || hasInstances.test(lb);
    Route53Zones.Zone zone = DnsWalk.zoneFor(zones, view, host);
    List<DnsRecord> head = DnsWalk.answering(zone.at(host), null);
    noteAaaa(zone, host);
    DnsWalk w = DnsWalk.from(host, null, zones, view, this::loadBalancerOf, healthy);
    for (DnsWalk.Group g : w.groups) {
      noteGroup(host, g);
    }
    w.problems.forEach(p -> notes.warn(host, p));
    Fraction migrated = Fraction.ZERO;
    for (Fraction f : w.terminals.values()) {
      migrated = migrated.plus(f);
    }
    String type = head.isEmpty() ? "A" : head.get(0).type();
    List<String> elsewhere = new ArrayList<>();
    Fraction lost = w.unanswered;
    for (Map.Entry<DnsRecord, Fraction> e : w.outside.entrySet()) {
      DnsRecord r = e.getKey();
      lost = lost.plus(e.getValue());
      elsewhere.add(
          label(r) + " -> " + String.join(",", r.targets()) + " " + e.getValue().describe());
    }
    if (!w.unanswered.isZero()) {
      elsewhere.add("no answer " + w.unanswered.describe());
    }
    if (migrated.isZero()) {
      notes.warn(
          host,
          "Route53 never answers the "
              + type
              + " records that point at migrated load balancers"
              + " ("
              + w.terminals.keySet().stream().map(DnsAnswers::label).toList()
              + "); the answers go to "
              + elsewhere
              + ". No rule emitted.");
      return Map.of();
    }
    if (!elsewhere.isEmpty()) {
      String msg =
          "Route53 record(s) "
              + elsewhere
              + " of this "
              + type
              + " group point at no load balancer in the"
              + " capture (one in another region or account, CloudFront, or another host).";
      if (lost.isZero()) {
        notes.info(host, msg + " They get no answers today, so the split is unchanged.");
      } else {
        notes.warn(
            host,
            msg
                + " Today they get "
                + lost.describe()
                + " of the answers; the bundle sends all of "
                + host
                + " to the migrated load balancers, in their ratio among themselves (each share divided by "
                + migrated.describe()
                + "). Decide where that traffic should go before the DNS cutover.");
      }
    }
    Map<DnsRecord, Fraction> out = new LinkedHashMap<>();
    for (Map.Entry<DnsRecord, Fraction> e : w.terminals.entrySet()) {
      if (!e.getValue().isZero()) {
        out.put(e.getKey(), e.getValue().dividedBy(migrated));
      }
    }
    if (!w.through.isEmpty()) {
      notes.info(
          host,
          "Route53 answers this name through "
              + w.through
              + " (an alias or CNAME to another name, or a wildcard record, of the captured zones):"
              + " the host takes the split of the records at the end.");
    }
    if (head.size() > 1 || out.size() > 1) {
      List<String> parts = new ArrayList<>();
      out.forEach(
          (r, prob) ->
              parts.add(
                  (r.setIdentifier() != null ? r.setIdentifier() : r.name())
                      + " -> "
                      + loadBalancerOf(r)
                      + " "
                      + prob.describe()));
      notes.info(
          host,
          "Route53 answers "
              + type
              + " "
              + String.join(", ", parts)
              + "; the host's split composes these with the split behind each load balancer.");
    }
    return out;
  }

  /** Warns when a name's A and AAAA records lead to different load balancers or weights. */
  private void noteAaaa(Route53Zones.Zone zone, String host) {
    Set<String> a = new TreeSet<>();
    Set<String> aaaa = new TreeSet<>();
    boolean cname = false;
    for (DnsRecord r : zone.at(host)) {
      switch (r.type()) {
        case "A" -> a.add(destination(r) + "/" + r.weight());
        case "AAAA" -> aaaa.add(destination(r) + "/" + r.weight());
        case "CNAME" -> cname = true;
        default -> {}
      }
    }
    if (!cname && !a.isEmpty() && !aaaa.isEmpty() && !a.equals(aaaa)) {
      notes.warn(
          host,
          "A and AAAA records point at different load balancers or weights;"
              + " the A records are migrated.");
    }
  }

  /** The notes on how one group of records answers, met on the way to {@code host}'s answers. */
  private void noteGroup(String host, DnsWalk.Group g) {
    String type = g.records().get(0).type();
    String of = g.name().equals(host) ? "" : " of " + g.name();
    switch (g.policy()) {
      case WEIGHTED -> {
        for (DnsRecord r : g.records()) {
          if (g.skipped().contains(r)) {
            notes.info(
                host,
                "Route53 record "
                    + label(r)
                    + of
                    + " ("
                    + type
                    + " alias -> "
                    + destination(r)
                    + ") evaluates target health, and "
                    + destination(r)
                    + " has no instances: Route53 answers the group's other records in its place.");
          } else if (r.weight() != null
              && r.weight() == 0
              && !g.answered().containsKey(r)
              && loadBalancerOf(r) != null) {
            notes.info(
                host,
                "Route53 record "
                    + label(r)
                    + of
                    + " ("
                    + type
                    + " -> "
                    + destination(r)
                    + ") has weight 0:"
                    + " Route53 never answers it while another record of the group has a weight, so it gets none of this"
                    + " host's traffic.");
          }
        }
        if (g.records().size() > 1
            && g.records().stream().allMatch(r -> r.weight() != null && r.weight() == 0)) {
          notes.info(
              host,
              "Every weighted "
                  + type
                  + " record"
                  + (of.isEmpty() ? " of this name" : of)
                  + " has weight 0: Route53 then answers each of the "
                  + g.records().size()
                  + " records equally.");
        }
      }
      case FAILOVER -> noteFailover(host, g, of);
      case EQUAL -> {
        if (g.records().size() > 1) {
          notes.warn(
              g.name(),
              "Records with routing policy "
                  + g.records().stream().map(DnsRecord::routingPolicy).distinct().toList()
                  + " are treated as an equal split between their targets.");
        }
      }
      case SINGLE -> {}
    }
  }

  private void noteFailover(String host, DnsWalk.Group g, String of) {
    DnsRecord answer = g.answered().keySet().iterator().next();
    List<String> others = new ArrayList<>();
    for (DnsRecord r : g.records()) {
      if (r != answer) {
        others.add(label(r) + " (" + r.failover() + " -> " + destination(r) + ")");
      }
    }
    StringBuilder m =
        new StringBuilder("Route53 answers the failover group")
            .append(of)
            .append(" with ")
            .append(label(answer))
            .append(" (")
            .append(answer.failover())
            .append(" -> ")
            .append(destination(answer))
            .append(")");
    List<DnsRecord> down = g.skipped();
    if (down.isEmpty()) {
      m.append(" while it is healthy");
    } else {
      m.append(" because ");
      List<String> why = new ArrayList<>();
      down.forEach(
          r ->
              why.add(
                  label(r)
                      + " ("
                      + r.failover()
                      + ", an alias evaluating the health of "
                      + destination(r)
                      + ", which has no instances) is unhealthy"));
      m.append(String.join(" and ", why));
    }
    if (answer.healthCheckId() != null) {
      m.append(" (its health check ").append(answer.healthCheckId()).append(" is assumed to pass)");
    }
    m.append("; the route takes its split.");
    if (!others.isEmpty()) {
      m.append(" ")
          .append(String.join(" and ", others))
          .append(
              " answers only when that record is unhealthy: the edge does not fail over, so after"
                  + " the move it gets none of these requests.");
    }
    notes.warn(host, m.toString());
  }

  // ---- private zones --------------------------------------------------------------------------

  /**
   * A name private zones own: when the internet gets an answer for it, the route follows that, and
   * each private zone that answers otherwise is named; else the route takes the answers of the
   * first private zone (by id) that leads to a migrated load balancer.
   */
  private void privateName(String name) {
    Route53Zones.Zone pub = zones.publicZoneFor(name);
    boolean publicAnswers =
        pub != null
            && (!DnsWalk.answering(pub.at(name), null).isEmpty()
                || pub.wildcardSource(name) != null);
    Map<String, Fraction> publicAnswer = publicAnswers ? distribution(null, name) : null;
    Route53Zones.Zone routed = null;
    Map<String, Fraction> routedAnswer = null;
    for (Route53Zones.Zone z : zones.privateOwners(name).keySet()) {
      Set<DnsRecord> reached = reach(z, name);
      Map<String, Fraction> answer = distribution(z, name);
      if (publicAnswers) {
        boolean migrated = !reached.isEmpty() || !reach(null, name).isEmpty();
        if (migrated && !answer.equals(publicAnswer)) {
          notes.warn(
              z.id() + " " + name,
              "Private hosted zone "
                  + z.describe()
                  + " answers this name inside its VPCs with "
                  + describe(answer)
                  + "; the internet gets "
                  + describe(publicAnswer)
                  + " from the public zone. The route follows the public answer: in-VPC clients keep"
                  + " the private answer until that zone changes (no cutover batch touches a private"
                  + " zone), and the edge gives them the public split.");
        }
      } else if (routed == null && !reached.isEmpty()) {
        routed = z;
        routedAnswer = answer;
        hosts.put(name, List.copyOf(reached));
        privateView.put(name, z);
        notes.warn(
            z.id() + " " + name,
            "Only private hosted zone "
                + z.describe()
                + " answers this name, inside its VPCs: the route takes its answers ("
                + describe(answer)
                + "). The edge serves the route to every client that reaches the edge with this"
                + " host name, not only inside those VPCs: keep the edge internal, or restrict the"
                + " route, if the service must stay private. No cutover batch touches a private"
                + " zone.");
      } else if (routed != null && !reached.isEmpty() && !answer.equals(routedAnswer)) {
        notes.warn(
            z.id() + " " + name,
            "Private hosted zone "
                + z.describe()
                + " answers this name inside its VPCs with "
                + describe(answer)
                + "; the route follows private hosted zone "
                + routed.describe()
                + " ("
                + describe(routedAnswer)
                + "): the clients in this zone's VPCs get another split once they reach the edge.");
      }
    }
  }

  /**
   * Where the answers for {@code name} lead in view {@code view} (null: the public zones), every
   * record healthy: load balancer or target → probability.
   */
  private Map<String, Fraction> distribution(Route53Zones.Zone view, String name) {
    DnsWalk w = DnsWalk.from(name, null, zones, view, this::loadBalancerOf, lb -> true);
    Map<String, Fraction> out = new TreeMap<>();
    w.terminals.forEach((r, p) -> out.merge(loadBalancerOf(r), p, Fraction::plus));
    w.outside.forEach((r, p) -> out.merge(String.join(",", r.targets()), p, Fraction::plus));
    if (!w.unanswered.isZero()) {
      out.merge("no answer", w.unanswered, Fraction::plus);
    }
    out.values().removeIf(Fraction::isZero);
    return out;
  }

  private static String describe(Map<String, Fraction> answer) {
    List<String> parts = new ArrayList<>();
    answer.forEach((k, v) -> parts.add(k + " " + v.describe()));
    return parts.isEmpty() ? "no answer" : String.join(", ", parts);
  }

  /**
   * The records that point at migrated load balancers at the end of every answer for {@code name},
   * of each of its types, whatever their probability.
   */
  private Set<DnsRecord> reach(Route53Zones.Zone view, String name) {
    Set<DnsRecord> out = new LinkedHashSet<>();
    for (String type : List.of("CNAME", "A", "AAAA")) {
      DnsWalk w = DnsWalk.from(name, type, zones, view, this::loadBalancerOf, lb -> true);
      out.addAll(w.terminals.keySet());
    }
    return out;
  }

  /** {@code 'set-id'}, or the name and type of a record without one. */
  private static String label(DnsRecord r) {
    return r.setIdentifier() == null ? r.name() + " " + r.type() : "'" + r.setIdentifier() + "'";
  }

  /** The load balancer a record points at, else its target(s). */
  private String destination(DnsRecord r) {
    String lb = loadBalancerOf(r);
    return lb != null ? lb : String.join(",", r.targets());
  }
}
