package io.canary2k8s.oracle.estate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Route53 hosted zone, public or private, with its record sets. Names are lower case, without the
 * trailing dot, a wildcard written {@code *.name}.
 */
public record HostedZone(
    String id, String name, boolean privateZone, List<HostedZone.Record> records) {

  /**
   * Where an alias record points: a load balancer, or a record of the same zone; with {@code
   * evaluateTargetHealth} (the console's default for load balancers) the record is answered only
   * while its target is healthy.
   */
  public record Alias(String hostedZoneId, String dnsName, boolean evaluateTargetHealth) {}

  /**
   * A record set. Routing policy: {@code weight} set is weighted, {@code failover} PRIMARY or
   * SECONDARY, {@code region} latency; none is simple. Either {@code alias} or {@code values}.
   */
  public record Record(
      String name,
      String type,
      String setId,
      Integer weight,
      String failover,
      String region,
      Alias alias,
      List<String> values) {
    public Record {
      name = name.toLowerCase(Locale.ROOT);
      values = values == null ? List.of() : List.copyOf(values);
    }

    public String target() {
      return alias != null ? alias.dnsName() : values.get(0);
    }

    Record policy(String set, Integer w, String fo, String reg) {
      return new Record(name, type, set, w, fo, reg, alias, values);
    }
  }

  public HostedZone {
    name = name.toLowerCase(Locale.ROOT);
    records = List.copyOf(records);
  }

  public static HostedZone publicZone(String id, String name) {
    return new HostedZone(id, name, false, List.of());
  }

  public static HostedZone privateZone(String id, String name) {
    return new HostedZone(id, name, true, List.of());
  }

  /** {@code "www"} is {@code www.<zone>}, {@code "@"} the apex, a full name stays. */
  public String fqdn(String relative) {
    if (relative.equals("@")) {
      return name;
    }
    String r = relative.toLowerCase(Locale.ROOT);
    return r.equals(name) || r.endsWith("." + name) ? r : r + "." + name;
  }

  public HostedZone add(Record r) {
    List<Record> rs = new ArrayList<>(records);
    rs.add(r);
    return new HostedZone(id, name, privateZone, rs);
  }

  /** An alias A record to a load balancer (its dualstack name, as the console writes it). */
  public HostedZone alias(String name, String lbDnsName) {
    return alias(name, "A", lbDnsName);
  }

  public HostedZone alias(String name, String type, String lbDnsName) {
    return add(
        new Record(
            fqdn(name),
            type,
            null,
            null,
            null,
            null,
            new Alias(lbZoneId(lbDnsName), "dualstack." + lbDnsName, true),
            null));
  }

  /** An alias A record to another record of this zone (a chain). */
  public HostedZone aliasInZone(String name, String target) {
    return add(
        new Record(
            fqdn(name), "A", null, null, null, null, new Alias(id, fqdn(target), true), null));
  }

  public HostedZone cname(String name, String value) {
    return add(new Record(fqdn(name), "CNAME", null, null, null, null, null, List.of(value)));
  }

  /** A weighted alias A record to a load balancer. */
  public HostedZone weighted(String name, String setId, int weight, String lbDnsName) {
    return add(aliasRecord(name, lbDnsName).policy(setId, weight, null, null));
  }

  /** A weighted CNAME. */
  public HostedZone weightedCname(String name, String setId, int weight, String value) {
    return add(new Record(fqdn(name), "CNAME", setId, weight, null, null, null, List.of(value)));
  }

  /** A failover alias A record ({@code PRIMARY} or {@code SECONDARY}). */
  public HostedZone failover(String name, String role, String lbDnsName) {
    return add(
        aliasRecord(name, lbDnsName).policy(role.toLowerCase(Locale.ROOT), null, role, null));
  }

  /** A latency alias A record for {@code region}. */
  public HostedZone latency(String name, String region, String lbDnsName) {
    return add(aliasRecord(name, lbDnsName).policy(region, null, null, region));
  }

  /** The alias records of {@code name} without target health evaluation. */
  public HostedZone withoutTargetHealth(String name) {
    String n = fqdn(name);
    List<Record> rs = new ArrayList<>();
    for (Record r : records) {
      rs.add(
          r.name().equals(n) && r.alias() != null
              ? new Record(
                  r.name(),
                  r.type(),
                  r.setId(),
                  r.weight(),
                  r.failover(),
                  r.region(),
                  new Alias(r.alias().hostedZoneId(), r.alias().dnsName(), false),
                  r.values())
              : r);
    }
    return new HostedZone(id, this.name, privateZone, rs);
  }

  private Record aliasRecord(String name, String lbDnsName) {
    return new Record(
        fqdn(name),
        "A",
        null,
        null,
        null,
        null,
        new Alias(lbZoneId(lbDnsName), "dualstack." + lbDnsName, true),
        null);
  }

  /** The canonical hosted zone id of load balancers in the region (shared by all of them). */
  static String lbZoneId(String dns) {
    return dns.endsWith(".elb.amazonaws.com") ? "Z32O12XQLNTSW2" : "Z2FDTNDATAQYW2";
  }
}
