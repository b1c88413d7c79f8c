package io.canary2k8s.plan;

import io.canary2k8s.inventory.AutoScalingGroup;
import io.canary2k8s.inventory.DnsRecord;
import io.canary2k8s.notes.Notifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The estate as a graph: load balancers, the Auto Scaling groups behind them (as a classic ELB's
 * instances or an ALB/NLB's target groups) and the DNS hosts that point at them. Each connected
 * component that has a load balancer and a group becomes one app.
 */
final class EstateGraph {
  private EstateGraph() {}

  /**
   * One connected component, each list sorted by name.
   *
   * @param loadBalancers classic ELBs, ALBs and NLBs
   * @param groups Auto Scaling groups
   * @param hosts DNS hosts that point at the load balancers
   */
  record Component(List<String> loadBalancers, List<String> groups, List<String> hosts) {
    Component {
      loadBalancers = List.copyOf(loadBalancers);
      groups = List.copyOf(groups);
      hosts = List.copyOf(hosts);
    }

    /** The component of {@code nodes}, sorted: each kind's names in order. */
    static Component of(List<EstateNode> nodes) {
      List<String> lbs = new ArrayList<>();
      List<String> groups = new ArrayList<>();
      List<String> hosts = new ArrayList<>();
      for (EstateNode n : nodes) {
        switch (n.kind()) {
          case LOAD_BALANCER -> lbs.add(n.name());
          case GROUP -> groups.add(n.name());
          case HOST -> hosts.add(n.name());
        }
      }
      Collections.sort(lbs);
      Collections.sort(groups);
      Collections.sort(hosts);
      return new Component(lbs, groups, hosts);
    }
  }

  /**
   * The components of the estate in a stable order (see {@link EstateNode}); notes each Auto
   * Scaling group that is behind no migrated load balancer, which no app takes.
   */
  static List<Component> components(Estate estate, DnsAnswers dns, Notifier notes) {
    UnionFind<EstateNode> graph = new UnionFind<>();
    estate.classicLoadBalancers().keySet().forEach(lb -> graph.add(EstateNode.loadBalancer(lb)));
    estate.v2().loadBalancers().keySet().forEach(lb -> graph.add(EstateNode.loadBalancer(lb)));
    for (AutoScalingGroup g : estate.groups().values()) {
      for (String lb : g.loadBalancerNames()) {
        graph.union(EstateNode.group(g.name()), EstateNode.loadBalancer(lb));
      }
    }
    Set<String> behindV2 = new TreeSet<>();
    for (String lb : estate.v2().loadBalancers().keySet()) {
      for (String g : estate.v2().groupsBehind(lb)) {
        graph.union(EstateNode.group(g), EstateNode.loadBalancer(lb));
        behindV2.add(g);
      }
    }
    dns.hosts()
        .forEach(
            (host, records) -> {
              for (DnsRecord r : records) {
                graph.union(EstateNode.host(host), EstateNode.loadBalancer(dns.loadBalancerOf(r)));
              }
            });
    for (AutoScalingGroup g : estate.groups().values()) {
      if (g.loadBalancerNames().isEmpty() && !behindV2.contains(g.name())) {
        notes.info(
            g.name(),
            g.targetGroupArns().isEmpty()
                ? "Auto Scaling group is behind no classic ELB; not migrated."
                : "Auto Scaling group feeds target groups "
                    + g.targetGroupArns()
                    + " that no migrated"
                    + " load balancer forwards to; not migrated.");
      }
    }
    List<List<EstateNode>> components = graph.components();
    List<Component> out = new ArrayList<>(components.size());
    components.forEach(c -> out.add(Component.of(c)));
    return out;
  }
}
