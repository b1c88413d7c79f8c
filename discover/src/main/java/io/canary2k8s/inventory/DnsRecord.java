package io.canary2k8s.inventory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Route53 record set that takes part in answering a host name: a CNAME, or an A/AAAA record
 * (alias or not). Alias A/AAAA records and CNAMEs may point at a load balancer or at another record
 * of the zone (a chain); plain A/AAAA records are kept for the weighted or other groups they belong
 * to, whose share they take.
 *
 * @param name the normalised name (see {@link DnsNames#normalise(String)})
 * @param setIdentifier set identifier of a weighted (or other policy) record, else null
 * @param weight the Route53 weight of a weighted record, else null
 * @param values the record values of a non-alias record
 * @param routingPolicy simple, weighted, failover, latency, geolocation, geoproximity, multivalue
 *     or cidr
 * @param failover {@code PRIMARY} or {@code SECONDARY} for a failover record, else null
 * @param region the AWS region of a latency record, else null
 * @param geoLocation the location a geolocation record answers for, else null
 * @param geoProximityLocation the location and bias of a geoproximity record, else null
 * @param cidrRouting the CIDR collection and location of a CIDR record, else null
 * @param multiValueAnswer true for a multivalue answer record, else null
 * @param healthCheckId the Route53 health check of the record, else null (a failover PRIMARY
 *     without one is always healthy)
 * @param trafficPolicyInstanceId the traffic policy instance that made the record (its routing is
 *     the policy's), else null
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
    String routingPolicy,
    String failover,
    String region,
    GeoLocation geoLocation,
    GeoProximityLocation geoProximityLocation,
    CidrRouting cidrRouting,
    Boolean multiValueAnswer,
    String healthCheckId,
    String trafficPolicyInstanceId) {

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

  /** A record set without routing details beyond its weight (simple or weighted). */
  public DnsRecord(
      String zoneId,
      String name,
      String type,
      Long ttl,
      String setIdentifier,
      Long weight,
      List<String> values,
      AliasTarget aliasTarget,
      String routingPolicy) {
    this(
        zoneId,
        name,
        type,
        ttl,
        setIdentifier,
        weight,
        values,
        aliasTarget,
        routingPolicy,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /**
   * The location a geolocation record answers for ({@code *} as country code: the default record).
   */
  public record GeoLocation(String continentCode, String countryCode, String subdivisionCode) {}

  /**
   * The location of a geoproximity record: an AWS region, a Local Zone group or coordinates, and
   * the bias that grows (positive) or shrinks (negative) the area it answers for.
   */
  public record GeoProximityLocation(
      String awsRegion, String localZoneGroup, String latitude, String longitude, Integer bias) {}

  /** The CIDR collection and location of a CIDR routing record ({@code *}: the default). */
  public record CidrRouting(String collectionId, String locationName) {}

  /**
   * The DNS names this record points at: its alias target or its values (addresses, for a plain
   * A/AAAA record).
   */
  public List<String> targets() {
    return aliasTarget != null ? List.of(aliasTarget.dnsName()) : values;
  }

  /**
   * {@code records} indexed by name, each list in the order of {@code records}: one pass instead of
   * a scan of every record per host, which would be quadratic in the estate's size.
   */
  public static Map<String, List<DnsRecord>> byName(List<DnsRecord> records) {
    Map<String, List<DnsRecord>> out = new HashMap<>();
    for (DnsRecord r : records) {
      out.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(r);
    }
    return out;
  }
}
