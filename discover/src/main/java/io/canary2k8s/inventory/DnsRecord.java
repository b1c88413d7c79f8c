package io.canary2k8s.inventory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Route53 record set that may point at a load balancer: CNAME, or alias A/AAAA.
 *
 * @param name the normalised name (see {@link DnsNames#normalise(String)})
 * @param setIdentifier set identifier of a weighted (or other policy) record, else null
 * @param weight the Route53 weight of a weighted record, else null
 * @param values the record values of a non-alias record
 * @param routingPolicy simple, weighted, failover, latency, geolocation, geoproximity, multivalue
 *     or cidr
 */
public record DnsRecord(
    String zoneId,
    String name,
    String type,
    Long ttl,
    String setIdentifier,
    Long weight,
    List<String> values,
    AliasTarget aliasTarget,
    String routingPolicy) {

  /** Zone, name, type, set identifier: Route53's own identity of a record set. */
  public static final Comparator<DnsRecord> ORDER =
      Comparator.comparing(DnsRecord::zoneId)
          .thenComparing(DnsRecord::name)
          .thenComparing(DnsRecord::type)
          .thenComparing(
              DnsRecord::setIdentifier, Comparator.nullsFirst(Comparator.naturalOrder()));

  public DnsRecord {
    values = Sorted.strings(values);
  }

  /** The DNS names this record points at: its alias target or its values. */
  public List<String> targets() {
    return aliasTarget != null ? List.of(aliasTarget.dnsName()) : values;
  }

  /**
   * {@code records} indexed by name, each list in the order of {@code records}: one pass instead of
   * a scan of every record per host (a quadratic cost at 10,000 apps, BENCHMARKS.md).
   */
  public static Map<String, List<DnsRecord>> byName(List<DnsRecord> records) {
    Map<String, List<DnsRecord>> out = new HashMap<>();
    for (DnsRecord r : records) {
      out.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(r);
    }
    return out;
  }
}
