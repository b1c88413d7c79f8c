package io.canary2k8s.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EstateNodeTest {
  @Test
  void compareTo_groupsThenLoadBalancersThenHosts_eachByName() {
    List<EstateNode> nodes =
        new ArrayList<>(
            List.of(
                EstateNode.host("a.example.com"),
                EstateNode.loadBalancer("web"),
                EstateNode.group("web-stable"),
                EstateNode.loadBalancer("api"),
                EstateNode.group("api")));
    nodes.sort(null);
    assertThat(nodes)
        .containsExactly(
            EstateNode.group("api"),
            EstateNode.group("web-stable"),
            EstateNode.loadBalancer("api"),
            EstateNode.loadBalancer("web"),
            EstateNode.host("a.example.com"));
  }

  /**
   * The order apps are named in must not move: it is the order of the {@code kind:name} strings the
   * graph used to key its nodes by ({@code asg:}, {@code elb:}, {@code host:}).
   */
  @Test
  void compareTo_isTheOrderOfThePrefixedNames() {
    String[] names = {"a", "ab", "a-b", "b", "web.example.com", "Z", ""};
    List<EstateNode> nodes = new ArrayList<>();
    for (String n : names) {
      nodes.add(EstateNode.group(n));
      nodes.add(EstateNode.loadBalancer(n));
      nodes.add(EstateNode.host(n));
    }
    for (EstateNode x : nodes) {
      for (EstateNode y : nodes) {
        assertThat(Integer.signum(x.compareTo(y)))
            .as("%s vs %s", x, y)
            .isEqualTo(Integer.signum(prefixed(x).compareTo(prefixed(y))));
      }
    }
  }

  static String prefixed(EstateNode n) {
    return switch (n.kind()) {
          case GROUP -> "asg:";
          case LOAD_BALANCER -> "elb:";
          case HOST -> "host:";
        }
        + n.name();
  }
}
