package io.canary2k8s.plan;

import io.canary2k8s.inventory.DnsNames;
import io.canary2k8s.inventory.DnsRecord;
import io.canary2k8s.split.Fraction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One walk from a name through Route53's answers, in one view (the public zones, or a private zone
 * in front of them), the way a resolver asks (docs/design.md, "Route53 in front"): the name's own
 * records, else the wildcard that answers it (RFC 4592); the CNAME, else the records of the type
 * asked for; each group divided by its routing policy, given which records are healthy; an alias to
 * another record of its zone, or a CNAME to a name of a captured zone, followed ({@value
 * #MAX_CHAIN} in a row at most, loops cut). The result: the records reached that point at migrated
 * load balancers and the records that point anywhere else, each with the probability that an answer
 * ends there (zero for a record never answered: it is still reached), the share that gets no
 * answer, the names passed, the groups answered on the way and the chains that loop or run too
 * long, in words.
 *
 * <p>A walk is made and read on one thread; {@link DnsAnswers} makes one per question.
 */
final class DnsWalk {
  /** Aliases and CNAMEs followed in a row at most: as far as a resolver follows a CNAME chain. */
  static final int MAX_CHAIN = 8;

  /** How a group of records divides its answers. */
  enum Policy {
    SINGLE,
    WEIGHTED,
    FAILOVER,
    EQUAL
  }

  /**
   * A group of records met on the way, answered with a probability above zero: its name (the
   * wildcard for a name it answers), the records, how they divide, who answers and who was skipped
   * as unhealthy.
   */
  record Group(
      String name,
      Policy policy,
      List<DnsRecord> records,
      Map<DnsRecord, Fraction> answered,
      List<DnsRecord> skipped) {}

  private final Route53Zones zones;
  private final Route53Zones.Zone view;
  private final Function<DnsRecord, String> loadBalancerOf;
  private final Predicate<String> healthy;
  final Map<DnsRecord, Fraction> terminals = new LinkedHashMap<>();
  final Map<DnsRecord, Fraction> outside = new LinkedHashMap<>();
  Fraction unanswered = Fraction.ZERO;

  /** The names after the first that answers came through (a wildcard as its own name). */
  final Set<String> through = new LinkedHashSet<>();

  final List<String> problems = new ArrayList<>();
  final List<Group> groups = new ArrayList<>();

  private DnsWalk(
      Route53Zones zones,
      Route53Zones.Zone view,
      Function<DnsRecord, String> loadBalancerOf,
      Predicate<String> healthy) {
    this.zones = zones;
    this.view = view;
    this.loadBalancerOf = loadBalancerOf;
    this.healthy = healthy;
  }

  /**
   * The walk from {@code name} in {@code view} (a private zone in front of the public zones, or
   * null for the public zones alone): {@code type} is the type asked for (null: the CNAME, else A,
   * else AAAA), {@code loadBalancerOf} the migrated load balancer a record points at (or null),
   * {@code healthy} which load balancers Route53 finds healthy.
   */
  static DnsWalk from(
      String name,
      String type,
      Route53Zones zones,
      Route53Zones.Zone view,
      Function<DnsRecord, String> loadBalancerOf,
      Predicate<String> healthy) {
    DnsWalk w = new DnsWalk(zones, view, loadBalancerOf, healthy);
    w.walk(name, type, Fraction.ONE, List.of());
    return w;
  }

  /**
   * Follows the answers for {@code name} ({@code type}: the type an alias asks for, null or a type
   * at the head), reached with probability {@code p} by way of the owners in {@code path}.
   */
  private void walk(String name, String type, Fraction p, List<String> path) {
    Route53Zones.Zone zone = zoneFor(zones, view, name);
    if (zone == null) {
      unanswered = unanswered.plus(p);
      return;
    }
    String owner = name;
    List<DnsRecord> node = answering(zone.at(name), type);
    if (node.isEmpty()) {
      String source = zone.wildcardSource(name);
      if (source != null) {
        owner = source;
        node = answering(zone.at(source), type);
      }
    }
    if (path.contains(owner)) {
      problems.add(
          "The aliases and CNAMEs "
              + String.join(" -> ", path)
              + " -> "
              + owner
              + " form a loop: Route53 gives those answers no address.");
      unanswered = unanswered.plus(p);
      return;
    }
    if (path.size() > MAX_CHAIN) {
      problems.add(
          "The aliases and CNAMEs "
              + String.join(" -> ", path)
              + " are followed "
              + MAX_CHAIN
              + " in a row at most (as far as resolvers follow a chain); the answers beyond are"
              + " left out.");
      unanswered = unanswered.plus(p);
      return;
    }
    if (!path.isEmpty() || !owner.equals(name)) {
      through.add(owner);
    }
    if (node.isEmpty()) {
      unanswered = unanswered.plus(p); // no record: NXDOMAIN, or no data at the name
      return;
    }
    List<String> next = new ArrayList<>(path);
    next.add(owner);
    Group g = policy(owner, zone, node, path.size());
    if (!p.isZero()) {
      groups.add(g);
    }
    for (DnsRecord r : node) {
      Fraction q = p.times(g.answered().getOrDefault(r, Fraction.ZERO));
      if (loadBalancerOf.apply(r) != null) {
        terminals.merge(r, q, Fraction::plus);
        continue;
      }
      String target = inZoneTarget(zone, r);
      if (target == null) {
        outside.merge(r, q, Fraction::plus);
      } else {
        walk(target, r.aliasTarget() != null ? r.type() : null, q, next);
      }
    }
  }

  /** How {@code records} answer, given which are healthy (when none is, as if all were). */
  private Group policy(String name, Route53Zones.Zone zone, List<DnsRecord> records, int depth) {
    Map<DnsRecord, Fraction> out = new LinkedHashMap<>();
    List<DnsRecord> skipped = new ArrayList<>();
    List<DnsRecord> up = new ArrayList<>();
    for (DnsRecord r : records) {
      (healthy(zone, r, depth) ? up : skipped).add(r);
    }
    if (up.isEmpty()) {
      up.addAll(records);
      skipped.clear();
    }
    if (records.size() == 1) {
      out.put(records.get(0), Fraction.ONE);
      return new Group(name, Policy.SINGLE, records, out, List.of());
    }
    if (records.stream().anyMatch(r -> r.failover() != null)) {
      DnsRecord answer =
          up.stream().filter(r -> "PRIMARY".equals(r.failover())).findFirst().orElse(up.get(0));
      out.put(answer, Fraction.ONE);
      List<DnsRecord> down = skipped.stream().filter(r -> r != answer).toList();
      return new Group(name, Policy.FAILOVER, records, out, down);
    }
    if (records.stream().allMatch(r -> r.weight() != null)) {
      List<DnsRecord> nonZero = up.stream().filter(r -> r.weight() > 0).toList();
      List<DnsRecord> answering = nonZero.isEmpty() ? up : nonZero;
      long total = nonZero.stream().mapToLong(DnsRecord::weight).sum();
      for (DnsRecord r : answering) {
        out.put(r, nonZero.isEmpty() ? Fraction.of(1, up.size()) : Fraction.of(r.weight(), total));
      }
      return new Group(name, Policy.WEIGHTED, records, out, skipped);
    }
    up.forEach(r -> out.put(r, Fraction.of(1, up.size())));
    return new Group(name, Policy.EQUAL, records, out, skipped);
  }

  /**
   * Whether Route53 finds a record healthy: an alias that evaluates target health is unhealthy
   * while its load balancer is, or while every record it aliases in its zone is; any other record
   * always is healthy.
   */
  private boolean healthy(Route53Zones.Zone zone, DnsRecord r, int depth) {
    if (r.aliasTarget() == null || !r.aliasTarget().evaluateTargetHealth() || depth > MAX_CHAIN) {
      return true;
    }
    String lb = loadBalancerOf.apply(r);
    if (lb != null) {
      return healthy.test(lb);
    }
    String target = inZoneTarget(zone, r);
    if (target == null) {
      return true;
    }
    Route53Zones.Zone tz = zoneFor(zones, view, target);
    List<DnsRecord> node = answering(tz.at(target), r.type());
    if (node.isEmpty() && tz.wildcardSource(target) != null) {
      node = answering(tz.at(tz.wildcardSource(target)), r.type());
    }
    return node.stream().anyMatch(x -> healthy(tz, x, depth + 1));
  }

  /**
   * The zone that answers {@code name} in a view: a private zone for the names under it, else the
   * public zones.
   */
  static Route53Zones.Zone zoneFor(Route53Zones zones, Route53Zones.Zone view, String name) {
    return view != null && view.contains(name) ? view : zones.publicZoneFor(name);
  }

  /**
   * The record set that answers: the CNAME, else the records of {@code type} (an alias follows its
   * own type), else the A records, else the AAAA records.
   */
  static List<DnsRecord> answering(List<DnsRecord> node, String type) {
    List<String> order = new ArrayList<>(List.of("CNAME"));
    if (type != null && !type.equals("CNAME")) {
      order.add(type);
    }
    order.add("A");
    order.add("AAAA");
    for (String t : order) {
      List<DnsRecord> g = node.stream().filter(r -> r.type().equals(t)).toList();
      if (!g.isEmpty()) {
        return g;
      }
    }
    return List.of();
  }

  /**
   * The name an alias or CNAME leads to within the captured zones: an alias whose hosted zone is
   * its own zone, a CNAME whose value a captured zone of the view answers; null for anything else
   * (a load balancer, CloudFront, an address, a name outside the capture).
   */
  private String inZoneTarget(Route53Zones.Zone zone, DnsRecord r) {
    if (r.aliasTarget() != null) {
      String id = r.aliasTarget().hostedZoneId();
      id = id == null ? "" : id.substring(id.lastIndexOf('/') + 1);
      return id.equals(zone.id()) ? DnsNames.normalise(r.aliasTarget().dnsName()) : null;
    }
    if (r.type().equals("CNAME") && r.values().size() == 1) {
      String target = DnsNames.normalise(r.values().get(0));
      return zoneFor(zones, view, target) != null ? target : null;
    }
    return null;
  }
}
