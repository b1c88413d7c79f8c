package io.canary2k8s.discover.live;

import io.canary2k8s.inventory.ListenerRule;
import io.canary2k8s.inventory.ListenerV2;
import io.canary2k8s.inventory.LoadBalancerV2;
import io.canary2k8s.inventory.RuleAction;
import io.canary2k8s.inventory.RuleCondition;
import io.canary2k8s.inventory.TargetGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Certificate;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeListenersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeRulesResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

/**
 * The ELBv2 part of a region: Application and Network Load Balancers with their attributes,
 * listeners and rules, and the target groups with their attributes, mapped exactly as {@link
 * io.canary2k8s.discover.CaptureReader} maps the AWS CLI output of the same calls (live and capture
 * give the same inventory). Paged calls use the largest page (400).
 */
final class ElbV2Crawl {
  static final int PAGE_SIZE = 400;

  record Result(List<LoadBalancerV2> loadBalancers, List<TargetGroup> targetGroups) {}

  private final ElasticLoadBalancingV2Client client;
  private final String regionId;
  private final Progress progress;

  ElbV2Crawl(ElasticLoadBalancingV2Client client, String regionId, Progress progress) {
    this.client = client;
    this.regionId = regionId;
    this.progress = progress;
  }

  Result read() {
    List<TargetGroup> tgs = new ArrayList<>();
    for (var tg : targetGroups()) {
      tgs.add(targetGroup(tg, attributes(tg.targetGroupArn())));
    }
    List<LoadBalancerV2> lbs = new ArrayList<>();
    for (LoadBalancer lb : loadBalancers()) {
      List<ListenerV2> listeners = new ArrayList<>();
      for (Listener l : listeners(lb.loadBalancerArn())) {
        List<ListenerRule> rules = new ArrayList<>();
        for (Rule r : rules(l.listenerArn())) {
          rules.add(rule(r));
        }
        List<String> certs = new ArrayList<>();
        for (Certificate c : l.certificates()) {
          certs.add(c.certificateArn());
        }
        listeners.add(
            new ListenerV2(
                l.listenerArn(),
                l.protocolAsString().toUpperCase(Locale.ROOT),
                l.port(),
                certs,
                rules));
      }
      List<String> zones = new ArrayList<>();
      lb.availabilityZones().forEach(z -> zones.add(z.zoneName()));
      lbs.add(
          new LoadBalancerV2(
              lb.loadBalancerName(),
              lb.loadBalancerArn(),
              lb.typeAsString() == null ? "application" : lb.typeAsString(),
              lb.dnsName(),
              lb.schemeAsString(),
              zones,
              listeners,
              loadBalancerAttributes(lb.loadBalancerArn())));
    }
    return new Result(lbs, tgs);
  }

  // ---- mapping (as CaptureReader) --------------------------------------------------------------

  static TargetGroup targetGroup(
      software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup tg,
      Map<String, String> attributes) {
    return new TargetGroup(
        tg.targetGroupName(),
        tg.targetGroupArn(),
        tg.protocolAsString(),
        tg.port(),
        tg.targetTypeAsString() == null ? "instance" : tg.targetTypeAsString(),
        tg.loadBalancerArns(),
        tg.healthCheckProtocolAsString(),
        tg.healthCheckPort(),
        tg.healthCheckPath(),
        tg.healthCheckIntervalSeconds(),
        tg.healthCheckTimeoutSeconds(),
        tg.healthyThresholdCount(),
        tg.unhealthyThresholdCount(),
        attributes);
  }

  static ListenerRule rule(Rule r) {
    boolean isDefault = Boolean.TRUE.equals(r.isDefault());
    List<RuleCondition> conditions = new ArrayList<>();
    for (var c : r.conditions()) {
      Set<String> values = new TreeSet<>(c.values());
      String key = null;
      switch (c.field()) {
        case "host-header" -> {
          if (c.hostHeaderConfig() != null) {
            values.addAll(c.hostHeaderConfig().values());
          }
        }
        case "path-pattern" -> {
          if (c.pathPatternConfig() != null) {
            values.addAll(c.pathPatternConfig().values());
          }
        }
        case "http-header" -> {
          if (c.httpHeaderConfig() != null) {
            values.addAll(c.httpHeaderConfig().values());
            key = c.httpHeaderConfig().httpHeaderName();
          }
        }
        case "http-request-method" -> {
          if (c.httpRequestMethodConfig() != null) {
            values.addAll(c.httpRequestMethodConfig().values());
          }
        }
        case "query-string" -> {
          if (c.queryStringConfig() != null) {
            c.queryStringConfig()
                .values()
                .forEach(kv -> values.add((kv.key() == null ? "" : kv.key()) + "=" + kv.value()));
          }
        }
        case "source-ip" -> {
          if (c.sourceIpConfig() != null) {
            values.addAll(c.sourceIpConfig().values());
          }
        }
        default -> {}
      }
      conditions.add(new RuleCondition(c.field(), key, List.copyOf(values)));
    }
    List<RuleAction> actions = new ArrayList<>();
    for (int i = 0; i < r.actions().size(); i++) {
      actions.add(action(r.actions().get(i), i + 1));
    }
    return new ListenerRule(
        r.ruleArn(),
        isDefault && r.priority() == null ? "default" : r.priority(),
        isDefault,
        conditions,
        actions);
  }

