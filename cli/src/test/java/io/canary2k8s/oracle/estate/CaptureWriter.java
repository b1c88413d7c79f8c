package io.canary2k8s.oracle.estate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.canary2k8s.oracle.estate.V2LoadBalancer.Action;
import io.canary2k8s.oracle.estate.V2LoadBalancer.Condition;
import io.canary2k8s.oracle.estate.V2LoadBalancer.Forward;
import io.canary2k8s.oracle.estate.V2LoadBalancer.Redirect;
import io.canary2k8s.oracle.estate.V2LoadBalancer.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an estate as the directory of AWS CLI output that README.md "Input: saved AWS CLI output"
 * documents, in the shapes the AWS CLI prints (real AWS, not moto: a simple forward carries both
 * {@code TargetGroupArn} and {@code ForwardConfig}, Route53 names end in a dot and escape {@code *}
 * as {@code \052}).
 */
public final class CaptureWriter {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String VPC = "vpc-0e1d2c3b4a5968778";

  private final Estate estate;
  private final Path dir;

  private CaptureWriter(Estate estate, Path dir) {
    this.estate = estate;
    this.dir = dir;
  }

  /** Writes {@code estate} into {@code dir} (created) and returns {@code dir}. */
  public static Path write(Estate estate, Path dir) throws IOException {
    new CaptureWriter(estate, dir).all();
    return dir;
  }

  private void all() throws IOException {
    ObjectNode capture = JSON.createObjectNode();
    capture.put("region", Zones.REGION).put("accountId", Zones.ACCOUNT);
    capture.put("capturedAt", "2026-01-15T10:00:00Z");
    put("capture.json", capture);
    classic();
    v2();
    groups();
    route53();
  }

  // ---- classic ELBs ----------------------------------------------------------------------------

  private void classic() throws IOException {
    ObjectNode lbs = JSON.createObjectNode();
    ArrayNode list = lbs.putArray("LoadBalancerDescriptions");
    ObjectNode tags = JSON.createObjectNode();
    ArrayNode tagList = tags.putArray("TagDescriptions");
    for (ClassicElb e : estate.elbs()) {
      ObjectNode lb = list.addObject();
      lb.put("LoadBalancerName", e.name()).put("DNSName", e.dnsName());
      lb.put("CanonicalHostedZoneName", e.dnsName());
      lb.put("CanonicalHostedZoneNameID", HostedZone.lbZoneId(e.dnsName()));
      ArrayNode ls = lb.putArray("ListenerDescriptions");
      for (ClassicElb.Listener l : e.listeners()) {
        ObjectNode o = ls.addObject();
        ObjectNode li = o.putObject("Listener");
        li.put("Protocol", l.protocol()).put("LoadBalancerPort", l.port());
        li.put("InstanceProtocol", l.instanceProtocol()).put("InstancePort", l.instancePort());
        if (l.protocol().equals("HTTPS") || l.protocol().equals("SSL")) {
          li.put("SSLCertificateId", certificate(e.name()));
        }
        o.putArray("PolicyNames");
      }
      ObjectNode pol = lb.putObject("Policies");
      pol.putArray("AppCookieStickinessPolicies");
      pol.putArray("LBCookieStickinessPolicies");
      pol.putArray("OtherPolicies");
      lb.putArray("BackendServerDescriptions");
      e.zones().forEach(lb.putArray("AvailabilityZones")::add);
      ArrayNode subnets = lb.putArray("Subnets");
      e.zones().forEach(z -> subnets.add("subnet-" + z));
      lb.put("VPCId", VPC);
      ArrayNode instances = lb.putArray("Instances");
      for (Asg g : estate.behindElb(e.name())) {
        g.instances().forEach(i -> instances.addObject().put("InstanceId", i.id()));
      }
      e.manualInstances()
          .forEach(
              (zone, n) -> {
                for (int i = 0; i < n; i++) {
                  instances.addObject().put("InstanceId", Zones.instanceId(e.name() + zone, i));
                }
              });
      lb.putObject("HealthCheck")
          .put("Target", "HTTP:8080/health")
          .put("Interval", 10)
          .put("Timeout", 5)
          .put("UnhealthyThreshold", 2)
          .put("HealthyThreshold", 3);
      lb.putObject("SourceSecurityGroup").put("OwnerAlias", Zones.ACCOUNT).put("GroupName", "elb");
      lb.putArray("SecurityGroups").add("sg-0bb22cc3");
      lb.put("CreatedTime", "2021-03-04T05:06:07.890Z").put("Scheme", "internet-facing");

      ObjectNode td = tagList.addObject().put("LoadBalancerName", e.name());
      ArrayNode t = td.putArray("Tags");
      e.tags().forEach((k, v) -> t.addObject().put("Key", k).put("Value", v));

      if (e.attributesCaptured()) {
        ObjectNode attrs = JSON.createObjectNode();
        ObjectNode a = attrs.putObject("LoadBalancerAttributes");
        a.putObject("CrossZoneLoadBalancing").put("Enabled", e.crossZone());
        a.putObject("ConnectionDraining").put("Enabled", true).put("Timeout", 30);
        a.putObject("ConnectionSettings").put("IdleTimeout", 60);
        a.putObject("AccessLog").put("Enabled", false);
        put("elb/attributes/" + e.name() + ".json", attrs);
      }
    }
    put("elb/describe-load-balancers.json", lbs);
    put("elb/describe-tags.json", tags);
  }

