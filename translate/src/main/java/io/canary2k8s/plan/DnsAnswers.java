package io.canary2k8s.plan;

import io.canary2k8s.inventory.DnsNames;
import io.canary2k8s.inventory.DnsRecord;
import io.canary2k8s.names.Names;
import io.canary2k8s.notes.Notifier;
import io.canary2k8s.split.Fraction;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The DNS side of the plan: which Route53 records name a host that points at a migrated load
 * balancer, which of a host's records answer for it, and with what probability Route53 gives each
 * answer (weight / Σ weights over the whole group of the name and type; weight 0 never answered
 * unless every record is 0; records pointing outside the capture named with the share they take),
 * each assumption noted with the host.
 *
 * <p>Where what comes next lands: records that lead to a load balancer through another record of a
 * zone (alias or CNAME chains) and private zones kept apart from public ones, in {@link
 * #DnsAnswers}, which decides the hosts and their records; wildcard and explicit names, and
 * failover (a PRIMARY record's split), in {@link #answers}, which decides who answers.
 *
 * <p>Built on the calling thread; read-only after, so {@link #answers} runs on any core.
 */
final class DnsAnswers {
  private final Notifier notes;
  private final Map<String, List<DnsRecord>> recordsByName;

  /** Host → its records (of one name) that point at migrated load balancers, by host. */
  private final Map<String, List<DnsRecord>> hosts = new TreeMap<>();

  /**
   * Record → the load balancer it points at, for the records of {@link #hosts}, by identity: every
   * lookup is of a record of the inventory, and normalising its targets again at every lookup
   * showed in profiles.
   */
  private final Map<DnsRecord, String> lbOfRecord = new IdentityHashMap<>();

  private final Estate estate;

  /**
   * Reads the records of the estate; notes names that are not host names and records that point at
   * load balancers outside the capture.
   */
  DnsAnswers(Estate estate, Notifier notes) {
    this.estate = estate;
    this.notes = notes;
    this.recordsByName = DnsRecord.byName(estate.inventory().dnsRecords());
    for (DnsRecord r : estate.inventory().dnsRecords()) {
      if (!Names.isHost(r.name())) {
        if (r.targets().stream()
            .anyMatch(t -> estate.loadBalancerByDnsKey(DnsNames.loadBalancerKey(t)) != null)) {
          notes.warn(
              r.zoneId() + " " + Names.printable(r.name()) + " " + r.type(),
              "Record name is not a host name an Ingress or a Traefik rule can match (RFC 1123:"
                  + " lower-case letters, digits, '-' and '.', optionally '*.' first); not migrated.");
        }
        continue;
      }
      for (String target : r.targets()) {
        String key = DnsNames.loadBalancerKey(target);
        String lb = estate.loadBalancerByDnsKey(key);
        if (lb != null) {
          hosts.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(r);
          lbOfRecord.putIfAbsent(r, lb);
        } else if (key.endsWith(".elb.amazonaws.com")) {
          notes.warn(
              r.zoneId() + " " + r.name() + " " + r.type(),
              "Points at load balancer "
                  + target
                  + ", which is not a load balancer in the capture"
                  + " (another region or account); not migrated.");
        }
      }
    }
  }

  /** Host → its records that point at migrated load balancers, by host. */
  Map<String, List<DnsRecord>> hosts() {
    return hosts;
  }

  /** The load balancer a record points at (its first target that is one), or null. */
  String loadBalancerOf(DnsRecord r) {
    String lb = lbOfRecord.get(r);
    if (lb != null) {
      return lb;
    }
    for (String target : r.targets()) {
      lb = estate.loadBalancerByDnsKey(DnsNames.loadBalancerKey(target));
      if (lb != null) {
        return lb;
      }
    }
    return null;
  }

  /**
   * How Route53 answers for {@code host} among the records that point at migrated load balancers:
   * each answered record with its probability, in record order, summing to 1; empty when none of
   * them is ever answered. Notes what it assumed, and with several records the answers, which the
   * host's split composes with the split behind each load balancer.
   */
  Map<DnsRecord, Fraction> answers(String host) {
    List<DnsRecord> chosen = chooseRecords(host, hosts.get(host));
    String type = chosen.get(0).type();
    List<DnsRecord> group = recordGroup(host, type);
    Map<DnsRecord, Fraction> p = probabilities(host, chosen, group);
    if (!p.isEmpty() && group.size() > 1) {
      List<String> parts = new ArrayList<>();
      p.forEach(
          (r, prob) ->
              parts.add(r.setIdentifier() + " -> " + loadBalancerOf(r) + " " + prob.describe()));
      notes.info(
          host,
          "Route53 answers "
              + type
              + " "
              + String.join(", ", parts)
              + "; the host's split composes these with the split behind each load balancer.");
    }
    return p;
  }

  /** The records that answer for a host: its CNAME, else its A records, else its AAAA. */
  private List<DnsRecord> chooseRecords(String host, List<DnsRecord> records) {
    Map<String, List<DnsRecord>> byType = new TreeMap<>();
    records.forEach(r -> byType.computeIfAbsent(r.type(), k -> new ArrayList<>()).add(r));
    for (String type : List.of("CNAME", "A", "AAAA")) {
      if (byType.containsKey(type)) {
        if (type.equals("A") && byType.containsKey("AAAA")) {
          Set<String> a = new TreeSet<>();
          Set<String> aaaa = new TreeSet<>();
          byType.get("A").forEach(r -> a.add(loadBalancerOf(r) + "/" + r.weight()));
          byType.get("AAAA").forEach(r -> aaaa.add(loadBalancerOf(r) + "/" + r.weight()));
          if (!a.equals(aaaa)) {
            notes.warn(
                host,
                "A and AAAA records point at different load balancers or weights;"
                    + " the A records are migrated.");
          }
        }
        return byType.get(type);
      }
    }
    throw new IllegalStateException("no record for " + host);
  }

  /** Every record set of one name and type, whatever it points at. */
  private List<DnsRecord> recordGroup(String name, String type) {
    return recordsByName.getOrDefault(name, List.of()).stream()
        .filter(r -> r.type().equals(type))
        .toList();
  }

  private static String label(DnsRecord r) {
    return r.setIdentifier() == null ? r.name() + " " + r.type() : "'" + r.setIdentifier() + "'";
  }

  /**
   * Route53's answer probabilities for the records that point at migrated load balancers, as
   * Route53 computes them over the whole group, then renormalised over the migrated records, with a
   * note for every share that is left out. Empty when none of the migrated records is ever
   * answered.
   */
  private Map<DnsRecord, Fraction> probabilities(
      String host, List<DnsRecord> records, List<DnsRecord> group) {
    Map<DnsRecord, Fraction> all = probabilities(group);
    Fraction migrated = Fraction.ZERO;
    for (DnsRecord r : records) {
      migrated = migrated.plus(all.getOrDefault(r, Fraction.ZERO));
    }
    List<String> elsewhere = new ArrayList<>();
    Fraction lost = Fraction.ZERO;
    for (DnsRecord r : group) {
      if (!records.contains(r)) {
        Fraction prob = all.getOrDefault(r, Fraction.ZERO);
        lost = lost.plus(prob);
        elsewhere.add(label(r) + " -> " + String.join(",", r.targets()) + " " + prob.describe());
      }
    }
    String type = group.get(0).type();
    for (DnsRecord r : records) {
      // weight 0 in a group with other weights: never answered (an all-zero group is noted below)
      if (r.weight() != null && r.weight() == 0 && !all.containsKey(r)) {
        notes.info(
            host,
            "Route53 record "
                + label(r)
                + " ("
                + type
                + " -> "
                + loadBalancerOf(r)
                + ") has weight 0:"
                + " Route53 never answers it while another record of the group has a weight, so it gets none of this"
                + " host's traffic.");
      }
    }
    if (group.size() > 1 && group.stream().allMatch(r -> r.weight() != null && r.weight() == 0)) {
      notes.info(
          host,
          "Every weighted "
              + type
              + " record of this name has weight 0: Route53 then answers each"
              + " of the "
              + group.size()
              + " records equally.");
    }
    if (migrated.isZero()) {
      notes.warn(
          host,
          "Route53 never answers the "
              + type
              + " records that point at migrated load balancers"
              + " ("
              + records.stream().map(DnsAnswers::label).toList()
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
    for (DnsRecord r : records) {
      Fraction prob = all.getOrDefault(r, Fraction.ZERO);
      if (!prob.isZero()) {
        out.put(r, prob.dividedBy(migrated));
      }
    }
    return out;
  }

  /** Route53's answer probabilities: weight / Σ weights; an all-zero group answers equally. */
  private Map<DnsRecord, Fraction> probabilities(List<DnsRecord> records) {
    Map<DnsRecord, Fraction> out = new LinkedHashMap<>();
    if (records.size() == 1) {
      out.put(records.get(0), Fraction.ONE);
      return out;
    }
    boolean weighted = records.stream().allMatch(r -> r.weight() != null);
    long total = weighted ? records.stream().mapToLong(DnsRecord::weight).sum() : 0;
    for (DnsRecord r : records) {
      if (weighted && total > 0) {
        if (r.weight() > 0) {
          out.put(r, Fraction.of(r.weight(), total));
        }
      } else {
        out.put(r, Fraction.of(1, records.size()));
      }
    }
    if (!weighted) {
      notes.warn(
          records.get(0).name(),
          "Records with routing policy "
              + records.stream().map(DnsRecord::routingPolicy).distinct().toList()
              + " are treated as an equal split between their targets.");
    }
    return out;
  }
}
