package io.canary2k8s.discover.live;

import static io.canary2k8s.discover.live.LiveDiscovery.guarded;

import io.canary2k8s.concurrent.Futures;
import io.canary2k8s.discover.AutoScalingMapping;
import io.canary2k8s.discover.ElbMapping;
import io.canary2k8s.input.Node;
import io.canary2k8s.inventory.AutoScalingGroup;
import io.canary2k8s.inventory.ClassicLoadBalancer;
import io.canary2k8s.inventory.ScalingPolicy;
import io.canary2k8s.notes.Notifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsResponse;
import software.amazon.awssdk.services.autoscaling.model.DescribePoliciesResponse;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.elasticloadbalancing.model.DescribeLoadBalancersResponse;
import software.amazon.awssdk.services.elasticloadbalancing.model.LoadBalancerAttributes;
import software.amazon.awssdk.services.elasticloadbalancing.model.LoadBalancerDescription;

/**
 * The regional part of one run: classic ELBs (list, tags in batches of 20, attributes per ELB, the
 * policies of ELBs whose back-end servers name any) and Auto Scaling groups with their policies.
 * The three listings run at once on the run's bounded pool; the tag and attribute calls follow as
 * soon as the load balancer listing is in (not after the slower Auto Scaling listing); this thread
 * only waits and assembles.
 */
final class RegionCrawl {
  static final int ELB_PAGE_SIZE = 400;
  static final int ASG_PAGE_SIZE = 100;
  static final int TAG_BATCH = 20;

  private static final String ELB_LIST = "elasticloadbalancing:DescribeLoadBalancers";
  private static final String ELB_ATTRIBUTES =
      "elasticloadbalancing:DescribeLoadBalancerAttributes";
  private static final String ELB_TAGS = "elasticloadbalancing:DescribeTags";
  private static final String ELB_POLICIES = "elasticloadbalancing:DescribeLoadBalancerPolicies";
  private static final String ASG_LIST = "autoscaling:DescribeAutoScalingGroups";
  private static final String ASG_POLICIES = "autoscaling:DescribePolicies";

  record Result(
      List<ClassicLoadBalancer> loadBalancers,
      List<AutoScalingGroup> autoScalingGroups,
      List<io.canary2k8s.inventory.LoadBalancerV2> loadBalancersV2,
      List<io.canary2k8s.inventory.TargetGroup> targetGroups) {}

  private final String regionId;
  private final ElasticLoadBalancingClient elb;
  private final AutoScalingClient asg;
  private final ElbV2Crawl elbv2;
  private final ExecutorService pool;
  private final boolean allowPartial;
  private final Notifier notes;
  private final Progress progress;

  RegionCrawl(
      AwsClients clients,
      Region region,
      ExecutorService pool,
      boolean allowPartial,
      Notifier notes,
      Progress progress) {
    this.regionId = region.id();
    this.elb = clients.elb(region);
    this.asg = clients.autoScaling(region);
    this.elbv2 = new ElbV2Crawl(clients.elbv2(region), region.id(), progress);
    this.pool = pool;
    this.allowPartial = allowPartial;
    this.notes = notes;
    this.progress = progress;
  }