  // ---- ALBs and NLBs ---------------------------------------------------------------------------

  static String lbArn(V2LoadBalancer lb) {
    return "arn:aws:elasticloadbalancing:"
        + Zones.REGION
        + ":"
        + Zones.ACCOUNT
        + ":loadbalancer/"
        + (lb.isAlb() ? "app" : "net")
        + "/"
        + lb.name()
        + "/"
        + Zones.hex(lb.name());
  }

  static String tgArn(String tg) {
    return "arn:aws:elasticloadbalancing:"
        + Zones.REGION
        + ":"
        + Zones.ACCOUNT
        + ":targetgroup/"
        + tg
        + "/"
        + Zones.hex(tg);
  }

  private static String listenerArn(V2LoadBalancer lb, int port) {
    return lbArn(lb).replace(":loadbalancer/", ":listener/") + "/" + Zones.hex(lb.name() + port);
  }

  private static String certificate(String name) {
    return "arn:aws:acm:"
        + Zones.REGION
        + ":"
        + Zones.ACCOUNT
        + ":certificate/"
        + Zones.hex(name)
        + "-0000-4000-8000-"
        + Zones.hex(name + "c").substring(4);
  }

  private void v2() throws IOException {
    if (estate.v2().isEmpty() && estate.targetGroups().isEmpty()) {
      return;
    }
    ObjectNode lbs = JSON.createObjectNode();
    ArrayNode list = lbs.putArray("LoadBalancers");
    for (V2LoadBalancer lb : estate.v2()) {
      ObjectNode o = list.addObject();
      o.put("LoadBalancerArn", lbArn(lb)).put("DNSName", lb.dnsName());
      o.put("CanonicalHostedZoneId", lb.isAlb() ? "Z32O12XQLNTSW2" : "Z2IFOLAFXWLO4F");
      o.put("CreatedTime", "2024-02-03T04:05:06.789000+00:00");
      o.put("LoadBalancerName", lb.name()).put("Scheme", "internet-facing").put("VpcId", VPC);
      o.putObject("State").put("Code", "active");
      o.put("Type", lb.type());
      ArrayNode zones = o.putArray("AvailabilityZones");
      for (String z : lb.zones()) {
        zones.addObject().put("ZoneName", z).put("SubnetId", "subnet-" + z);
      }
      o.put("IpAddressType", "ipv4");

      ObjectNode listeners = JSON.createObjectNode();
      ArrayNode ls = listeners.putArray("Listeners");
      for (V2LoadBalancer.Listener l : lb.listeners()) {
        ObjectNode lo = ls.addObject();
        lo.put("ListenerArn", listenerArn(lb, l.port())).put("LoadBalancerArn", lbArn(lb));
        lo.put("Port", l.port()).put("Protocol", l.protocol());
        if (l.protocol().equals("HTTPS") || l.protocol().equals("TLS")) {
          lo.putArray("Certificates").addObject().put("CertificateArn", certificate(lb.name()));
          lo.put("SslPolicy", "ELBSecurityPolicy-TLS13-1-2-2021-06");
        }
        action(lo.putArray("DefaultActions").addObject(), l.defaultAction());

        ObjectNode rules = JSON.createObjectNode();
        ArrayNode rs = rules.putArray("Rules");
        for (Rule r : l.rules()) {
          ObjectNode ro = rs.addObject();
          ro.put("RuleArn", listenerArn(lb, l.port()) + "/rule-" + r.priority());
          ro.put("Priority", Integer.toString(r.priority()));
          ArrayNode cs = ro.putArray("Conditions");
          r.conditions().forEach(c -> condition(cs.addObject(), c));
          action(ro.putArray("Actions").addObject(), r.action());
          ro.put("IsDefault", false);
        }
        ObjectNode def = rs.addObject();
        def.put("RuleArn", listenerArn(lb, l.port()) + "/default").put("Priority", "default");
        def.putArray("Conditions");
        action(def.putArray("Actions").addObject(), l.defaultAction());
        def.put("IsDefault", true);
        put("elbv2/rules/" + lb.name() + "-" + l.port() + ".json", rules);
      }
      put("elbv2/listeners/" + lb.name() + ".json", listeners);

      ObjectNode attrs = JSON.createObjectNode();
      ArrayNode a = attrs.putArray("Attributes");
      a.addObject().put("Key", "deletion_protection.enabled").put("Value", "false");
      a.addObject()
          .put("Key", "load_balancing.cross_zone.enabled")
          .put("Value", Boolean.toString(lb.isAlb() || lb.crossZone()));
      put("elbv2/attributes/" + lb.name() + ".json", attrs);
    }
    put("elbv2/describe-load-balancers.json", lbs);

    ObjectNode tgs = JSON.createObjectNode();
    ArrayNode tgList = tgs.putArray("TargetGroups");
    for (TargetGroup tg : estate.targetGroups()) {
      ObjectNode o = tgList.addObject();
      o.put("TargetGroupArn", tgArn(tg.name())).put("TargetGroupName", tg.name());
      o.put("Protocol", tg.protocol()).put("Port", tg.port()).put("VpcId", VPC);
      boolean http = tg.protocol().startsWith("HTTP");
      o.put("HealthCheckProtocol", http ? "HTTP" : "TCP");
      o.put("HealthCheckPort", "traffic-port").put("HealthCheckEnabled", true);
      o.put("HealthCheckIntervalSeconds", 15).put("HealthCheckTimeoutSeconds", 5);
      o.put("HealthyThresholdCount", 3).put("UnhealthyThresholdCount", 2);
      if (http) {
        o.put("HealthCheckPath", "/healthz");
        o.putObject("Matcher").put("HttpCode", "200");
      }
      ArrayNode arns = o.putArray("LoadBalancerArns");
      for (V2LoadBalancer lb : estate.v2()) {
        if (forwardsTo(lb, tg.name())) {
          arns.add(lbArn(lb));
        }
      }
      o.put("TargetType", "instance").put("IpAddressType", "ipv4");
      if (http) {
        o.put("ProtocolVersion", "HTTP1");
      }
      ObjectNode attrs = JSON.createObjectNode();
      ArrayNode a = attrs.putArray("Attributes");
      a.addObject().put("Key", "stickiness.enabled").put("Value", "false");
      a.addObject().put("Key", "deregistration_delay.timeout_seconds").put("Value", "30");
      a.addObject().put("Key", "load_balancing.algorithm.type").put("Value", "round_robin");
      a.addObject().put("Key", "load_balancing.cross_zone.enabled").put("Value", tg.crossZone());
      put("elbv2/target-group-attributes/" + tg.name() + ".json", attrs);
    }
    put("elbv2/describe-target-groups.json", tgs);
  }

