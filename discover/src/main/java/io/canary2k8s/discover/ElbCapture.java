package io.canary2k8s.discover;

import static io.canary2k8s.discover.CaptureLayout.ELB_LOAD_BALANCERS;
import static io.canary2k8s.discover.CaptureLayout.ELB_TAGS;
import static io.canary2k8s.discover.CaptureLayout.elbAttributes;
import static io.canary2k8s.discover.CaptureLayout.elbPolicies;

import io.canary2k8s.input.InputException;
import io.canary2k8s.input.Node;
import io.canary2k8s.inventory.ClassicLoadBalancer;
import io.canary2k8s.notes.Notifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The classic ELB part of a capture: {@value CaptureLayout#ELB_LOAD_BALANCERS} (optional: an
 * account with only ALBs and NLBs has none), the optional tags, and each load balancer's optional
 * attributes and policies files, through {@link ElbMapping}.
 */
final class ElbCapture implements ElbMapping.Source {
  private final CaptureFiles files;
  private final Notifier n;

  /** The load balancer whose policies were read last, and its policies by name (null: none). */
  private String policiesOf;

  private Map<String, Node> policies;

  ElbCapture(CaptureFiles files, Notifier n) {
    this.files = files;
    this.n = n;
  }

  List<ClassicLoadBalancer> read() {
    if (!files.exists(ELB_LOAD_BALANCERS)) {
      n.info(
          ELB_LOAD_BALANCERS,
          "No classic load balancers captured (optional file missing): the account is taken to"
              + " have none (an ALB/NLB-only account); an Auto Scaling group or record naming one"
              + " is refused or left unmatched.");
      return readTagsOfNone();
    }
    Map<String, Map<String, String>> tags = readTags();
    ElbMapping mapping = new ElbMapping(this);
    List<ClassicLoadBalancer> out = new ArrayList<>();
    for (Node lb : files.results(ELB_LOAD_BALANCERS, "LoadBalancerDescriptions")) {
      out.add(mapping.loadBalancer(lb, tags));
    }
    for (String tagged : tags.keySet()) {
      if (!mapping.names().contains(tagged)) {
        throw new InputException(
            files.shown(ELB_TAGS),
            "TagDescriptions",
            "tags for load balancer '" + tagged + "', which is not in " + ELB_LOAD_BALANCERS);
      }
    }
    return out;
  }

  @Override
  public Node attributes(Node lb, String name) {
    String attrFile = elbAttributes(name);
    if (!CaptureReader.isSafeFileName(name)) {
      throw lb.problem("LoadBalancerName", "'" + name + "' cannot name a file in the capture");
    }
    return files.exists(attrFile) ? files.object(attrFile, "LoadBalancerAttributes") : null;
  }

  /** Without load balancers, any tags captured are for one not captured: refused. */
  private List<ClassicLoadBalancer> readTagsOfNone() {
    if (files.exists(ELB_TAGS)) {
      TreeSet<String> tagged =
          new TreeSet<>(ElbMapping.tags(files.results(ELB_TAGS, "TagDescriptions")).keySet());
      if (!tagged.isEmpty()) {
        throw new InputException(
            files.shown(ELB_TAGS),
            "TagDescriptions",
            "tags for load balancer '"
                + tagged.first()
                + "', but "
                + ELB_LOAD_BALANCERS
                + " was not captured");
      }
    }
    return List.of();
  }

  @Override
  public Node policy(Node lb, String name, Node named, String policy) {
    if (!name.equals(policiesOf)) {
      policiesOf = name;
      String rel = elbPolicies(name);
      if (files.exists(rel)) {
        policies = new HashMap<>();
        for (Node d : files.results(rel, "PolicyDescriptions")) {
          policies.put(d.text("PolicyName"), d);
        }
      } else {
        policies = null;
        n.info(
            name,
            "Back-end server policies are named (e.g. a ProxyProtocol policy) but "
                + rel
                + " was not captured ('aws elb describe-load-balancer-policies"
                + " --load-balancer-name "
                + name
                + "'): their types are unknown.");
      }
    }
    if (policies == null) {
      return null;
    }
    Node d = policies.get(policy);
    if (d == null) {
      throw named.problem("policy '" + policy + "' is not in " + elbPolicies(name));
    }
    return d;
  }

  private Map<String, Map<String, String>> readTags() {
    if (!files.exists(ELB_TAGS)) {
      n.info(
          ELB_TAGS,
          "No ELB tags captured (optional file missing); app names come from load balancer"
              + " names and canary2k8s.io/* tags on load balancers are not used.");
      return Map.of();
    }
    return ElbMapping.tags(files.results(ELB_TAGS, "TagDescriptions"));
  }
}