  Result read() {
    Future<List<LoadBalancerDescription>> lbsF =
        pool.submit(
            () ->
                guarded(
                    allowPartial,
                    notes,
                    "elb:" + regionId,
                    "no classic load balancer of " + regionId + " is in the inventory.",
                    List.<LoadBalancerDescription>of(),
                    this::listLoadBalancers));
    Future<List<software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup>> groupsF =
        pool.submit(
            () ->
                guarded(
                    allowPartial,
                    notes,
                    "autoscaling:" + regionId,
                    "no Auto Scaling group of " + regionId + " is in the inventory.",
                    List.<software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup>of(),
                    this::listGroups));
    Future<Map<String, List<ScalingPolicy>>> policiesF =
        pool.submit(
            () ->
                guarded(
                    allowPartial,
                    notes,
                    "autoscaling-policies:" + regionId,
                    "the scaling policies of " + regionId + " are missing from the inventory.",
                    Map.<String, List<ScalingPolicy>>of(),
                    this::listPolicies));
    Future<ElbV2Crawl.Result> v2F =
        pool.submit(
            () ->
                guarded(
                    allowPartial,
                    notes,
                    "elbv2:" + regionId,
                    "no application or network load balancer of "
                        + regionId
                        + " is in the inventory.",
                    new ElbV2Crawl.Result(List.of(), List.of()),
                    elbv2::read));
    List<LoadBalancerDescription> lbs;
    try {
      lbs = get(lbsF);
    } catch (RuntimeException e) {
      awaitAll(
          List.of(lbsF, groupsF, policiesF, v2F)); // nothing runs on unobserved; rethrows lbsF's
      throw e;
    }

    Map<String, Future<LoadBalancerAttributes>> attributesF = new LinkedHashMap<>();
    for (LoadBalancerDescription lb : lbs) {
      String name = lb.loadBalancerName();
      attributesF.put(
          name,
          pool.submit(
              () ->
                  guarded(
                      allowPartial,
                      notes,
                      name,
                      "its cross-zone setting is UNKNOWN and its draining and idle timeouts are"
                          + " missing.",
                      null,
                      () -> attributes(name))));
    }
    // a back-end policy's type (ProxyProtocol?) is only in the load balancer's policy descriptions
    Map<String, Future<Map<String, Node>>> backendF = new LinkedHashMap<>();
    for (LoadBalancerDescription lb : lbs) {
      List<String> named =
          lb.backendServerDescriptions().stream()
              .flatMap(b -> b.policyNames().stream())
              .distinct()
              .sorted()
              .toList();
      if (!named.isEmpty()) {
        String name = lb.loadBalancerName();
        backendF.put(
            name,
            pool.submit(
                () ->
                    guarded(
                        allowPartial,
                        notes,
                        name,
                        "the types of its back-end server policies (ProxyProtocol?) are unknown.",
                        null,
                        () -> backendPolicies(name, named))));
      }
    }
    List<Future<Map<String, Map<String, String>>>> tagsF = new ArrayList<>();
    for (int from = 0; from < lbs.size(); from += TAG_BATCH) {
      List<String> batch =
          lbs.subList(from, Math.min(lbs.size(), from + TAG_BATCH)).stream()
              .map(LoadBalancerDescription::loadBalancerName)
              .toList();
      tagsF.add(
          pool.submit(
              () ->
                  guarded(
                      allowPartial,
                      notes,
                      String.join(",", batch),
                      "the tags of these load balancers are missing.",
                      Map.<String, Map<String, String>>of(),
                      () -> tags(batch))));
    }
    List<Future<?>> rest = new ArrayList<>(List.of(groupsF, policiesF, v2F));
    rest.addAll(attributesF.values());
    rest.addAll(backendF.values());
    rest.addAll(tagsF);
    awaitAll(rest);

    Map<String, Map<String, String>> tags = new TreeMap<>();
    tagsF.forEach(f -> tags.putAll(get(f)));
    List<ClassicLoadBalancer> loadBalancers = new ArrayList<>();
    ElbMapping elbMapping =
        new ElbMapping(
            new ElbMapping.Source() {
              @Override
              public Node attributes(Node lb, String name) {
                LoadBalancerAttributes a = get(attributesF.get(name));
                return a == null
                    ? null
                    : SdkJson.node(a, call(ELB_ATTRIBUTES), "LoadBalancerAttributes");
              }

              @Override
              public Node policy(Node lb, String name, Node named, String policy) {
                Future<Map<String, Node>> f = backendF.get(name);
                Map<String, Node> described = f == null ? null : get(f);
                if (described == null) {
                  return null;
                }
                Node d = described.get(policy);
                if (d == null) {
                  throw named.problem(
                      "policy '" + policy + "' is not in the answer of " + call(ELB_POLICIES));
                }
                return d;
              }
            });
    for (Node lb : SdkJson.nodes(lbs, call(ELB_LIST), "LoadBalancerDescriptions")) {
      loadBalancers.add(elbMapping.loadBalancer(lb, tags));
    }
    Map<String, List<ScalingPolicy>> policies = get(policiesF);
    List<AutoScalingGroup> groups = new ArrayList<>();
    // live discovery reads every group's load balancers and target groups itself: nothing to check
    AutoScalingMapping asgMapping = new AutoScalingMapping((g, name, lbNames, tgs) -> {});
    for (Node g : SdkJson.nodes(get(groupsF), call(ASG_LIST), "AutoScalingGroups")) {
      groups.add(asgMapping.group(g, policies));
    }
    ElbV2Crawl.Result v2 = get(v2F);
    return new Result(loadBalancers, groups, v2.loadBalancers(), v2.targetGroups());
  }

