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
   * Apps are named in component order, which decides who keeps a name two apps want; it is the
   * order of the strings {@code asg:<name>}, {@code elb:<name>} and {@code host:<name>}, so that
   * the app names of existing bundles stay.
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
