package io.canary2k8s.plan;

import io.canary2k8s.inventory.AliasTarget;
import io.canary2k8s.inventory.AutoScalingGroup;
import io.canary2k8s.inventory.ClassicLoadBalancer;
import io.canary2k8s.inventory.CrossZone;
import io.canary2k8s.inventory.DnsRecord;
import io.canary2k8s.inventory.HealthCheck;
import io.canary2k8s.inventory.HostedZone;
import io.canary2k8s.inventory.Instance;
import io.canary2k8s.inventory.Inventory;
import io.canary2k8s.inventory.InventoryJson;
import io.canary2k8s.inventory.Listener;
import io.canary2k8s.inventory.ListenerRule;
import io.canary2k8s.inventory.ListenerV2;
import io.canary2k8s.inventory.LoadBalancerV2;
import io.canary2k8s.inventory.Provenance;
import io.canary2k8s.inventory.RuleAction;
import io.canary2k8s.inventory.RuleCondition;
import io.canary2k8s.inventory.TargetGroup;
import io.canary2k8s.notes.Notifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Small estates for the unit tests of the plan's pieces, built with few words: classic ELBs in
 * zones a and b with cross-zone on, groups spread evenly over their zones with every instance in
 * service, Route53 records in one zone. The larger shapes (ALBs) are read from the plan cases.
 */
final class TestEstates {
  static final String A = "eu-west-1a";
  static final String B = "eu-west-1b";
  static final String ZONE = "Z0UNIT0000000001";

  private TestEstates() {}

  /** Notes as {@code SEVERITY subject: message}, in the order made. */
  static final class Recorder implements Notifier {
    final List<String> notes = new ArrayList<>();

    @Override
    public void note(io.canary2k8s.notes.Severity severity, String subject, String message) {
      notes.add(severity + " " + subject + ": " + message);
    }
  }

  static String dns(String lb) {
    return lb + "-1234.eu-west-1.elb.amazonaws.com";
  }

  static Listener http(int instancePort) {
    return new Listener("HTTP", 80, "HTTP", instancePort, null);
  }

  static Listener https(int instancePort, String certificate) {
    return new Listener("HTTPS", 443, "HTTP", instancePort, certificate);
  }

  static ClassicLoadBalancer elb(String name, Listener... listeners) {
    return elb(name, CrossZone.ENABLED, Map.of(), listeners);
  }

  static ClassicLoadBalancer elb(
      String name, CrossZone crossZone, Map<String, String> tags, Listener... listeners) {
    return new ClassicLoadBalancer(
        name,
        dns(name),
        "internet-facing",
        List.of(A, B),
        listeners.length == 0 ? List.of(http(8080)) : List.of(listeners),
        new HealthCheck("HTTP:8080/health", 10, 5, 2, 3),
        List.of(),
        crossZone,
        null,
        null,
        List.of(),
        tags);
  }

  /** A group of {@code desired} in-service instances over zones a and b, behind {@code lbs}. */
  static AutoScalingGroup asg(String name, int desired, String... lbs) {
    return asg(name, desired, List.of(A, B), Map.of(), lbs);
  }

  static AutoScalingGroup asg(
      String name, int desired, List<String> zones, Map<String, String> tags, String... lbs) {
    List<Instance> instances = new ArrayList<>();
    for (int i = 0; i < desired; i++) {
      instances.add(
          new Instance(
              "i-" + name + "-" + i, zones.get(i % zones.size()), "InService", null, null));
    }
    return new AutoScalingGroup(
        name,
        "arn:aws:autoscaling:eu-west-1:123456789012:autoScalingGroup:x:autoScalingGroupName/"
            + name,
        desired,
        desired,
        desired,
        zones,
        List.of(lbs),
        List.of(),
        instances,
        List.of(),
        false,
        List.of(),
        tags);
  }

  static DnsRecord cname(String host, String lb) {
    return new DnsRecord(ZONE, host, "CNAME", 60L, null, null, List.of(dns(lb)), null, "simple");
  }

