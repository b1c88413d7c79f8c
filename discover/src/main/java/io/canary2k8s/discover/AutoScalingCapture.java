package io.canary2k8s.discover;

import static io.canary2k8s.discover.CaptureLayout.ASG_GROUPS;
import static io.canary2k8s.discover.CaptureLayout.ASG_POLICIES;
import static io.canary2k8s.discover.CaptureLayout.ELBV2_TARGET_GROUPS;
import static io.canary2k8s.discover.CaptureLayout.ELB_LOAD_BALANCERS;

import io.canary2k8s.input.Node;
import io.canary2k8s.inventory.AutoScalingGroup;
import io.canary2k8s.inventory.ClassicLoadBalancer;
import io.canary2k8s.inventory.ScalingPolicy;
import io.canary2k8s.inventory.TargetGroup;
import io.canary2k8s.notes.Notifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Auto Scaling part of a capture: the groups and their optional policies, through {@link
 * AutoScalingMapping}. The classic ELBs and target groups a group names are read by other parts:
 * they are collected here, in the order they are named, and checked by {@link #checkReferences}
 * once those parts are in.
 */
final class AutoScalingCapture implements AutoScalingMapping.Source {
  private final CaptureFiles files;
  private final Notifier n;
  private final List<Reference> references;
  private final boolean tgsCaptured;

  /**
   * @param references receives the load balancers and target groups the groups name
   */
  AutoScalingCapture(CaptureFiles files, Notifier n, List<Reference> references) {
    this.files = files;
    this.n = n;
    this.references = references;
    this.tgsCaptured = files.exists(ELBV2_TARGET_GROUPS);
  }

  List<AutoScalingGroup> read() {
    Map<String, List<ScalingPolicy>> policies = readPolicies();
    AutoScalingMapping mapping = new AutoScalingMapping(this);
    List<AutoScalingGroup> out = new ArrayList<>();
    for (Node g : files.results(ASG_GROUPS, "AutoScalingGroups")) {
      out.add(mapping.group(g, policies));
    }
    for (String p : policies.keySet()) {
      if (!mapping.names().contains(p)) {
        n.warn(
            ASG_POLICIES,
            "Scaling policies for Auto Scaling group '"
                + p
                + "', which is not in "
                + ASG_GROUPS
                + "; ignored.");
      }
    }
    return out;
  }

  @Override
  public void attached(
      Node g, String name, Set<String> loadBalancerNames, Set<String> targetGroups) {
    Node group = g.detached();
    List<Node> tgNodes = g.optArray("TargetGroupARNs");
    for (String tg : targetGroups) {
      if (!tgsCaptured) {
        n.warn(
            name,
            "Auto Scaling group feeds target group "
                + tg
                + " but "
                + ELBV2_TARGET_GROUPS
                + " was not captured; that target group is not migrated.");
      } else {
        references.add(new Reference(group, where(tgNodes, tg, "TargetGroupARNs"), tg, true));
      }
    }
    List<Node> lbNodes = g.optArray("LoadBalancerNames");
    for (String lb : loadBalancerNames) {
      references.add(new Reference(group, where(lbNodes, lb, "LoadBalancerNames"), lb, false));
    }
  }

  /**
   * A target group or classic ELB that an Auto Scaling group names: {@code field} of {@code group}.
   */
  record Reference(Node group, String field, String name, boolean targetGroup) {}

  /** Where in {@code list} (the field {@code field}) {@code value} is named: its last element. */
  private static String where(List<Node> list, String value, String field) {
    String where = field;
    for (Node x : list) {
      if (value.equals(x.raw().asText())) {
        where = x.path().substring(x.path().lastIndexOf('.') + 1);
      }
    }
    return where;
  }

  /** Fails for the first of {@code references} to something that was not captured. */
  static void checkReferences(
      List<Reference> references, List<ClassicLoadBalancer> elbs, List<TargetGroup> targetGroups) {
    Set<String> tgArns = new HashSet<>();
    targetGroups.forEach(t -> tgArns.add(t.arn()));
    Set<String> elbNames = new HashSet<>();
    elbs.forEach(e -> elbNames.add(e.name()));
    for (Reference r : references) {
      if (r.targetGroup() && !tgArns.contains(r.name())) {
        throw r.group()
            .problem(
                r.field(),
                "names target group '" + r.name() + "', which is not in " + ELBV2_TARGET_GROUPS);
      }
      if (!r.targetGroup() && !elbNames.contains(r.name())) {
        throw r.group()
            .problem(
                r.field(),
                "names classic ELB '" + r.name() + "', which is not in " + ELB_LOAD_BALANCERS);
      }
    }
  }

  private Map<String, List<ScalingPolicy>> readPolicies() {
    if (!files.exists(ASG_POLICIES)) {
      return Map.of();
    }
    Map<String, List<ScalingPolicy>> out = new LinkedHashMap<>();
    for (Node p : files.results(ASG_POLICIES, "ScalingPolicies")) {
      AutoScalingMapping.GroupPolicy gp = AutoScalingMapping.policy(p);
      out.computeIfAbsent(gp.group(), k -> new ArrayList<>()).add(gp.policy());
    }
    return out;
  }
}
