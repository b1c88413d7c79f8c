package io.canary2k8s.oracle.aws;

import io.canary2k8s.oracle.estate.ClassicElb;
import io.canary2k8s.oracle.estate.Estate;
import io.canary2k8s.oracle.estate.HostedZone;
import io.canary2k8s.oracle.estate.HostedZone.Record;
import io.canary2k8s.split.Fraction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What an internet client's resolver gets for a name from the estate's public hosted zones (the
 * Route53 Developer Guide, "Choosing a routing policy"): private zones are not seen; explicit names
 * beat wildcards (RFC 4592: the closest encloser's {@code *} child answers names that do not exist,
 * at any depth); a CNAME at a name answers every type, else the A records, else the AAAA records;
 * weighted groups answer by weight / Σ (weight 0 never, unless all are 0: then equally); failover
 * answers the PRIMARY; latency and other policies answer equally (one client's view cannot favour a
 * region); aliases and CNAMEs to another name of the estate are followed, to a load balancer end
 * there, to anything else leave the estate.
 *
 * <p>Health ("How Amazon Route 53 chooses records when health checking is configured"): an alias
 * record that evaluates target health is unhealthy when its classic ELB has no instance in its
 * zones (an ALB's or NLB's targets all count as healthy: every target group that has targets has a
 * healthy one), or when the record it aliases is; records without it are always healthy. A group
 * answers from its healthy records: weighted from the healthy ones of non-zero weight, else the
 * healthy ones of weight zero (equally); failover the SECONDARY when the PRIMARY is unhealthy; when
 * none is healthy, as if all were.
 */
final class Route53View {
  private static final int MAX_CHAIN = 8;

  /** Where the answers for a name lead, with their probabilities. */
  record Resolution(
      Map<String, Fraction> loadBalancers,
      Fraction elsewhere,
      Fraction nowhere,
      Set<String> names) {}

  private final Estate estate;
  private final List<HostedZone> publicZones;

  Route53View(Estate estate) {
    this.estate = estate;
    this.publicZones = estate.zones().stream().filter(z -> !z.privateZone()).toList();
  }

  Resolution resolve(String host) {
    Acc acc = new Acc();
    resolve(host.toLowerCase(java.util.Locale.ROOT), Fraction.ONE, 0, acc);
    return new Resolution(acc.lbs, acc.elsewhere, acc.nowhere, acc.names);
  }

  private static final class Acc {
    final Map<String, Fraction> lbs = new TreeMap<>();
    Fraction elsewhere = Fraction.ZERO;
    Fraction nowhere = Fraction.ZERO;
    final Set<String> names = new TreeSet<>();
  }

  private void resolve(String name, Fraction p, int depth, Acc acc) {
    if (p.isZero()) {
      return;
    }
    acc.names.add(name);
    HostedZone zone = zoneOf(name);
    if (zone == null || depth > MAX_CHAIN) {
      if (zone == null) {
        acc.elsewhere = acc.elsewhere.plus(p);
      } else {
        acc.nowhere = acc.nowhere.plus(p);
      }
      return;
    }
    List<Record> node = at(zone, name);
    if (node.isEmpty()) {
      String source = exists(zone, name) ? null : wildcardSource(zone, name);
      if (source == null) {
        acc.nowhere = acc.nowhere.plus(p); // NXDOMAIN, or NODATA at an empty non-terminal
        return;
      }
      acc.names.add(source);
      node = at(zone, source);
    }
    List<Record> group = answering(node);
    if (group.isEmpty()) {
      acc.nowhere = acc.nowhere.plus(p);
      return;
    }
    policy(group, r -> healthy(zone, r, depth))
        .forEach(
            (r, q) -> {
              Fraction pq = p.times(q);
              String lb = estate.loadBalancerByDns(r.target());
              if (lb != null) {
                acc.lbs.merge(lb, pq, Fraction::plus);
              } else if (r.alias() != null && !r.alias().hostedZoneId().equals(zone.id())) {
                acc.elsewhere = acc.elsewhere.plus(pq); // CloudFront, S3, another account
              } else {
                resolve(Estate.normalise(r.target()), pq, depth + 1, acc);
              }
            });
  }

