package io.canary2k8s.discover.live;

import io.canary2k8s.discover.CaptureLayout;
import io.canary2k8s.inventory.AliasTarget;
import io.canary2k8s.inventory.AutoScalingGroup;
import io.canary2k8s.inventory.ClassicLoadBalancer;
import io.canary2k8s.inventory.CrossZone;
import io.canary2k8s.inventory.DnsNames;
import io.canary2k8s.inventory.DnsRecord;
import io.canary2k8s.inventory.HealthCheck;
import io.canary2k8s.inventory.HostedZone;
import io.canary2k8s.inventory.Instance;
import io.canary2k8s.inventory.Listener;
import io.canary2k8s.inventory.ScalingPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.autoscaling.model.SuspendedProcess;
import software.amazon.awssdk.services.autoscaling.model.TagDescription;
import software.amazon.awssdk.services.autoscaling.model.TargetTrackingConfiguration;
import software.amazon.awssdk.services.autoscaling.model.TrafficSourceIdentifier;
import software.amazon.awssdk.services.elasticloadbalancing.model.AppCookieStickinessPolicy;
import software.amazon.awssdk.services.elasticloadbalancing.model.ConnectionDraining;
import software.amazon.awssdk.services.elasticloadbalancing.model.ConnectionSettings;
import software.amazon.awssdk.services.elasticloadbalancing.model.CrossZoneLoadBalancing;
import software.amazon.awssdk.services.elasticloadbalancing.model.LBCookieStickinessPolicy;
import software.amazon.awssdk.services.elasticloadbalancing.model.ListenerDescription;
import software.amazon.awssdk.services.elasticloadbalancing.model.LoadBalancerAttributes;
import software.amazon.awssdk.services.elasticloadbalancing.model.LoadBalancerDescription;
import software.amazon.awssdk.services.elasticloadbalancing.model.Policies;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * SDK model objects to inventory records, field by field as {@link
 * io.canary2k8s.discover.CaptureReader} maps the AWS CLI's JSON of the same calls. Keep the two in
 * step: the integration tests compare their results on the same estate.
 */
final class SdkMapping {
  private SdkMapping() {}

  // ---- classic ELB -------------------------------------------------------------------------

  static ClassicLoadBalancer loadBalancer(
      LoadBalancerDescription d, LoadBalancerAttributes attributes, Map<String, String> tags) {
    List<Listener> listeners = new ArrayList<>();
    for (ListenerDescription ld : d.listenerDescriptions()) {
      var l = ld.listener();
      if (l == null) {
        continue;
      }
      listeners.add(
          new Listener(
              upper(l.protocol()),
              l.loadBalancerPort(),
              upper(l.instanceProtocol()),
              l.instancePort(),
              emptyToNull(l.sslCertificateId())));
    }
    HealthCheck hc = null;
    var h = d.healthCheck();
    if (h != null) {
      hc =
          new HealthCheck(
              h.target(), h.interval(), h.timeout(), h.healthyThreshold(), h.unhealthyThreshold());
    }
    List<String> instanceIds = new ArrayList<>();
    d.instances().forEach(i -> instanceIds.add(i.instanceId()));
    List<String> policies = new ArrayList<>();
    Policies pol = d.policies();
    if (pol != null) {
      for (AppCookieStickinessPolicy p : pol.appCookieStickinessPolicies()) {
        policies.add("app-cookie-stickiness:" + p.policyName());
      }
      for (LBCookieStickinessPolicy p : pol.lbCookieStickinessPolicies()) {
        policies.add("lb-cookie-stickiness:" + p.policyName());
      }
      for (String p : pol.otherPolicies()) {
        policies.add("other:" + p);
      }
    }
    CrossZone crossZone = CrossZone.UNKNOWN;
    Integer draining = null;
    Integer idle = null;
    if (attributes != null) {
      CrossZoneLoadBalancing cz = attributes.crossZoneLoadBalancing();
      crossZone =
          cz != null && Boolean.TRUE.equals(cz.enabled()) ? CrossZone.ENABLED : CrossZone.DISABLED;
      ConnectionDraining cd = attributes.connectionDraining();
      if (cd != null && Boolean.TRUE.equals(cd.enabled())) {
        draining = cd.timeout();
      }
      ConnectionSettings cs = attributes.connectionSettings();
      if (cs != null) {
        idle = cs.idleTimeout();
      }
    }
    return new ClassicLoadBalancer(
        d.loadBalancerName(),
        d.dnsName(),
        emptyToNull(d.scheme()),
        d.availabilityZones(),
        listeners,
        hc,
        instanceIds,
        crossZone,
        draining,
        idle,
        policies,
        tags);
  }