  /** An alias A record of a weighted group, to {@code target} (a DNS name). */
  static DnsRecord weighted(String host, String target, String id, long weight) {
    return record(host, "A", target, id, weight, "weighted");
  }

  static DnsRecord record(
      String host, String type, String target, String id, Long weight, String policy) {
    return new DnsRecord(
        ZONE,
        host,
        type,
        null,
        id,
        weight,
        List.of(),
        new AliasTarget("dualstack." + target + ".", "Z32O12XQLNTSW2", false),
        policy);
  }

  static Inventory inventory(
      List<ClassicLoadBalancer> elbs, List<AutoScalingGroup> asgs, List<DnsRecord> records) {
    return new Inventory(
        Inventory.SCHEMA_VERSION,
        new Provenance("test", "eu-west-1", null, null),
        elbs,
        asgs,
        List.of(new HostedZone(ZONE, "example.com", false)),
        records,
        List.of());
  }

  static final String ARN = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:";

  static String tgArn(String name) {
    return ARN + "targetgroup/" + name + "/1";
  }

  /** An ALB in zones a and b with no attributes captured. */
  static LoadBalancerV2 alb(String name, ListenerV2... listeners) {
    return new LoadBalancerV2(
        name,
        ARN + "loadbalancer/app/" + name + "/1",
        "application",
        dns(name),
        "internet-facing",
        List.of(A, B),
        List.of(listeners),
        Map.of());
  }

  static ListenerV2 listener(String protocol, int port, ListenerRule... rules) {
    return new ListenerV2(null, protocol, port, List.of(), List.of(rules));
  }

  /** A rule of {@code priority} ("default" for the default rule) with one action. */
  static ListenerRule rule(String priority, RuleAction action, RuleCondition... conditions) {
    return new ListenerRule(
        null, priority, priority.equals("default"), List.of(conditions), List.of(action));
  }

  /** A forward to target groups by name, {@code name, weight, name, weight, ...}. */
  static RuleAction forward(Object... namesAndWeights) {
    List<RuleAction.WeightedTargetGroup> tgs = new ArrayList<>();
    for (int i = 0; i < namesAndWeights.length; i += 2) {
      tgs.add(
          new RuleAction.WeightedTargetGroup(
              tgArn((String) namesAndWeights[i]), (Integer) namesAndWeights[i + 1]));
    }
    return new RuleAction("forward", 1, tgs, null, Map.of());
  }

  static TargetGroup tg(String name, Map<String, String> attributes) {
    return new TargetGroup(
        name,
        tgArn(name),
        "HTTP",
        8080,
        "instance",
        List.of(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        attributes);
  }

  /** A group of {@code desired} in-service instances in zones a and b feeding target groups. */
  static AutoScalingGroup fed(String name, int desired, String... targetGroups) {
    AutoScalingGroup g = asg(name, desired);
    List<String> arns = new ArrayList<>();
    for (String tg : targetGroups) {
      arns.add(tgArn(tg));
    }
    return new AutoScalingGroup(
        g.name(),
        g.arn(),
        g.minSize(),
        g.maxSize(),
        g.desiredCapacity(),
        g.availabilityZones(),
        List.of(),
        arns,
        g.instances(),
        List.of(),
        false,
        List.of(),
        Map.of());
  }

  /** An inventory of ALBs/NLBs, their target groups and the groups that feed them; no DNS. */
  static Inventory albInventory(
      List<LoadBalancerV2> albs, List<TargetGroup> tgs, List<AutoScalingGroup> asgs) {
    return new Inventory(
        Inventory.SCHEMA_VERSION,
        new Provenance("test", "eu-west-1", null, null),
        List.of(),
        albs,
        tgs,
        asgs,
        List.of(),
        List.of(),
        List.of());
  }

  /** The inventory of plan case {@code name} (src/test/resources/plan). */
  static Inventory planCase(String name) {
    return InventoryJson.read(PlanCasesTest.dir().resolve(name + PlanCasesTest.INPUT));
  }
}