  /** The public zone with the longest name that {@code name} is in, or null. */
  private HostedZone zoneOf(String name) {
    HostedZone best = null;
    for (HostedZone z : publicZones) {
      if ((name.equals(z.name()) || name.endsWith("." + z.name()))
          && (best == null || z.name().length() > best.name().length())) {
        best = z;
      }
    }
    return best;
  }

  private static List<Record> at(HostedZone z, String name) {
    return z.records().stream().filter(r -> r.name().equals(name)).toList();
  }

  /** A name exists when it owns records or is an ancestor of one (an empty non-terminal). */
  private static boolean exists(HostedZone z, String name) {
    if (name.equals(z.name())) {
      return true; // the apex owns NS and SOA
    }
    return z.records().stream()
        .anyMatch(r -> r.name().equals(name) || r.name().endsWith("." + name));
  }

  /** RFC 4592: {@code *.<closest encloser>} when it exists, else null. */
  private static String wildcardSource(HostedZone z, String name) {
    for (String anc = parent(name); anc != null; anc = parent(anc)) {
      if (!anc.equals(z.name()) && !anc.endsWith("." + z.name())) {
        return null;
      }
      if (exists(z, anc)) {
        String source = "*." + anc;
        return at(z, source).isEmpty() ? null : source;
      }
    }
    return null;
  }

  private static String parent(String name) {
    int dot = name.indexOf('.');
    return dot < 0 ? null : name.substring(dot + 1);
  }

  /** The record set that answers: the CNAME, else the A records, else the AAAA records. */
  private static List<Record> answering(List<Record> node) {
    for (String type : List.of("CNAME", "A", "AAAA")) {
      List<Record> g = node.stream().filter(r -> r.type().equals(type)).toList();
      if (!g.isEmpty()) {
        return g;
      }
    }
    return List.of();
  }

  /** Whether a record is answered as healthy (see the class comment). */
  private boolean healthy(HostedZone zone, Record r, int depth) {
    if (r.alias() == null || !r.alias().evaluateTargetHealth() || depth > MAX_CHAIN) {
      return true;
    }
    String lb = estate.loadBalancerByDns(r.target());
    if (lb != null) {
      ClassicElb e = estate.elb(lb);
      return e == null
          || !Spread.shares(estate.behindElb(lb), e.manualInstances(), e.zones(), e.crossZone())
              .isEmpty();
    }
    if (!r.alias().hostedZoneId().equals(zone.id())) {
      return true;
    }
    String target = Estate.normalise(r.target());
    List<Record> node = at(zone, target);
    if (node.isEmpty() && !exists(zone, target)) {
      String source = wildcardSource(zone, target);
      node = source == null ? List.of() : at(zone, source);
    }
    return answering(node).stream().anyMatch(x -> healthy(zone, x, depth + 1));
  }

  /** Each record's probability of being the answer, given which records are healthy. */
  static Map<Record, Fraction> policy(List<Record> group, Predicate<Record> healthy) {
    Map<Record, Fraction> out = new LinkedHashMap<>();
    List<Record> healthyOnes = group.stream().filter(healthy).toList();
    List<Record> up = healthyOnes.isEmpty() ? group : healthyOnes; // none healthy: all count
    if (group.stream().anyMatch(r -> r.failover() != null)) {
      Record answer =
          up.stream().filter(r -> "PRIMARY".equals(r.failover())).findFirst().orElse(up.get(0));
      out.put(answer, Fraction.ONE);
      return out;
    }
    if (group.stream().anyMatch(r -> r.weight() != null)) {
      List<Record> nonZero = up.stream().filter(r -> r.weight() != null && r.weight() > 0).toList();
      if (nonZero.isEmpty()) {
        up.forEach(r -> out.put(r, Fraction.of(1, up.size())));
        return out;
      }
      long total = nonZero.stream().mapToLong(Record::weight).sum();
      nonZero.forEach(r -> out.put(r, Fraction.of(r.weight(), total)));
      return out;
    }
    List<Record> all = new ArrayList<>(up);
    all.forEach(r -> out.put(r, Fraction.of(1, all.size())));
    return out;
  }
}
