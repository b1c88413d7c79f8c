package io.canary2k8s.discover.live;

import io.canary2k8s.inventory.AutoScalingGroup;
import io.canary2k8s.inventory.BackendPolicy;
import io.canary2k8s.inventory.ClassicLoadBalancer;
import io.canary2k8s.inventory.CrossZone;
import io.canary2k8s.inventory.DnsNames;
import io.canary2k8s.inventory.DnsRecord;
import io.canary2k8s.inventory.HostedZone;
import io.canary2k8s.inventory.Instance;
import io.canary2k8s.inventory.Inventory;
import io.canary2k8s.inventory.Listener;
import io.canary2k8s.inventory.ListenerRule;
import io.canary2k8s.inventory.ListenerV2;
import io.canary2k8s.inventory.LoadBalancerV2;
import io.canary2k8s.inventory.RuleAction;
import io.canary2k8s.inventory.RuleCondition;
import io.canary2k8s.inventory.ScalingPolicy;
import io.canary2k8s.inventory.TargetGroup;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.Tag;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * Test-only: recreates an estate (given as an inventory, e.g. a sample capture read by
 * CaptureReader) in moto through the AWS API. These clients have no read-only interceptor. Record
 * targets are rewritten to the DNS names moto gives the load balancers; every launch template
 * carries user data with {@link #USER_DATA_MARKER}.
 */
final class Seeder implements AutoCloseable {
  static final String USER_DATA_MARKER = "CANARY2K8S-USERDATA-MARKER-7f3a9c";
  static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));

  final String region;
  final ElasticLoadBalancingClient elb;
  final AutoScalingClient asg;
  final Route53Client route53;
  final Ec2Client ec2;
  final AcmClient acm;
  final software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client elbv2;

  /** Sample target group ARN to moto's. */
  final Map<String, String> tgArns = new HashMap<>();

  /** Sample ALB/NLB name to the DNS name moto gave it. */
  final Map<String, String> v2Dns = new HashMap<>();

  /** Sample ELB name to the DNS name moto gave it. */
  final Map<String, String> elbDns = new HashMap<>();

  /** Sample zone id to moto's zone id. */
  final Map<String, String> zoneIds = new HashMap<>();

  private final Map<String, String> certificates = new HashMap<>();

  /** Sample health check id to moto's. */
  private final Map<String, String> healthChecks = new HashMap<>();

  Seeder(URI endpoint, String region) {
    this.region = region;
    this.elb = build(ElasticLoadBalancingClient.builder(), endpoint, Region.of(region));
    this.asg = build(AutoScalingClient.builder(), endpoint, Region.of(region));
    this.ec2 = build(Ec2Client.builder(), endpoint, Region.of(region));
    this.acm = build(AcmClient.builder(), endpoint, Region.of(region));
    this.elbv2 =
        build(
            software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client
                .builder(),
            endpoint,
            Region.of(region));
    this.route53 = build(Route53Client.builder(), endpoint, Region.AWS_GLOBAL);
  }

  static <B extends AwsClientBuilder<B, C>, C> C build(B builder, URI endpoint, Region region) {
    return builder
        .region(region)
        .endpointOverride(endpoint)
        .credentialsProvider(CREDENTIALS)
        .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD))
        .build();
  }

  /** Seeds the whole estate. */
  Seeder seed(Inventory estate) {
    for (ClassicLoadBalancer lb : estate.classicLoadBalancers()) {
      loadBalancer(lb);
    }
    for (TargetGroup tg : estate.targetGroups()) {
      targetGroup(tg);
    }
    for (LoadBalancerV2 lb : estate.loadBalancersV2()) {
      loadBalancerV2(lb);
    }
    for (AutoScalingGroup g : estate.autoScalingGroups()) {
      group(g);
    }
    Map<String, List<DnsRecord>> byZone = new HashMap<>();
    estate
        .dnsRecords()
        .forEach(r -> byZone.computeIfAbsent(r.zoneId(), k -> new ArrayList<>()).add(r));
    for (HostedZone z : estate.hostedZones()) {
      zone(z);
    }
    for (HostedZone z : estate.hostedZones()) {
      records(zoneIds.get(z.id()), byZone.getOrDefault(z.id(), List.of()), estate);
    }
    return this;
  }

  void loadBalancer(ClassicLoadBalancer lb) {
    List<software.amazon.awssdk.services.elasticloadbalancing.model.Listener> listeners =
        new ArrayList<>();
    for (Listener l : lb.listeners()) {
      listeners.add(
          software.amazon.awssdk.services.elasticloadbalancing.model.Listener.builder()
              .protocol(l.protocol())
              .loadBalancerPort(l.loadBalancerPort())
              .instanceProtocol(l.instanceProtocol())
              .instancePort(l.instancePort())
              .sslCertificateId(
                  l.sslCertificateId() == null ? null : certificate(l.sslCertificateId()))
              .build());
    }
    String dns =
        elb.createLoadBalancer(
                r ->
                    r.loadBalancerName(lb.name())
                        .listeners(listeners)
                        .availabilityZones(lb.availabilityZones())
                        .scheme(lb.scheme()))
            .dnsName();
    elbDns.put(lb.name(), dns);
    if (lb.healthCheck() != null) {
      var h = lb.healthCheck();
      elb.configureHealthCheck(
          r ->
              r.loadBalancerName(lb.name())
                  .healthCheck(
                      c ->
                          c.target(h.target())
                              .interval(h.interval())
                              .timeout(h.timeout())
                              .healthyThreshold(h.healthyThreshold())
                              .unhealthyThreshold(h.unhealthyThreshold())));
    }
    if (lb.crossZone() != CrossZone.UNKNOWN) {
      elb.modifyLoadBalancerAttributes(
          r ->
              r.loadBalancerName(lb.name())
                  .loadBalancerAttributes(
                      a -> {
                        a.crossZoneLoadBalancing(
                            c -> c.enabled(lb.crossZone() == CrossZone.ENABLED));
                        a.connectionDraining(
                            d ->
                                d.enabled(lb.connectionDrainingSeconds() != null)
                                    .timeout(
                                        lb.connectionDrainingSeconds() == null
                                            ? 300
                                            : lb.connectionDrainingSeconds()));
                        if (lb.idleTimeoutSeconds() != null) {
                          a.connectionSettings(s -> s.idleTimeout(lb.idleTimeoutSeconds()));
                        }
                      }));
    }
    if (!lb.tags().isEmpty()) {
      List<software.amazon.awssdk.services.elasticloadbalancing.model.Tag> tags = new ArrayList<>();
      lb.tags()
          .forEach(
              (k, v) ->
                  tags.add(
                      software.amazon.awssdk.services.elasticloadbalancing.model.Tag.builder()
                          .key(k)
                          .value(v)
                          .build()));
      elb.addTags(r -> r.loadBalancerNames(lb.name()).tags(tags));
    }
    Map<Integer, List<String>> backend = new java.util.TreeMap<>();
    for (BackendPolicy p : lb.backendPolicies()) {
      if (p.type() != null) {
        List<software.amazon.awssdk.services.elasticloadbalancing.model.PolicyAttribute> attrs =
            new ArrayList<>();
        p.attributes()
            .forEach(
                (k, v) ->
                    attrs.add(
                        software.amazon.awssdk.services.elasticloadbalancing.model.PolicyAttribute
                            .builder()
                            .attributeName(k)
                            .attributeValue(v)
                            .build()));
        elb.createLoadBalancerPolicy(
            r ->
                r.loadBalancerName(lb.name())
                    .policyName(p.name())
                    .policyTypeName(p.type())
                    .policyAttributes(attrs));
      }
      backend.computeIfAbsent(p.instancePort(), k -> new ArrayList<>()).add(p.name());
    }
    backend.forEach(
        (port, names) ->
            elb.setLoadBalancerPoliciesForBackendServer(
                r -> r.loadBalancerName(lb.name()).instancePort(port).policyNames(names)));
    Set<String> backendNames = new java.util.TreeSet<>();
    lb.backendPolicies().forEach(p -> backendNames.add(p.name()));
    for (String p : lb.policies()) {
      String name = p.substring(p.indexOf(':') + 1);
      if (p.startsWith("app-cookie-stickiness:")) {
        elb.createAppCookieStickinessPolicy(
            r -> r.loadBalancerName(lb.name()).policyName(name).cookieName("session"));
      } else if (p.startsWith("lb-cookie-stickiness:")) {
        elb.createLBCookieStickinessPolicy(
            r -> r.loadBalancerName(lb.name()).policyName(name).cookieExpirationPeriod(60L));
      } else if (p.startsWith("other:") && !backendNames.contains(name)) {
        // a listener's SSL negotiation policy, named after the predefined policy it references
        elb.createLoadBalancerPolicy(
            r ->
                r.loadBalancerName(lb.name())
                    .policyName(name)
                    .policyTypeName("SSLNegotiationPolicyType")
                    .policyAttributes(
                        software.amazon.awssdk.services.elasticloadbalancing.model.PolicyAttribute
                            .builder()
                            .attributeName("Reference-Security-Policy")
                            .attributeValue(name)
                            .build()));
      }
    }
  }

  private String certificate(String original) {
    return certificates.computeIfAbsent(
        original, k -> acm.requestCertificate(r -> r.domainName("example.com")).certificateArn());
  }

  void group(AutoScalingGroup g) {
    String type =
        g.instances().stream()
            .map(Instance::instanceType)
            .filter(t -> t != null)
            .findFirst()
            .orElse("t3.micro");
    String userData =
        Base64.getEncoder()
            .encodeToString(
                ("#!/bin/bash\necho " + USER_DATA_MARKER + "\n").getBytes(StandardCharsets.UTF_8));
    String template = g.name() + "-lt";
    ec2.createLaunchTemplate(
        r ->
            r.launchTemplateName(template)
                .launchTemplateData(
                    d -> d.imageId("ami-12c6146b").instanceType(type).userData(userData)));
    List<Tag> tags = new ArrayList<>();
    g.tags()
        .forEach(
            (k, v) ->
                tags.add(
                    Tag.builder()
                        .resourceId(g.name())
                        .resourceType("auto-scaling-group")
                        .key(k)
                        .value(v)
                        .propagateAtLaunch(false)
                        .build()));
    asg.createAutoScalingGroup(
        r ->
            (g.instanceOverrides().isEmpty()
                    ? r.autoScalingGroupName(g.name())
                        .launchTemplate(lt -> lt.launchTemplateName(template).version("$Latest"))
                    : r.autoScalingGroupName(g.name())
                        .mixedInstancesPolicy(
                            m ->
                                m.launchTemplate(
                                    lt ->
                                        lt.launchTemplateSpecification(
                                                s ->
                                                    s.launchTemplateName(template)
                                                        .version("$Latest"))
                                            .overrides(
                                                g.instanceOverrides().stream()
                                                    .map(
                                                        o ->
                                                            software.amazon.awssdk.services
                                                                .autoscaling.model
                                                                .LaunchTemplateOverrides.builder()
                                                                .instanceType(o.instanceType())
                                                                .weightedCapacity(
                                                                    o.weightedCapacity() == null
                                                                        ? null
                                                                        : String.valueOf(
                                                                            o.weightedCapacity()))
                                                                .build())
                                                    .toList()))))
                .minSize(g.minSize())
                .maxSize(g.maxSize())
                .desiredCapacity(g.desiredCapacity())
                .availabilityZones(g.availabilityZones())
                .loadBalancerNames(g.loadBalancerNames())
                .targetGroupARNs(g.targetGroupArns().stream().map(tgArns::get).toList())
                .tags(tags));
    if (!g.suspendedProcesses().isEmpty()) {
      asg.suspendProcesses(
          r -> r.autoScalingGroupName(g.name()).scalingProcesses(g.suspendedProcesses()));
    }
    for (ScalingPolicy p : g.scalingPolicies()) {
      if ("TargetTrackingScaling".equals(p.policyType())) {
        asg.putScalingPolicy(
            r ->
                r.autoScalingGroupName(g.name())
                    .policyName(p.policyName())
                    .policyType(p.policyType())
                    .enabled(p.enabled())
                    .targetTrackingConfiguration(
                        t ->
                            t.predefinedMetricSpecification(m -> m.predefinedMetricType(p.metric()))
                                .targetValue(p.targetValue())));
      } else {
        asg.putScalingPolicy(
            r ->
                r.autoScalingGroupName(g.name())
                    .policyName(p.policyName())
                    .policyType("SimpleScaling")
                    .enabled(p.enabled())
                    .adjustmentType("ChangeInCapacity")
                    .scalingAdjustment(1));
      }
    }
  }

  void zone(HostedZone z) {
    String id;
    if (z.privateZone()) {
      String vpc =
          ec2.describeVpcs(r -> r.filters(f -> f.name("isDefault").values("true")))
              .vpcs()
              .get(0)
              .vpcId();
      id =
          route53
              .createHostedZone(
                  r ->
                      r.name(z.name())
                          .callerReference(UUID.randomUUID().toString())
                          .hostedZoneConfig(c -> c.privateZone(true))
                          .vpc(v -> v.vpcId(vpc).vpcRegion(region)))
              .hostedZone()
              .id();
    } else {
      id =
          route53
              .createHostedZone(r -> r.name(z.name()).callerReference(UUID.randomUUID().toString()))
              .hostedZone()
              .id();
    }
    zoneIds.put(z.id(), id.substring(id.lastIndexOf('/') + 1));
  }

  /** Creates the records in one change batch per zone (at most 1000 changes a batch). */
  void records(String zoneId, List<DnsRecord> records, Inventory estate) {
    List<Change> changes = new ArrayList<>();
    int failover = 0;
    for (DnsRecord r : records) {
      ResourceRecordSet.Builder set =
          ResourceRecordSet.builder()
              .name(r.name())
              .type(r.type())
              .setIdentifier(r.setIdentifier());
      if (r.aliasTarget() != null) {
        var a = r.aliasTarget();
        String aliasZone = zoneIds.getOrDefault(a.hostedZoneId(), a.hostedZoneId());
        set.aliasTarget(
            t ->
                t.dnsName(rewrite(a.dnsName(), estate))
                    .hostedZoneId(aliasZone)
                    .evaluateTargetHealth(a.evaluateTargetHealth()));
      } else {
        set.ttl(r.ttl());
        List<ResourceRecord> values = new ArrayList<>();
        r.values()
            .forEach(v -> values.add(ResourceRecord.builder().value(rewrite(v, estate)).build()));
        set.resourceRecords(values);
      }
      switch (r.routingPolicy()) {
        case "weighted" -> set.weight(r.weight());
        case "failover" ->
            set.failover(
                r.failover() != null
                    ? r.failover()
                    : failover++ % 2 == 0 ? "PRIMARY" : "SECONDARY");
        case "latency" -> set.region(r.region() != null ? r.region() : region);
        case "multivalue" -> set.multiValueAnswer(true);
        case "geolocation" ->
            set.geoLocation(
                g ->
                    g.continentCode(
                            r.geoLocation() == null ? null : r.geoLocation().continentCode())
                        .countryCode(r.geoLocation() == null ? "*" : r.geoLocation().countryCode())
                        .subdivisionCode(
                            r.geoLocation() == null ? null : r.geoLocation().subdivisionCode()));
        default -> {}
      }
      if (r.healthCheckId() != null) {
        set.healthCheckId(healthCheck(r.healthCheckId()));
      }
      changes.add(
          Change.builder().action(ChangeAction.CREATE).resourceRecordSet(set.build()).build());
    }
    for (int from = 0; from < changes.size(); from += 1000) {
      List<Change> batch = changes.subList(from, Math.min(changes.size(), from + 1000));
      route53.changeResourceRecordSets(
          r -> r.hostedZoneId(zoneId).changeBatch(b -> b.changes(batch)));
    }
  }

  /** Moto's health check standing for {@code original}, made on first use. */
  private String healthCheck(String original) {
    return healthChecks.computeIfAbsent(
        original,
        k ->
            route53
                .createHealthCheck(
                    r ->
                        r.callerReference(k)
                            .healthCheckConfig(
                                c ->
                                    c.type("HTTP")
                                        .fullyQualifiedDomainName("health.example")
                                        .port(80)
                                        .resourcePath("/")))
                .healthCheck()
                .id());
  }

  /** A record target pointing at a sample ELB, pointed at moto's ELB of the same name instead. */
  String rewrite(String target, Inventory estate) {
    String key = DnsNames.loadBalancerKey(target);
    String prefix = target.toLowerCase(Locale.ROOT).startsWith("dualstack.") ? "dualstack." : "";
    String suffix = target.endsWith(".") ? "." : "";
    for (ClassicLoadBalancer lb : estate.classicLoadBalancers()) {
      if (DnsNames.loadBalancerKey(lb.dnsName()).equals(key) && elbDns.containsKey(lb.name())) {
        return prefix + elbDns.get(lb.name()) + suffix;
      }
    }
    for (LoadBalancerV2 lb : estate.loadBalancersV2()) {
      if (DnsNames.loadBalancerKey(lb.dnsName()).equals(key) && v2Dns.containsKey(lb.name())) {
        return prefix + v2Dns.get(lb.name()) + suffix;
      }
    }
    return target;
  }

  // ---- ELBv2 ---------------------------------------------------------------------------------

  private String defaultVpc() {
    return ec2.describeVpcs(r -> r.filters(f -> f.name("isDefault").values("true")))
        .vpcs()
        .get(0)
        .vpcId();
  }

  void targetGroup(TargetGroup tg) {
    String arn =
        elbv2
            .createTargetGroup(
                r -> {
                  r.name(tg.name())
                      .protocol(tg.protocol())
                      .port(tg.port())
                      .vpcId(defaultVpc())
                      .targetType(tg.targetType());
                  if (tg.healthCheckProtocol() != null) {
                    r.healthCheckProtocol(tg.healthCheckProtocol());
                  }
                  r.healthCheckPort(tg.healthCheckPort())
                      .healthCheckPath(tg.healthCheckPath())
                      .healthCheckIntervalSeconds(tg.healthCheckIntervalSeconds())
                      .healthCheckTimeoutSeconds(tg.healthCheckTimeoutSeconds())
                      .healthyThresholdCount(tg.healthyThresholdCount())
                      .unhealthyThresholdCount(tg.unhealthyThresholdCount());
                })
            .targetGroups()
            .get(0)
            .targetGroupArn();
    tgArns.put(tg.arn(), arn);
    if (!tg.attributes().isEmpty()) {
      List<software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupAttribute>
          attrs = new ArrayList<>();
      tg.attributes()
          .forEach(
              (k, v) ->
                  attrs.add(
                      software.amazon.awssdk.services.elasticloadbalancingv2.model
                          .TargetGroupAttribute.builder()
                          .key(k)
                          .value(v)
                          .build()));
      elbv2.modifyTargetGroupAttributes(r -> r.targetGroupArn(arn).attributes(attrs));
    }
  }

  void loadBalancerV2(LoadBalancerV2 lb) {
    List<String> subnets = new ArrayList<>();
    for (String zone : lb.availabilityZones()) {
      subnets.add(
          ec2.describeSubnets(
                  r ->
                      r.filters(
                          f -> f.name("availability-zone").values(zone),
                          f -> f.name("default-for-az").values("true")))
              .subnets()
              .get(0)
              .subnetId());
    }
    var created =
        elbv2
            .createLoadBalancer(
                r -> r.name(lb.name()).subnets(subnets).scheme(lb.scheme()).type(lb.type()))
            .loadBalancers()
            .get(0);
    v2Dns.put(lb.name(), created.dnsName());
    String lbArn = created.loadBalancerArn();
    if (!lb.attributes().isEmpty()) {
      List<software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerAttribute>
          attrs = new ArrayList<>();
      lb.attributes()
          .forEach(
              (k, v) ->
                  attrs.add(
                      software.amazon.awssdk.services.elasticloadbalancingv2.model
                          .LoadBalancerAttribute.builder()
                          .key(k)
                          .value(v)
                          .build()));
      elbv2.modifyLoadBalancerAttributes(r -> r.loadBalancerArn(lbArn).attributes(attrs));
    }
    for (ListenerV2 l : lb.listeners()) {
      List<software.amazon.awssdk.services.elasticloadbalancingv2.model.Certificate> certs =
          new ArrayList<>();
      l.certificateArns()
          .forEach(
              c ->
                  certs.add(
                      software.amazon.awssdk.services.elasticloadbalancingv2.model.Certificate
                          .builder()
                          .certificateArn(certificate(c))
                          .build()));
      String listenerArn =
          elbv2
              .createListener(
                  r ->
                      r.loadBalancerArn(lbArn)
                          .protocol(l.protocol())
                          .port(l.port())
                          .certificates(certs)
                          .defaultActions(actions(l.defaultRule())))
              .listeners()
              .get(0)
              .listenerArn();
      for (ListenerRule rule : l.rules()) {
        if (rule.isDefault()) {
          continue;
        }
        elbv2.createRule(
            r ->
                r.listenerArn(listenerArn)
                    .priority(Integer.parseInt(rule.priority()))
                    .conditions(conditions(rule))
                    .actions(actions(rule)));
      }
    }
  }

  private List<software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition>
      conditions(ListenerRule rule) {
    List<software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition> out =
        new ArrayList<>();
    for (RuleCondition c : rule.conditions()) {
      var b =
          software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition.builder()
              .field(c.field());
      switch (c.field()) {
        case "host-header" -> b.hostHeaderConfig(h -> h.values(c.values()));
        case "path-pattern" -> b.pathPatternConfig(p -> p.values(c.values()));
        case "http-header" -> b.httpHeaderConfig(h -> h.httpHeaderName(c.key()).values(c.values()));
        case "http-request-method" -> b.httpRequestMethodConfig(m -> m.values(c.values()));
        case "source-ip" -> b.sourceIpConfig(s -> s.values(c.values()));
        case "query-string" ->
            b.queryStringConfig(
                q ->
                    q.values(
                        c.values().stream()
                            .map(
                                kv -> {
                                  int eq = kv.indexOf('=');
                                  var pair =
                                      software.amazon.awssdk.services.elasticloadbalancingv2.model
                                          .QueryStringKeyValuePair.builder()
                                          .value(kv.substring(eq + 1));
                                  if (eq > 0) {
                                    pair.key(kv.substring(0, eq));
                                  }
                                  return pair.build();
                                })
                            .toList()));
        default -> b.values(c.values());
      }
      out.add(b.build());
    }
    return out;
  }

  /**
   * A single target group at weight 1 is seeded in the plain TargetGroupArn shape, the rest as
   * ForwardConfig.
   */
  private List<software.amazon.awssdk.services.elasticloadbalancingv2.model.Action> actions(
      ListenerRule rule) {
    List<software.amazon.awssdk.services.elasticloadbalancingv2.model.Action> out =
        new ArrayList<>();
    for (RuleAction a : rule.actions()) {
      var b =
          software.amazon.awssdk.services.elasticloadbalancingv2.model.Action.builder()
              .type(a.type())
              .order(a.order());
      Map<String, String> c = a.config();
      switch (a.type()) {
        case "forward" -> {
          if (a.targetGroups().size() == 1
              && a.targetGroups().get(0).weight() == 1
              && a.stickinessSeconds() == null) {
            b.targetGroupArn(tgArns.get(a.targetGroups().get(0).targetGroupArn()));
          } else {
            b.forwardConfig(
                f -> {
                  f.targetGroups(
                      a.targetGroups().stream()
                          .map(
                              t ->
                                  software.amazon.awssdk.services.elasticloadbalancingv2.model
                                      .TargetGroupTuple.builder()
                                      .targetGroupArn(tgArns.get(t.targetGroupArn()))
                                      .weight(t.weight())
                                      .build())
                          .toList());
                  if (a.stickinessSeconds() != null) {
                    f.targetGroupStickinessConfig(
                        s -> s.enabled(true).durationSeconds(a.stickinessSeconds()));
                  }
                });
          }
        }
        case "redirect" ->
            b.redirectConfig(
                r ->
                    r.protocol(c.get("Protocol"))
                        .port(c.get("Port"))
                        .host(c.get("Host"))
                        .path(c.get("Path"))
                        .query(c.get("Query"))
                        .statusCode(c.get("StatusCode")));
        case "fixed-response" ->
            b.fixedResponseConfig(
                f ->
                    f.statusCode(c.get("StatusCode"))
                        .contentType(c.get("ContentType"))
                        .messageBody(c.get("MessageBody")));
        default -> {}
      }
      out.add(b.build());
    }
    return out;
  }

  @Override
  public void close() {
    elbv2.close();
    elb.close();
    asg.close();
    route53.close();
    ec2.close();
    acm.close();
  }
}