  private static boolean forwardsTo(V2LoadBalancer lb, String tg) {
    for (V2LoadBalancer.Listener l : lb.listeners()) {
      List<Action> actions = new ArrayList<>();
      actions.add(l.defaultAction());
      l.rules().forEach(r -> actions.add(r.action()));
      for (Action a : actions) {
        if (a instanceof Forward f
            && f.groups().stream().anyMatch(w -> w.targetGroup().equals(tg))) {
          return true;
        }
      }
    }
    return false;
  }

  private static void action(ObjectNode o, Action a) {
    if (a instanceof Forward f) {
      o.put("Type", "forward");
      if (f.groups().size() == 1) {
        o.put("TargetGroupArn", tgArn(f.groups().get(0).targetGroup()));
      }
      o.put("Order", 1);
      if (!f.plain()) {
        ObjectNode fc = o.putObject("ForwardConfig");
        ArrayNode groups = fc.putArray("TargetGroups");
        for (V2LoadBalancer.Weighted w : f.groups()) {
          ObjectNode g = groups.addObject().put("TargetGroupArn", tgArn(w.targetGroup()));
          if (w.weight() != null) {
            g.put("Weight", w.weight());
          }
        }
        fc.putObject("TargetGroupStickinessConfig").put("Enabled", false);
      } else if (f.groups().size() == 1) {
        // the shape real AWS prints for a simple forward: both forms, weight 1
        ObjectNode fc = o.putObject("ForwardConfig");
        fc.putArray("TargetGroups")
            .addObject()
            .put("TargetGroupArn", tgArn(f.groups().get(0).targetGroup()))
            .put("Weight", 1);
        fc.putObject("TargetGroupStickinessConfig").put("Enabled", false);
      }
    } else if (a instanceof Redirect r) {
      o.put("Type", "redirect").put("Order", 1);
      ObjectNode rc = o.putObject("RedirectConfig");
      rc.put("Protocol", r.protocol() == null ? "#{protocol}" : r.protocol());
      rc.put("Port", r.port() == null ? "#{port}" : r.port().toString());
      rc.put("Host", r.host() == null ? "#{host}" : r.host());
      rc.put("Path", r.path() == null ? "/#{path}" : r.path());
      rc.put("Query", "#{query}");
      rc.put("StatusCode", "HTTP_" + r.status());
    } else if (a instanceof V2LoadBalancer.Fixed x) {
      o.put("Type", "fixed-response").put("Order", 1);
      o.putObject("FixedResponseConfig")
          .put("MessageBody", "fixed")
          .put("StatusCode", Integer.toString(x.status()))
          .put("ContentType", "text/plain");
    }
  }

