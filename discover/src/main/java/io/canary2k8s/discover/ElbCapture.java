package io.canary2k8s.discover;

import static io.canary2k8s.discover.CaptureLayout.ELB_LOAD_BALANCERS;
import static io.canary2k8s.discover.CaptureLayout.ELB_TAGS;
import static io.canary2k8s.discover.CaptureLayout.elbAttributes;

import io.canary2k8s.input.InputException;
import io.canary2k8s.input.Node;
import io.canary2k8s.inventory.ClassicLoadBalancer;
import io.canary2k8s.notes.Notifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The classic ELB part of a capture: {@value CaptureLayout#ELB_LOAD_BALANCERS}, the optional tags
 * and each load balancer's optional attributes file, through {@link ElbMapping}.
 */
final class ElbCapture implements ElbMapping.Source {
  private final CaptureFiles files;

  ElbCapture(CaptureFiles files) {
    this.files = files;
  }

  List<ClassicLoadBalancer> read(Notifier n) {
    Map<String, Map<String, String>> tags = readTags(n);
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

  private Map<String, Map<String, String>> readTags(Notifier n) {
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