  static Map<String, Map<String, String>> elbTags(
      List<software.amazon.awssdk.services.elasticloadbalancing.model.TagDescription>
          descriptions) {
    Map<String, Map<String, String>> out = new TreeMap<>();
    for (var td : descriptions) {
      Map<String, String> t = out.computeIfAbsent(td.loadBalancerName(), k -> new TreeMap<>());
      for (var tag : td.tags()) {
        t.put(tag.key(), tag.value() == null ? "" : tag.value());
      }
    }
    return out;
  }

  // ---- Auto Scaling ------------------------------------------------------------------------

  static AutoScalingGroup autoScalingGroup(
      software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup g,
      List<ScalingPolicy> policies) {
    Set<String> lbNames = new TreeSet<>(g.loadBalancerNames());
    Set<String> tgArns = new TreeSet<>(g.targetGroupARNs());
    for (TrafficSourceIdentifier ts : g.trafficSources()) {
      if ("elb".equals(ts.type())) {
        lbNames.add(ts.identifier());
      } else if ("elbv2".equals(ts.type())) {
        tgArns.add(ts.identifier());
      }
    }
    List<Instance> instances = new ArrayList<>();
    for (var i : g.instances()) {
      instances.add(
          new Instance(
              i.instanceId(),
              i.availabilityZone(),
              i.lifecycleStateAsString(),
              emptyToNull(i.healthStatus()),
              emptyToNull(i.instanceType())));
    }
    List<String> suspended = new ArrayList<>();
    for (SuspendedProcess s : g.suspendedProcesses()) {
      suspended.add(s.processName());
    }
    Map<String, String> tags = new TreeMap<>();
    for (TagDescription t : g.tags()) {
      tags.put(t.key(), t.value() == null ? "" : t.value());
    }
    return new AutoScalingGroup(
        g.autoScalingGroupName(),
        emptyToNull(g.autoScalingGroupARN()),
        g.minSize(),
        g.maxSize(),
        g.desiredCapacity(),
        g.availabilityZones(),
        List.copyOf(lbNames),
        List.copyOf(tgArns),
        instances,
        suspended,
        g.mixedInstancesPolicy() != null,
        policies,
        tags);
  }

  static ScalingPolicy scalingPolicy(
      software.amazon.awssdk.services.autoscaling.model.ScalingPolicy p) {
    String metric = null;
    Double target = null;
    TargetTrackingConfiguration tt = p.targetTrackingConfiguration();
    if (tt != null) {
      var pm = tt.predefinedMetricSpecification();
      metric = pm != null ? pm.predefinedMetricTypeAsString() : "custom";
      target = tt.targetValue();
    }
    return new ScalingPolicy(
        p.policyName(), p.policyType(), metric, target, !Boolean.FALSE.equals(p.enabled()));
  }

  // ---- Route53 -----------------------------------------------------------------------------

  static HostedZone hostedZone(software.amazon.awssdk.services.route53.model.HostedZone z) {
    boolean priv = z.config() != null && Boolean.TRUE.equals(z.config().privateZone());
    return new HostedZone(CaptureLayout.bareZoneId(z.id()), DnsNames.normalise(z.name()), priv);
  }

  /** True for the record sets the inventory keeps: CNAME, and alias A/AAAA. */
  static boolean kept(ResourceRecordSet r) {
    String type = r.typeAsString();
    return "CNAME".equals(type)
        || (r.aliasTarget() != null && ("A".equals(type) || "AAAA".equals(type)));
  }

  /**
   * @param setIdentifier the record's set identifier as AWS sent it (see {@link
   *     SetIdentifierKeeper}), or null
   */
  static DnsRecord dnsRecord(String zoneId, ResourceRecordSet r, String setIdentifier) {
    var alias = r.aliasTarget();
    List<String> values = new ArrayList<>();
    for (ResourceRecord v : r.resourceRecords()) {
      values.add(v.value());
    }
    AliasTarget target =
        alias == null
            ? null
            : new AliasTarget(
                alias.dnsName(),
                alias.hostedZoneId() == null
                    ? null
                    : CaptureLayout.bareZoneId(alias.hostedZoneId()),
                Boolean.TRUE.equals(alias.evaluateTargetHealth()));
    return new DnsRecord(
        zoneId,
        DnsNames.normalise(r.name()),
        r.typeAsString(),
        alias == null ? r.ttl() : null,
        setIdentifier,
        r.weight(),
        values,
        target,
        routingPolicy(r));
  }

  private static String routingPolicy(ResourceRecordSet r) {
    if (r.weight() != null) {
      return "weighted";
    }
    if (r.failoverAsString() != null) {
      return "failover";
    }
    if (r.regionAsString() != null) {
      return "latency";
    }
    if (r.geoLocation() != null) {
      return "geolocation";
    }
    if (r.geoProximityLocation() != null) {
      return "geoproximity";
    }
    if (r.multiValueAnswer() != null) {
      return "multivalue";
    }
    if (r.cidrRoutingConfig() != null) {
      return "cidr";
    }
    return "simple";
  }

  private static String upper(String s) {
    return s == null ? null : s.toUpperCase(Locale.ROOT);
  }

  static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