  static RuleAction action(Action a, int position) {
    String type = a.typeAsString();
    int order = a.order() == null ? position : a.order();
    List<RuleAction.WeightedTargetGroup> tgs = new ArrayList<>();
    Integer stickiness = null;
    Map<String, String> config = new TreeMap<>();
    if ("forward".equals(type)) {
      var fc = a.forwardConfig();
      if (fc != null && !fc.targetGroups().isEmpty()) {
        for (TargetGroupTuple t : fc.targetGroups()) {
          tgs.add(
              new RuleAction.WeightedTargetGroup(
                  t.targetGroupArn(), t.weight() == null ? 1 : t.weight()));
        }
        var sc = fc.targetGroupStickinessConfig();
        if (sc != null && Boolean.TRUE.equals(sc.enabled())) {
          stickiness = sc.durationSeconds() == null ? 0 : sc.durationSeconds();
        }
      } else {
        tgs.add(new RuleAction.WeightedTargetGroup(a.targetGroupArn(), 1));
      }
    } else if ("redirect".equals(type) && a.redirectConfig() != null) {
      var c = a.redirectConfig();
      put(config, "Protocol", c.protocol());
      put(config, "Port", c.port());
      put(config, "Host", c.host());
      put(config, "Path", c.path());
      put(config, "Query", c.query());
      put(config, "StatusCode", c.statusCodeAsString());
    } else if ("fixed-response".equals(type) && a.fixedResponseConfig() != null) {
      var c = a.fixedResponseConfig();
      put(config, "MessageBody", c.messageBody());
      put(config, "StatusCode", c.statusCode());
      put(config, "ContentType", c.contentType());
    }
    return new RuleAction(type, order, tgs, stickiness, config);
  }

  private static void put(Map<String, String> m, String k, String v) {
    if (v != null) {
      m.put(k, v);
    }
  }

  // ---- calls ---------------------------------------------------------------------------------

  private List<LoadBalancer> loadBalancers() {
    return Calls.call(
        "elasticloadbalancing:DescribeLoadBalancers",
        regionId,
        () -> {
          List<LoadBalancer> all = new ArrayList<>();
          for (DescribeLoadBalancersResponse page :
              client.describeLoadBalancersPaginator(r -> r.pageSize(PAGE_SIZE))) {
            all.addAll(page.loadBalancers());
            progress.update("elbv2 load balancers", regionId, all.size());
          }
          return all;
        });
  }

  private List<software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup>
      targetGroups() {
    return Calls.call(
        "elasticloadbalancing:DescribeTargetGroups",
        regionId,
        () -> {
          List<software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup> all =
              new ArrayList<>();
          for (DescribeTargetGroupsResponse page :
              client.describeTargetGroupsPaginator(r -> r.pageSize(PAGE_SIZE))) {
            all.addAll(page.targetGroups());
            progress.update("elbv2 target groups", regionId, all.size());
          }
          return all;
        });
  }

  private List<Listener> listeners(String lbArn) {
    return Calls.call(
        "elasticloadbalancing:DescribeListeners",
        regionId,
        () -> {
          List<Listener> all = new ArrayList<>();
          for (DescribeListenersResponse page :
              client.describeListenersPaginator(
                  r -> r.loadBalancerArn(lbArn).pageSize(PAGE_SIZE))) {
            all.addAll(page.listeners());
          }
          return all;
        });
  }

  private List<Rule> rules(String listenerArn) {
    return Calls.call(
        "elasticloadbalancing:DescribeRules",
        regionId,
        () -> {
          List<Rule> all = new ArrayList<>();
          for (DescribeRulesResponse page :
              client.describeRulesPaginator(r -> r.listenerArn(listenerArn).pageSize(PAGE_SIZE))) {
            all.addAll(page.rules());
          }
          return all;
        });
  }

  private Map<String, String> loadBalancerAttributes(String lbArn) {
    return Calls.call(
        "elasticloadbalancing:DescribeLoadBalancerAttributes",
        regionId,
        () -> {
          Map<String, String> out = new TreeMap<>();
          client
              .describeLoadBalancerAttributes(r -> r.loadBalancerArn(lbArn))
              .attributes()
              .forEach(a -> out.put(a.key(), a.value() == null ? "" : a.value()));
          return out;
        });
  }

  private Map<String, String> attributes(String tgArn) {
    return Calls.call(
        "elasticloadbalancing:DescribeTargetGroupAttributes",
        regionId,
        () -> {
          Map<String, String> out = new TreeMap<>();
          client
              .describeTargetGroupAttributes(r -> r.targetGroupArn(tgArn))
              .attributes()
              .forEach(a -> out.put(a.key(), a.value() == null ? "" : a.value()));
          return out;
        });
  }
}