  private static void condition(ObjectNode o, Condition c) {
    o.put("Field", c.field());
    switch (c.field()) {
      case "host-header" -> {
        c.values().forEach(o.putArray("Values")::add);
        c.values().forEach(o.putObject("HostHeaderConfig").putArray("Values")::add);
      }
      case "path-pattern" -> {
        c.values().forEach(o.putArray("Values")::add);
        c.values().forEach(o.putObject("PathPatternConfig").putArray("Values")::add);
      }
      case "http-request-method" ->
          c.values().forEach(o.putObject("HttpRequestMethodConfig").putArray("Values")::add);
      case "http-header" -> {
        ObjectNode h = o.putObject("HttpHeaderConfig").put("HttpHeaderName", c.headerName());
        c.values().forEach(h.putArray("Values")::add);
      }
      case "query-string" -> {
        ArrayNode vs = o.putObject("QueryStringConfig").putArray("Values");
        for (String kv : c.values()) {
          String[] p = kv.split("=", 2);
          vs.addObject().put("Key", p[0]).put("Value", p[1]);
        }
      }
      default -> throw new IllegalArgumentException("condition " + c.field());
    }
  }

  // ---- Auto Scaling ----------------------------------------------------------------------------

  private void groups() throws IOException {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode list = root.putArray("AutoScalingGroups");
    for (Asg g : estate.asgs()) {
      ObjectNode o = list.addObject();
      o.put("AutoScalingGroupName", g.name());
      o.put(
          "AutoScalingGroupARN",
          "arn:aws:autoscaling:"
              + Zones.REGION
              + ":"
              + Zones.ACCOUNT
              + ":autoScalingGroup:"
              + Zones.hex(g.name())
              + ":autoScalingGroupName/"
              + g.name());
      if (g.unitsPerInstance() > 1) {
        ObjectNode mip = o.putObject("MixedInstancesPolicy");
        ObjectNode lt = mip.putObject("LaunchTemplate");
        lt.putObject("LaunchTemplateSpecification")
            .put("LaunchTemplateId", "lt-0" + Zones.hex(g.name()).substring(0, 15))
            .put("LaunchTemplateName", "lt")
            .put("Version", "$Latest");
        lt.putArray("Overrides")
            .addObject()
            .put("InstanceType", "m5.xlarge")
            .put("WeightedCapacity", Integer.toString(g.unitsPerInstance()));
        o.put("DesiredCapacityType", "units");
      } else {
        o.putObject("LaunchTemplate")
            .put("LaunchTemplateId", "lt-0" + Zones.hex(g.name()).substring(0, 15))
            .put("LaunchTemplateName", "lt")
            .put("Version", "$Latest");
      }
      o.put("MinSize", 0).put("MaxSize", Math.max(40, g.desired() * 2));
      o.put("DesiredCapacity", g.desired()).put("DefaultCooldown", 300);
      g.zones().forEach(o.putArray("AvailabilityZones")::add);
      g.loadBalancers().forEach(o.putArray("LoadBalancerNames")::add);
      ArrayNode tgs = o.putArray("TargetGroupARNs");
      g.targetGroups().forEach(t -> tgs.add(tgArn(t)));
      o.put("HealthCheckType", "ELB").put("HealthCheckGracePeriod", 120);
      ArrayNode instances = o.putArray("Instances");
      for (Asg.Instance i : g.instances()) {
        ObjectNode io = instances.addObject();
        io.put("InstanceId", i.id()).put("InstanceType", "m5.large");
        io.put("AvailabilityZone", i.zone()).put("LifecycleState", i.lifecycle());
        io.put("HealthStatus", i.health()).put("ProtectedFromScaleIn", false);
        if (g.unitsPerInstance() > 1) {
          io.put("WeightedCapacity", Integer.toString(g.unitsPerInstance()));
        }
      }
      o.put("CreatedTime", "2021-03-04T05:06:07.890Z");
      o.putArray("SuspendedProcesses");
      ArrayNode subnets = JSON.createArrayNode();
      g.zones().forEach(z -> subnets.add("subnet-" + z));
      List<String> sn = new ArrayList<>();
      subnets.forEach(s -> sn.add(s.asText()));
      o.put("VPCZoneIdentifier", String.join(",", sn));
      o.putArray("EnabledMetrics");
      ArrayNode tags = o.putArray("Tags");
      g.tags()
          .forEach(
              (k, v) ->
                  tags.addObject()
                      .put("ResourceId", g.name())
                      .put("ResourceType", "auto-scaling-group")
                      .put("Key", k)
                      .put("Value", v)
                      .put("PropagateAtLaunch", true));
      o.putArray("TerminationPolicies").add("Default");
      o.put("NewInstancesProtectedFromScaleIn", false);
    }
    put("autoscaling/describe-auto-scaling-groups.json", root);
  }

