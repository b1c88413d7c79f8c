package io.canary2k8s.discover.live;

import io.canary2k8s.inventory.AliasTarget;
import io.canary2k8s.inventory.AutoScalingGroup;
import io.canary2k8s.inventory.BackendPolicy;
import io.canary2k8s.inventory.ClassicLoadBalancer;
import io.canary2k8s.inventory.CrossZone;
import io.canary2k8s.inventory.DnsRecord;
import io.canary2k8s.inventory.HealthCheck;
import io.canary2k8s.inventory.HostedZone;
import io.canary2k8s.inventory.Inventory;
import io.canary2k8s.inventory.Listener;
import io.canary2k8s.inventory.Provenance;
import io.canary2k8s.inventory.ScalingPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Hand-made estates for what the samples do not cover. */
final class Estates {
  private Estates() {}

  static ClassicLoadBalancer elb(
      String name, String region, CrossZone crossZone, Map<String, String> tags) {
    return new ClassicLoadBalancer(
        name,
        name + "-123.elb.example",
        "internet-facing",
        List.of(region + "a", region + "b"),
        List.of(
            new Listener("HTTP", 80, "HTTP", 8080, null),
            new Listener("TCP", 8443, "TCP", 8443, null)),
        new HealthCheck("HTTP:8080/health", 15, 5, 2, 4),
        List.of(),
        crossZone,
        crossZone == CrossZone.ENABLED ? 45 : null,
        crossZone == CrossZone.ENABLED ? 120 : 60,
        List.of(),
        tags);
  }

  static AutoScalingGroup group(
      String name,
      String region,
      int desired,
      List<String> elbs,
      List<String> suspended,
      List<ScalingPolicy> policies) {
    return new AutoScalingGroup(
        name,
        null,
        0,
        10,
        desired,
        List.of(region + "a", region + "b"),
        elbs,
        List.of(),
        List.of(),
        suspended,
        false,
        policies,
        Map.of("app", name));
  }

  static DnsRecord cname(String zone, String name, String value, String setId, Long weight) {
    return new DnsRecord(
        zone,
        name,
        "CNAME",
        60L,
        setId,
        weight,
        List.of(value),
        null,
        weight == null ? "simple" : "weighted");
  }

  static DnsRecord alias(
      String zone, String name, String type, String target, String setId, Long weight) {
    return new DnsRecord(
        zone,
        name,
        type,
        null,
        setId,
        weight,
        List.of(),
        new AliasTarget(target, "Z35SXDOTRQ7X7K", true),
        weight == null ? "simple" : "weighted");
  }

  /** {@code g} under a mixed instances policy of two instance types weighing 1 and 2 units. */
  static AutoScalingGroup mixed(AutoScalingGroup g) {
    return new AutoScalingGroup(
        g.name(),
        g.arn(),
        g.minSize(),
        g.maxSize(),
        g.desiredCapacity(),
        g.availabilityZones(),
        g.loadBalancerNames(),
        g.targetGroupArns(),
        g.instances(),
        g.suspendedProcesses(),
        true,
        g.scalingPolicies(),
        g.tags(),
        null,
        null,
        List.of(
            new AutoScalingGroup.InstanceOverride("t3.micro", 1),
            new AutoScalingGroup.InstanceOverride("t3.large", 2)));
  }

  /** {@code r} with a routing policy other than weights. */
  static DnsRecord routed(
      DnsRecord r,
      String policy,
      String failover,
      String region,
      DnsRecord.GeoLocation geo,
      String healthCheckId) {
    return new DnsRecord(
        r.zoneId(),
        r.name(),
        r.type(),
        r.ttl(),
        r.setIdentifier(),
        null,
        r.values(),
        r.aliasTarget(),
        policy,
        failover,
        region,
        geo,
        null,
        null,
        null,
        healthCheckId,
        null);
  }

  /** A plain A record (an address, no alias). */
  static DnsRecord address(String zone, String name, String ip) {
    return new DnsRecord(zone, name, "A", 300L, null, null, List.of(ip), null, "simple");
  }

