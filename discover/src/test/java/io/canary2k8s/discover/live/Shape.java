package io.canary2k8s.discover.live;

import io.canary2k8s.inventory.AutoScalingGroup;
import io.canary2k8s.inventory.ClassicLoadBalancer;
import io.canary2k8s.inventory.DnsNames;
import io.canary2k8s.inventory.DnsRecord;
import io.canary2k8s.inventory.HostedZone;
import io.canary2k8s.inventory.Inventory;
import io.canary2k8s.inventory.LoadBalancerV2;
import io.canary2k8s.inventory.TargetGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An inventory without what an emulator cannot reproduce (DNS names, ids, ARNs, instance ids and
 * placement, certificate ARNs, health check ids, a private zone's VPCs; instance counts are checked
 * against desired capacity apart), to check that a seeded emulator holds the sample's estate. moto
 * 5.2.1 does not keep a rule's regex conditions (it fails to create one) or transforms, an Auto
 * Scaling group's status, desired capacity type or instance weights, or a record's geoproximity or
 * CIDR location: those are left out (FullMembersTest checks them through the SDK's model objects
 * instead).
 */
final class Shape {
  private Shape() {}

  static List<String> of(Inventory inv) {
    List<String> out = new ArrayList<>();
    for (ClassicLoadBalancer lb : inv.classicLoadBalancers()) {
      out.add(
          "elb "
              + lb.name()
              + " scheme="
              + lb.scheme()
              + " zones="
              + lb.availabilityZones()
              + " listeners="
              + lb.listeners().stream()
                  // moto 5.2.1 turns the instance protocol of a listener with a certificate
                  // into HTTPS whatever was asked, so it is left out there
                  .map(
                      l ->
                          l.protocol()
                              + ":"
                              + l.loadBalancerPort()
                              + "->"
                              + (l.sslCertificateId() == null ? l.instanceProtocol() : "*")
                              + ":"
                              + l.instancePort()
                              + (l.sslCertificateId() == null ? "" : "+cert"))
                  .toList()
              + " health="
              + lb.healthCheck()
              + " crossZone="
              + lb.crossZone()
              + " draining="
              + lb.connectionDrainingSeconds()
              + " idle="
              + lb.idleTimeoutSeconds()
              + " policies="
              + lb.policies()
              + " backend="
              + lb.backendPolicies()
              + " tags="
              + lb.tags());
    }
    java.util.Map<String, String> tgName = new java.util.TreeMap<>();
    inv.targetGroups().forEach(t -> tgName.put(t.arn(), t.name()));
    java.util.Map<String, String> lbName = new java.util.TreeMap<>();
    inv.loadBalancersV2().forEach(l -> lbName.put(l.arn(), l.name()));
    for (LoadBalancerV2 lb : inv.loadBalancersV2()) {
      out.add(
          "elbv2 "
              + lb.name()
              + " type="
              + lb.type()
              + " scheme="
              + lb.scheme()
              + " zones="
              + lb.availabilityZones()
              + " crossZone="
              + lb.attributes().get("load_balancing.cross_zone.enabled")
              + " listeners="
              + lb.listeners().stream()
                  .map(
                      l ->
                          l.protocol()
                              + ":"
                              + l.port()
                              + " certs="
                              + l.certificateArns().size()
                              + " rules="
                              + l.rules().stream()
                                  .map(
                                      r ->
                                          r.priority()
                                              + (r.isDefault() ? "(default)" : "")
                                              + " when "
                                              + r.conditions().stream()
                                                  .map(
                                                      c ->
                                                          c.field()
                                                              + (c.key() == null
                                                                  ? ""
                                                                  : ":" + c.key())
                                                              + c.values())
                                                  .toList()
                                              + " do "
                                              + r.actions().stream()
                                                  .map(
                                                      a ->
                                                          a.order()
                                                              + ":"
                                                              + a.type()
                                                              + a.targetGroups().stream()
                                                                  .map(
                                                                      t ->
                                                                          tgName.get(
                                                                                  t
                                                                                      .targetGroupArn())
                                                                              + "="
                                                                              + t.weight())
                                                                  .toList()
                                                              + (a.stickinessSeconds() == null
                                                                  ? ""
                                                                  : " sticky "
                                                                      + a.stickinessSeconds())
                                                              + (a.config().isEmpty()
                                                                  ? ""
                                                                  : " " + a.config()))
                                                  .toList())
                                  .toList())
                  .toList());
    }
    for (TargetGroup tg : inv.targetGroups()) {
      java.util.Map<String, String> attrs = new java.util.TreeMap<>(tg.attributes());
      attrs
          .keySet()
          .retainAll(
              List.of(
                  "load_balancing.cross_zone.enabled",
                  "stickiness.enabled",
                  "load_balancing.algorithm.type",
                  "deregistration_delay.timeout_seconds"));
      if (!"HTTP".equals(tg.protocol()) && !"HTTPS".equals(tg.protocol())) {
        // an NLB's target groups have no routing algorithm in AWS; moto reports round_robin
        attrs.remove("load_balancing.algorithm.type");
      }
      out.add(
          "tg "
              + tg.name()
              + " "
              + tg.protocol()
              + ":"
              + tg.port()
              + " type="
              + tg.targetType()
              + " health="
              + tg.healthCheckProtocol()
              + ":"
              + tg.healthCheckPort()
              + tg.healthCheckPath()
              + " every "
              + tg.healthCheckIntervalSeconds()
              + "/"
              + tg.healthCheckTimeoutSeconds()
              + " thresholds "
              + tg.healthyThresholdCount()
              + "/"
              + tg.unhealthyThresholdCount()
              + " lbs="
              + tg.loadBalancerArns().stream().map(a -> lbName.getOrDefault(a, a)).toList()
              + " attributes="
              + attrs);
    }
    for (AutoScalingGroup g : inv.autoScalingGroups()) {
      out.add(
          "asg "
              + g.name()
              + " size="
              + g.minSize()
              + "/"
              + g.desiredCapacity()
              + "/"
              + g.maxSize()
              + " zones="
              + g.availabilityZones()
              + " elbs="
              + g.loadBalancerNames()
              + " targetGroups="
              + g.targetGroupArns().stream().map(a -> tgName.getOrDefault(a, a)).toList()
              + " suspended="
              + g.suspendedProcesses()
              + " mixed="
              + g.mixedInstancesPolicy()
              + " overrides="
              + g.instanceOverrides()
              + " policies="
              + g.scalingPolicies()
              + " tags="
              + g.tags());
    }
    for (HostedZone z : inv.hostedZones()) {
      out.add("zone " + z.name() + " private=" + z.privateZone());
    }
    for (DnsRecord r : inv.dnsRecords()) {
      String zone = zoneName(inv, r.zoneId());
      out.add(
          "record "
              + zone
              + " "
              + r.name()
              + " "
              + r.type()
              + " ttl="
              + r.ttl()
              + " set="
              + r.setIdentifier()
              + " weight="
              + r.weight()
              + " policy="
              + r.routingPolicy()
              + (r.failover() == null ? "" : " failover=" + r.failover())
              + (r.region() == null ? "" : " region=" + r.region())
              + (r.geoLocation() == null ? "" : " geo=" + r.geoLocation())
              + (r.multiValueAnswer() == null ? "" : " multivalue=" + r.multiValueAnswer())
              + (r.healthCheckId() == null ? "" : " health-checked")
              + " values="
              + r.values().stream().map(v -> target(inv, v)).collect(Collectors.toList())
              + (r.aliasTarget() == null
                  ? ""
                  : " alias="
                      + target(inv, r.aliasTarget().dnsName())
                      + " zone="
                      + zoneName(inv, r.aliasTarget().hostedZoneId())
                      + " evaluate="
                      + r.aliasTarget().evaluateTargetHealth()));
    }
    out.sort(null);
    return out;
  }

  private static String zoneName(Inventory inv, String id) {
    return inv.hostedZones().stream()
        .filter(z -> z.id().equals(id))
        .map(HostedZone::name)
        .findFirst()
        .orElse(id);
  }

  private static String target(Inventory inv, String dns) {
    String key = DnsNames.loadBalancerKey(dns);
    for (ClassicLoadBalancer lb : inv.classicLoadBalancers()) {
      if (DnsNames.loadBalancerKey(lb.dnsName()).equals(key)) {
        return (DnsNames.normalise(dns).startsWith("dualstack.") ? "dualstack." : "")
            + "elb:"
            + lb.name()
            + (dns.endsWith(".") ? "." : "");
      }
    }
    for (LoadBalancerV2 lb : inv.loadBalancersV2()) {
      if (DnsNames.loadBalancerKey(lb.dnsName()).equals(key)) {
        return (DnsNames.normalise(dns).startsWith("dualstack.") ? "dualstack." : "")
            + "elbv2:"
            + lb.name()
            + (dns.endsWith(".") ? "." : "");
      }
    }
    return dns;
  }
}