  // ---- Route53 ---------------------------------------------------------------------------------

  private void route53() throws IOException {
    ObjectNode zones = JSON.createObjectNode();
    ArrayNode list = zones.putArray("HostedZones");
    for (HostedZone z : estate.zones()) {
      ObjectNode o = list.addObject();
      o.put("Id", "/hostedzone/" + z.id()).put("Name", z.name() + ".");
      o.put("CallerReference", "cr-" + z.id());
      o.putObject("Config").put("PrivateZone", z.privateZone());
      o.put("ResourceRecordSetCount", z.records().size() + 2);

      ObjectNode sets = JSON.createObjectNode();
      ArrayNode rs = sets.putArray("ResourceRecordSets");
      ObjectNode ns = rs.addObject().put("Name", z.name() + ".").put("Type", "NS");
      ns.put("TTL", 172800)
          .putArray("ResourceRecords")
          .addObject()
          .put("Value", "ns-1.awsdns-01.org.");
      ObjectNode soa = rs.addObject().put("Name", z.name() + ".").put("Type", "SOA");
      soa.put("TTL", 900)
          .putArray("ResourceRecords")
          .addObject()
          .put(
              "Value",
              "ns-1.awsdns-01.org. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400");
      for (HostedZone.Record r : z.records()) {
        ObjectNode ro = rs.addObject();
        ro.put("Name", r.name().replace("*", "\\052") + ".").put("Type", r.type());
        if (r.setId() != null) {
          ro.put("SetIdentifier", r.setId());
        }
        if (r.weight() != null) {
          ro.put("Weight", r.weight());
        }
        if (r.failover() != null) {
          ro.put("Failover", r.failover());
        }
        if (r.region() != null) {
          ro.put("Region", r.region());
        }
        if (r.alias() != null) {
          String target = r.alias().dnsName();
          ro.putObject("AliasTarget")
              .put("HostedZoneId", r.alias().hostedZoneId())
              .put("DNSName", target.endsWith(".") ? target : target + ".")
              .put("EvaluateTargetHealth", r.alias().evaluateTargetHealth());
        } else {
          ro.put("TTL", 60);
          ArrayNode values = ro.putArray("ResourceRecords");
          r.values().forEach(v -> values.addObject().put("Value", v));
        }
      }
      put("route53/zones/" + z.id() + ".json", sets);
    }
    put("route53/list-hosted-zones.json", zones);
  }

  private void put(String relative, JsonNode node) throws IOException {
    Path f = dir.resolve(relative);
    Files.createDirectories(f.getParent());
    Files.writeString(f, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n");
  }
}