  // ---- calls -------------------------------------------------------------------------------

  /** How an answer of {@code action} in this region is named in a complaint about it. */
  private String call(String action) {
    return action + " in " + regionId;
  }

  private List<LoadBalancerDescription> listLoadBalancers() {
    return Calls.call(
        ELB_LIST,
        regionId,
        () -> {
          List<LoadBalancerDescription> all = new ArrayList<>();
          for (DescribeLoadBalancersResponse page :
              elb.describeLoadBalancersPaginator(r -> r.pageSize(ELB_PAGE_SIZE))) {
            all.addAll(page.loadBalancerDescriptions());
            progress.update("elb load balancers", regionId, all.size());
          }
          return all;
        });
  }

  private LoadBalancerAttributes attributes(String name) {
    return Calls.call(
        ELB_ATTRIBUTES,
        regionId,
        () ->
            elb.describeLoadBalancerAttributes(r -> r.loadBalancerName(name))
                .loadBalancerAttributes());
  }

  /** The descriptions of the load balancer's policies {@code names}, by name. */
  private Map<String, Node> backendPolicies(String lb, List<String> names) {
    return Calls.call(
        ELB_POLICIES,
        regionId,
        () -> {
          Map<String, Node> out = new TreeMap<>();
          for (Node d :
              SdkJson.nodes(
                  elb.describeLoadBalancerPolicies(r -> r.loadBalancerName(lb).policyNames(names))
                      .policyDescriptions(),
                  call(ELB_POLICIES),
                  "PolicyDescriptions")) {
            out.put(d.text("PolicyName"), d);
          }
          return out;
        });
  }

  private Map<String, Map<String, String>> tags(List<String> names) {
    return Calls.call(
        ELB_TAGS,
        regionId,
        () ->
            ElbMapping.tags(
                SdkJson.nodes(
                    elb.describeTags(r -> r.loadBalancerNames(names)).tagDescriptions(),
                    call(ELB_TAGS),
                    "TagDescriptions")));
  }

  private List<software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup> listGroups() {
    return Calls.call(
        ASG_LIST,
        regionId,
        () -> {
          List<software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup> all =
              new ArrayList<>();
          for (DescribeAutoScalingGroupsResponse page :
              asg.describeAutoScalingGroupsPaginator(r -> r.maxRecords(ASG_PAGE_SIZE))) {
            all.addAll(page.autoScalingGroups());
            progress.update("autoscaling groups", regionId, all.size());
          }
          return all;
        });
  }

  private Map<String, List<ScalingPolicy>> listPolicies() {
    return Calls.call(
        ASG_POLICIES,
        regionId,
        () -> {
          Map<String, List<ScalingPolicy>> byGroup = new TreeMap<>();
          int n = 0;
          for (DescribePoliciesResponse page :
              asg.describePoliciesPaginator(r -> r.maxRecords(ASG_PAGE_SIZE))) {
            for (var p : page.scalingPolicies()) {
              AutoScalingMapping.GroupPolicy gp =
                  AutoScalingMapping.policy(
                      SdkJson.node(p, call(ASG_POLICIES), "ScalingPolicies[" + n + "]"));
              byGroup.computeIfAbsent(gp.group(), k -> new ArrayList<>()).add(gp.policy());
              n++;
            }
            progress.update("autoscaling policies", regionId, n);
          }
          return byGroup;
        });
  }

  // ---- futures -----------------------------------------------------------------------------

  /** Waits for every future, then rethrows the first failure (so nothing runs on unobserved). */
  private static void awaitAll(List<? extends Future<?>> futures) {
    RuntimeException first = null;
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (ExecutionException e) {
        if (first == null) {
          first = Futures.unwrapped(e);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        futures.forEach(x -> x.cancel(true));
        throw new IllegalStateException("interrupted while reading AWS", e);
      } catch (CancellationException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  static <T> T get(Future<T> f) {
    try {
      return f.get();
    } catch (ExecutionException e) {
      throw Futures.unwrapped(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading AWS", e);
    }
  }
}
