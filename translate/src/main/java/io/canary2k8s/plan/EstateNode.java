package io.canary2k8s.plan;

import java.util.Objects;

/**
 * A node of the estate graph ({@link EstateGraph}): an Auto Scaling group, a load balancer
 * (classic, application or network) or a DNS host, by name.
 *
 * <p>Nodes order by kind in the order the kinds are declared (groups, load balancers, hosts), then
 * by name. That order sorts the members of a component and the components themselves (by their
 * first member), and so the order apps are named in, which decides who keeps a name two apps want:
 * a new kind goes last, or the names of existing bundles change.
 */
record EstateNode(Kind kind, String name) implements Comparable<EstateNode> {

  /** What a node stands for. The declaration order is the node order. */
  enum Kind {
    GROUP,
    LOAD_BALANCER,
    HOST
  }

  EstateNode {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
  }

  static EstateNode group(String name) {
    return new EstateNode(Kind.GROUP, name);
  }

  static EstateNode loadBalancer(String name) {
    return new EstateNode(Kind.LOAD_BALANCER, name);
  }

  static EstateNode host(String name) {
    return new EstateNode(Kind.HOST, name);
  }

  @Override
  public int compareTo(EstateNode o) {
    int c = kind.compareTo(o.kind);
    return c != 0 ? c : name.compareTo(o.name);
  }
}
