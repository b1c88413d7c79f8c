package io.canary2k8s.discover.live;

import io.canary2k8s.discover.ElbV2Mapping;
import io.canary2k8s.input.Node;
import io.canary2k8s.inventory.ListenerRule;
import io.canary2k8s.inventory.LoadBalancerV2;
import io.canary2k8s.inventory.TargetGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeListenersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeRulesResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;

/**
 * The ELBv2 part of a region: Application and Network Load Balancers with their attributes,
 * listeners and rules, and the target groups with their attributes, mapped by {@link ElbV2Mapping}
 * as a capture of the same calls is (live and capture give the same inventory). The mapping asks
 * for each load balancer's listeners, each listener's rules and the attributes as it goes; each
 * question is one call (or one paginated listing). Paged calls use the largest page (400).
 */
final class ElbV2Crawl implements ElbV2Mapping.Source {
  static final int PAGE_SIZE = 400;

  private static final String LOAD_BALANCERS = "elasticloadbalancing:DescribeLoadBalancers";
  private static final String TARGET_GROUPS = "elasticloadbalancing:DescribeTargetGroups";
  private static final String LISTENERS = "elasticloadbalancing:DescribeListeners";
  private static final String RULES = "elasticloadbalancing:DescribeRules";
  private static final String LB_ATTRIBUTES = "elasticloadbalancing:DescribeLoadBalancerAttributes";
  private static final String TG_ATTRIBUTES = "elasticloadbalancing:DescribeTargetGroupAttributes";

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
    ElbV2Mapping mapping = new ElbV2Mapping(this);
    List<TargetGroup> tgs = new ArrayList<>();
    for (Node tg : SdkJson.nodes(targetGroups(), call(TARGET_GROUPS), "TargetGroups")) {
      tgs.add(mapping.targetGroup(tg));
    }
    List<LoadBalancerV2> lbs = new ArrayList<>();
    for (Node lb : SdkJson.nodes(loadBalancers(), call(LOAD_BALANCERS), "LoadBalancers")) {
      lbs.add(mapping.loadBalancer(lb));
    }
    return new Result(lbs, tgs);
  }

  /** How an answer of {@code action} in this region is named in a complaint about it. */
  private String call(String action) {
    return action + " in " + regionId;
  }

  // ---- what the mapping asks for -------------------------------------------------------------

  @Override
  public void named(Node lb, String name) {}

  @Override
  public Iterable<Node> listeners(Node lb, String name) {
    return SdkJson.nodes(listeners(lb.text("LoadBalancerArn")), call(LISTENERS), "Listeners");
  }

  @Override
  public Iterable<Node> rules(Node listener, String name, int port) {
    return SdkJson.nodes(rules(listener.text("ListenerArn")), call(RULES), "Rules");
  }

  @Override
  public void rulesRead(String name, int port, List<ListenerRule> rules) {}

  @Override
  public Map<String, String> attributes(String name, String arn) {
    return Calls.call(
        LB_ATTRIBUTES,
        regionId,
        () ->
            ElbV2Mapping.attributes(
                SdkJson.nodes(
                    client.describeLoadBalancerAttributes(r -> r.loadBalancerArn(arn)).attributes(),
                    call(LB_ATTRIBUTES),
                    "Attributes")));
  }

  @Override
  public Map<String, String> targetGroupAttributes(Node tg, String name, String arn) {
    return Calls.call(
        TG_ATTRIBUTES,
        regionId,
        () ->
            ElbV2Mapping.attributes(
                SdkJson.nodes(
                    client.describeTargetGroupAttributes(r -> r.targetGroupArn(arn)).attributes(),
                    call(TG_ATTRIBUTES),
                    "Attributes")));
  }

  @Override
  public String targetGroupListing() {
    return call(TARGET_GROUPS);
  }

  // ---- calls ---------------------------------------------------------------------------------

  private List<LoadBalancer> loadBalancers() {
    return Calls.call(
        LOAD_BALANCERS,
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
        TARGET_GROUPS,
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
        LISTENERS,
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
        RULES,
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
}