  /**
   * 25 ELBs (two DescribeTags batches), one with a ProxyProtocol back-end policy, cross-zone on and
   * off, a stickiness policy, ASGs with a suspended process and policies, one under a mixed
   * instances policy, a public zone with CNAME, alias A/AAAA, a wildcard and weighted records whose
   * set identifiers hold '/', two of them equal after the last '/', failover (with a health check),
   * latency and geolocation records and a plain A record, and a private zone.
   */
  static Inventory synthetic(String region) {
    List<ClassicLoadBalancer> elbs = new ArrayList<>();
    for (int i = 0; i < 22; i++) {
      elbs.add(
          elb(
              String.format(java.util.Locale.ROOT, "svc-%02d", i),
              region,
              i % 2 == 0 ? CrossZone.ENABLED : CrossZone.DISABLED,
              i % 3 == 0 ? Map.of("team", "t" + i, "canary2k8s.io/app", "svc-" + i) : Map.of()));
    }
    // the PROXY protocol towards one instance port (a back-end server policy); AWS lists the
    // policy among the load balancer's other policies too
    ClassicLoadBalancer tcp = elb("svc-22", region, CrossZone.ENABLED, Map.of());
    elbs.add(
        new ClassicLoadBalancer(
            tcp.name(),
            tcp.dnsName(),
            tcp.scheme(),
            tcp.availabilityZones(),
            tcp.listeners(),
            tcp.healthCheck(),
            tcp.instanceIds(),
            tcp.crossZone(),
            tcp.connectionDrainingSeconds(),
            tcp.idleTimeoutSeconds(),
            List.of("other:svc-22-proxy"),
            tcp.tags(),
            List.of(
                new BackendPolicy(
                    8443,
                    "svc-22-proxy",
                    BackendPolicy.PROXY_PROTOCOL_TYPE,
                    Map.of("ProxyProtocol", "true")))));
    ClassicLoadBalancer sticky = elb("shop", region, CrossZone.DISABLED, Map.of("team", "shop"));
    elbs.add(
        new ClassicLoadBalancer(
            sticky.name(),
            sticky.dnsName(),
            "internal",
            sticky.availabilityZones(),
            sticky.listeners(),
            null,
            List.of(),
            sticky.crossZone(),
            null,
            60,
            List.of("lb-cookie-stickiness:shop-sticky"),
            sticky.tags()));
    elbs.add(
        elb("shop-canary", region, CrossZone.ENABLED, Map.of("team", "shop", "track", "canary")));
    List<AutoScalingGroup> groups =
        List.of(
            group(
                "shop-main",
                region,
                4,
                List.of("shop"),
                List.of(),
                List.of(
                    new ScalingPolicy(
                        "cpu60", "TargetTrackingScaling", "ASGAverageCPUUtilization", 60.0, true),
                    new ScalingPolicy("step", "SimpleScaling", null, null, true))),
            group(
                "shop-canary",
                region,
                1,
                List.of("shop", "shop-canary"),
                List.of("AZRebalance"),
                List.of()),
            mixed(group("svc-00-main", region, 2, List.of("svc-00"), List.of(), List.of())));
    String pub = "ZPUB";
    String priv = "ZPRIV";
    List<HostedZone> zones =
        List.of(
            new HostedZone(pub, "shop.example", false),
            new HostedZone(priv, "internal.shop.example", true));
    List<DnsRecord> records =
        List.of(
            cname(pub, "www.shop.example", "shop-123.elb.example", null, null),
            cname(pub, "*.shop.example", "shop-123.elb.example", null, null),
            cname(pub, "canary.shop.example", "shop-canary-123.elb.example", null, null),
            alias(
                pub,
                "api.shop.example",
                "A",
                "dualstack.shop-123.elb.example.",
                "team-a/stable",
                90L),
            alias(
                pub,
                "api.shop.example",
                "A",
                "dualstack.shop-canary-123.elb.example.",
                "team-b/canary",
                10L),
            alias(
                pub,
                "api.shop.example",
                "AAAA",
                "dualstack.shop-123.elb.example.",
                "team-a/canary",
                90L),
            alias(
                pub,
                "api.shop.example",
                "AAAA",
                "dualstack.shop-canary-123.elb.example.",
                "team-b/canary",
                10L),
            alias(pub, "shop.example", "A", "shop-123.elb.example", null, null),
            cname(priv, "svc.internal.shop.example", "svc-00-123.elb.example", null, null),
            // routing policies other than weights, and plain address records
            routed(
                cname(pub, "status.shop.example", "shop-123.elb.example", "main", null),
                "failover",
                "PRIMARY",
                null,
                null,
                "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"),
            routed(
                cname(pub, "status.shop.example", "svc-01-123.elb.example", "backup", null),
                "failover",
                "SECONDARY",
                null,
                null,
                null),
            routed(
                cname(pub, "near.shop.example", "shop-123.elb.example", "here", null),
                "latency",
                null,
                region,
                null,
                null),
            routed(
                cname(pub, "geo.shop.example", "shop-123.elb.example", "rest", null),
                "geolocation",
                null,
                null,
                new DnsRecord.GeoLocation(null, "*", null),
                null),
            address(pub, "plain.shop.example", "192.0.2.7"));
    return new Inventory(
        Inventory.SCHEMA_VERSION,
        new Provenance("test", region, null, null),
        elbs,
        groups,
        zones,
        records,
        List.of());
  }
}
