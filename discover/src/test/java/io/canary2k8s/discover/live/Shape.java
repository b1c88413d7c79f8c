package io.canary2k8s.discover.live;

import io.canary2k8s.inventory.AutoScalingGroup;
import io.canary2k8s.inventory.ClassicLoadBalancer;
import io.canary2k8s.inventory.DnsNames;
import io.canary2k8s.inventory.DnsRecord;
import io.canary2k8s.inventory.HostedZone;
import io.canary2k8s.inventory.Inventory;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An inventory without what an emulator cannot reproduce (DNS names, ids, ARNs, instance ids
 * and placement, certificate ARNs; instance counts are checked against desired capacity apart), to check that a seeded emulator holds the sample's estate.
 */
final class Shape {
  private Shape() {}

  static List<String> of(Inventory inv) {
    List<String> out = new ArrayList<>();
    for (ClassicLoadBalancer lb : inv.classicLoadBalancers()) {
      out.add(
          "elb " + lb.name() + " scheme=" + lb.scheme() + " zones=" + lb.availabilityZones()
              + " listeners=" + lb.listeners().stream()
                  // moto 5.2.1 turns the instance protocol of a listener with a certificate
                  // into HTTPS whatever was asked, so it is left out there
                  .map(l -> l.protocol() + ":" + l.loadBalancerPort() + "->"
                      + (l.sslCertificateId() == null ? l.instanceProtocol() : "*") + ":"
                      + l.instancePort() + (l.sslCertificateId() == null ? "" : "+cert"))
                  .toList()
              + " health=" + lb.healthCheck() + " crossZone=" + lb.crossZone()
              + " draining=" + lb.connectionDrainingSeconds() + " idle=" + lb.idleTimeoutSeconds()
              + " policies=" + lb.policies() + " tags=" + lb.tags());
    }
    for (AutoScalingGroup g : inv.autoScalingGroups()) {
      out.add(
          "asg " + g.name() + " size=" + g.minSize() + "/" + g.desiredCapacity() + "/" + g.maxSize()
              + " zones=" + g.availabilityZones() + " elbs=" + g.loadBalancerNames()
              + " targetGroups=" + g.targetGroupArns().size()
              + " suspended=" + g.suspendedProcesses()
              + " mixed=" + g.mixedInstancesPolicy() + " policies=" + g.scalingPolicies()
              + " tags=" + g.tags());
    }
    for (HostedZone z : inv.hostedZones()) {
      out.add("zone " + z.name() + " private=" + z.privateZone());
    }
    for (DnsRecord r : inv.dnsRecords()) {
      String zone = zoneName(inv, r.zoneId());
      out.add(
          "record " + zone + " " + r.name() + " " + r.type() + " ttl=" + r.ttl() + " set="
              + r.setIdentifier() + " weight=" + r.weight() + " policy=" + r.routingPolicy()
              + " values=" + r.values().stream().map(v -> target(inv, v)).collect(Collectors.toList())
              + (r.aliasTarget() == null
                  ? ""
                  : " alias=" + target(inv, r.aliasTarget().dnsName()) + " zone="
                      + zoneName(inv, r.aliasTarget().hostedZoneId()) + " evaluate="
                      + r.aliasTarget().evaluateTargetHealth()));
    }
    out.sort(null);
    return out;
  }

  private static String zoneName(Inventory inv, String id) {
    return inv.hostedZones().stream().filter(z -> z.id().equals(id)).map(HostedZone::name)
        .findFirst().orElse(id);
  }

  private static String target(Inventory inv, String dns) {
    String key = DnsNames.loadBalancerKey(dns);
    for (ClassicLoadBalancer lb : inv.classicLoadBalancers()) {
      if (DnsNames.loadBalancerKey(lb.dnsName()).equals(key)) {
        return (DnsNames.normalise(dns).startsWith("dualstack.") ? "dualstack." : "") + "elb:" + lb.name()
            + (dns.endsWith(".") ? "." : "");
      }
    }
    return dns;
  }
}
