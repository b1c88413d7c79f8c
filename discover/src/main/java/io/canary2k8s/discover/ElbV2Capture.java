package io.canary2k8s.discover;

import static io.canary2k8s.discover.CaptureLayout.ELBV2_LOAD_BALANCERS;
import static io.canary2k8s.discover.CaptureLayout.ELBV2_TARGET_GROUPS;
import static io.canary2k8s.discover.CaptureLayout.elbv2Attributes;
import static io.canary2k8s.discover.CaptureLayout.elbv2Listeners;
import static io.canary2k8s.discover.CaptureLayout.elbv2Rules;

import io.canary2k8s.input.InputException;
import io.canary2k8s.input.Node;
import io.canary2k8s.inventory.ListenerRule;
import io.canary2k8s.inventory.LoadBalancerV2;
import io.canary2k8s.inventory.TargetGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ELBv2 part of a capture: the optional target groups and load balancers, each load balancer's
 * listeners and each listener's rules (required once the load balancer is listed), and the optional
 * attribute files, through {@link ElbV2Mapping}.
 */
final class ElbV2Capture implements ElbV2Mapping.Source {
  /** What the part came to. */
  record Result(List<TargetGroup> targetGroups, List<LoadBalancerV2> loadBalancers) {}

  private final CaptureFiles files;

  ElbV2Capture(CaptureFiles files) {
    this.files = files;
  }

  Result read() {
    ElbV2Mapping mapping = new ElbV2Mapping(this);
    List<TargetGroup> targetGroups = new ArrayList<>();
    if (files.exists(ELBV2_TARGET_GROUPS)) {
      for (Node tg : files.results(ELBV2_TARGET_GROUPS, "TargetGroups")) {
        targetGroups.add(mapping.targetGroup(tg));
      }
    }
    List<LoadBalancerV2> loadBalancers = new ArrayList<>();
    if (files.exists(ELBV2_LOAD_BALANCERS)) {
      for (Node lb : files.results(ELBV2_LOAD_BALANCERS, "LoadBalancers")) {
        loadBalancers.add(mapping.loadBalancer(lb));
      }
    }
    return new Result(targetGroups, loadBalancers);
  }

  @Override
  public Map<String, String> targetGroupAttributes(Node tg, String name, String arn) {
    if (!CaptureReader.isSafeFileName(name)) {
      throw tg.problem("TargetGroupName", "'" + name + "' cannot name a file in the capture");
    }
    String attrFile = CaptureLayout.targetGroupAttributes(name);
    return files.exists(attrFile) ? attributes(attrFile) : Map.of();
  }

  @Override
  public String targetGroupListing() {
    return ELBV2_TARGET_GROUPS;
  }

  @Override
  public void named(Node lb, String name) {
    if (!CaptureReader.isSafeFileName(name)) {
      throw lb.problem("LoadBalancerName", "'" + name + "' cannot name a file in the capture");
    }
  }

  @Override
  public Iterable<Node> listeners(Node lb, String name) {
    String listenersFile = elbv2Listeners(name);
    if (!files.exists(listenersFile)) {
      throw new InputException(
          files.shown(listenersFile),
          null,
          "file not found; every load balancer in "
              + ELBV2_LOAD_BALANCERS
              + " needs its listeners ('aws elbv2 describe-listeners"
              + " --load-balancer-arn <arn>')");
    }
    return files.results(listenersFile, "Listeners");
  }

  @Override
  public Iterable<Node> rules(Node listener, String name, int port) {
    String rulesFile = elbv2Rules(name, port);
    if (!files.exists(rulesFile)) {
      throw new InputException(
          files.shown(rulesFile),
          null,
          "file not found; every listener in "
              + elbv2Listeners(name)
              + " needs its rules ('aws elbv2 describe-rules --listener-arn <arn>')");
    }
    return files.results(rulesFile, "Rules");
  }

  @Override
  public void rulesRead(String name, int port, List<ListenerRule> rules) {
    long defaults = rules.stream().filter(ListenerRule::isDefault).count();
    if (defaults != 1) {
      throw new InputException(
          files.shown(elbv2Rules(name, port)),
          "Rules",
          "expected exactly one default rule (IsDefault true), found " + defaults);
    }
  }

  @Override
  public Map<String, String> attributes(String name, String arn) {
    String attrFile = elbv2Attributes(name);
    return files.exists(attrFile) ? attributes(attrFile) : Map.of();
  }

  private Map<String, String> attributes(String rel) {
    return ElbV2Mapping.attributes(files.results(rel, "Attributes"));
  }
}
