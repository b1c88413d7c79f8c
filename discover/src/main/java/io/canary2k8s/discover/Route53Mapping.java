package io.canary2k8s.discover;

import static io.canary2k8s.discover.CaptureLayout.bareZoneId;

import io.canary2k8s.input.Node;
import io.canary2k8s.inventory.AliasTarget;
import io.canary2k8s.inventory.DnsNames;
import io.canary2k8s.inventory.DnsRecord;
import io.canary2k8s.inventory.HostedZone;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Route53 answers ({@code aws route53 list-hosted-zones}, {@code list-resource-record-sets}) into
 * inventory records: the one mapping of these shapes, for a capture's JSON and for live discovery's
 * SDK answers turned into the same JSON (see {@link ElbMapping}).
 */
public final class Route53Mapping {
  private final Set<String> seen = new HashSet<>();

  /**
   * One element of {@code HostedZones}; {@code checkId} is told its bare id first. Two zones of one
   * id are refused.
   */
  public HostedZone hostedZone(Node z, Consumer<String> checkId) {
    String id = bareZoneId(z.text("Id"));
    checkId.accept(id);
    if (!seen.add(id)) {
      throw z.problem("Id", "duplicate hosted zone '" + id + "'");
    }
    Node cfg = z.optObject("Config");
    boolean priv = cfg != null && cfg.bool("PrivateZone", false);
    return new HostedZone(id, DnsNames.normalise(z.text("Name")), priv);
  }

  /**
   * One element of {@code ResourceRecordSets} of zone {@code zoneId}, or null when the inventory
   * does not keep it. It keeps what answers for a host: CNAMEs (to a load balancer or along a chain
   * of the zone's own names), alias A/AAAA records (to a load balancer or another record of the
   * zone), and plain A/AAAA records, which point at no load balancer but take their share of any
   * group they are in. NS, SOA, MX, TXT and the rest play no part in it.
   */
  public static DnsRecord record(String zoneId, Node r) {
    String type = r.text("Type");
    Node alias = r.optObject("AliasTarget");
    boolean pointsByName = "CNAME".equals(type);
    if (!pointsByName && !"A".equals(type) && !"AAAA".equals(type)) {
      return null;
    }
    String name = DnsNames.normalise(r.text("Name"));
    List<String> values = new ArrayList<>();
    for (Node v : r.optArray("ResourceRecords")) {
      values.add(v.text("Value"));
    }
    if (pointsByName && alias == null && values.isEmpty()) {
      throw r.problem("ResourceRecords", "a CNAME record needs a value");
    }
    AliasTarget target =
        alias == null
            ? null
            : new AliasTarget(
                alias.text("DNSName"),
                bareZoneId(alias.text("HostedZoneId")),
                alias.bool("EvaluateTargetHealth", false));
    String setId = r.optText("SetIdentifier");
    Long weight = r.optLong("Weight", 0, 255);
    Long ttl = alias == null ? r.optLong("TTL", 0, 2_147_483_647L) : null;
    String policy = routingPolicy(r);
    Node geo = r.optObject("GeoLocation");
    Node proximity = r.optObject("GeoProximityLocation");
    Node coordinates = proximity == null ? null : proximity.optObject("Coordinates");
    Node cidr = r.optObject("CidrRoutingConfig");
    return new DnsRecord(
        zoneId,
        name,
        type,
        ttl,
        setId,
        weight,
        values,
        target,
        policy,
        r.optText("Failover"),
        r.optText("Region"),
        geo == null
            ? null
            : new DnsRecord.GeoLocation(
                geo.optText("ContinentCode"),
                geo.optText("CountryCode"),
                geo.optText("SubdivisionCode")),
        proximity == null
            ? null
            : new DnsRecord.GeoProximityLocation(
                proximity.optText("AWSRegion"),
                proximity.optText("LocalZoneGroup"),
                coordinates == null ? null : coordinates.text("Latitude"),
                coordinates == null ? null : coordinates.text("Longitude"),
                proximity.optInt("Bias", -99, 99)),
        cidr == null
            ? null
            : new DnsRecord.CidrRouting(cidr.text("CollectionId"), cidr.text("LocationName")),
        r.has("MultiValueAnswer") ? r.bool("MultiValueAnswer", false) : null,
        r.optText("HealthCheckId"),
        r.optText("TrafficPolicyInstanceId"));
  }

  /** The {@code VPCs} of a {@code get-hosted-zone} answer. */
  public static List<HostedZone.Vpc> vpcs(Node zone) {
    List<HostedZone.Vpc> out = new ArrayList<>();
    for (Node v : zone.optArray("VPCs")) {
      out.add(new HostedZone.Vpc(v.text("VPCId"), v.optText("VPCRegion")));
    }
    return out;
  }

  private static String routingPolicy(Node r) {
    if (r.has("Weight")) {
      return "weighted";
    }
    if (r.has("Failover")) {
      return "failover";
    }
    if (r.has("Region")) {
      return "latency";
    }
    if (r.has("GeoLocation")) {
      return "geolocation";
    }
    if (r.has("GeoProximityLocation")) {
      return "geoproximity";
    }
    if (r.has("MultiValueAnswer")) {
      return "multivalue";
    }
    if (r.has("CidrRoutingConfig")) {
      return "cidr";
    }
    return "simple";
  }
}
