package io.canary2k8s.plan;

import static io.canary2k8s.plan.TestEstates.asg;
import static io.canary2k8s.plan.TestEstates.cname;
import static io.canary2k8s.plan.TestEstates.dns;
import static io.canary2k8s.plan.TestEstates.elb;
import static io.canary2k8s.plan.TestEstates.inventory;
import static io.canary2k8s.plan.TestEstates.weighted;
import static org.assertj.core.api.Assertions.assertThat;

import io.canary2k8s.inventory.Inventory;
import io.canary2k8s.plan.EstateGraph.Component;
import java.util.List;
import org.junit.jupiter.api.Test;

class EstateGraphTest {
  static List<Component> components(Inventory inventory, TestEstates.Recorder notes) {
    Estate estate = new Estate(inventory, notes);
    return EstateGraph.components(estate, new DnsAnswers(estate, notes), notes);
  }

  @Test
  void groupsBehindALoadBalancer_andTheHostsPointingAtIt_makeOneComponent() {
    TestEstates.Recorder notes = new TestEstates.Recorder();
    List<Component> c =
        components(
            inventory(
                List.of(elb("web"), elb("api")),
                List.of(
                    asg("web-main", 3, "web"), asg("web-canary", 1, "web"), asg("api", 2, "api")),
                List.of(cname("web.example.com", "web"), cname("www.example.com", "web"))),
            notes);
    assertThat(c)
        .containsExactly(
            new Component(List.of("api"), List.of("api"), List.of()),
            new Component(
                List.of("web"),
                List.of("web-canary", "web-main"),
                List.of("web.example.com", "www.example.com")));
    assertThat(notes.notes).isEmpty();
  }

  @Test
  void aGroupBehindTwoLoadBalancers_joinsThem() {
    List<Component> c =
        components(
            inventory(
                List.of(elb("web"), elb("web-internal")),
                List.of(asg("web", 3, "web", "web-internal")),
                List.of()),
            new TestEstates.Recorder());
    assertThat(c)
        .singleElement()
        .extracting(Component::loadBalancers)
        .isEqualTo(List.of("web", "web-internal"));
  }

  @Test
  void aWeightedNameOverTwoLoadBalancers_joinsThem() {
    List<Component> c =
        components(
            inventory(
                List.of(elb("blue"), elb("green")),
                List.of(asg("blue", 3, "blue"), asg("green", 1, "green")),
                List.of(
                    weighted("shop.example.com", dns("blue"), "blue", 9),
                    weighted("shop.example.com", dns("green"), "green", 1))),
            new TestEstates.Recorder());
    assertThat(c)
        .containsExactly(
            new Component(
                List.of("blue", "green"), List.of("blue", "green"), List.of("shop.example.com")));
  }

  /**
   * Components come in the order of their first node: groups before load balancers before hosts, so
   * a load balancer without groups comes after every component that has a group.
   */
  @Test
  void components_inTheOrderOfTheirFirstNode() {
    List<Component> c =
        components(
            inventory(
                List.of(elb("a-lonely"), elb("b"), elb("c")),
                List.of(asg("z-group", 1, "b"), asg("y-group", 1, "c")),
                List.of()),
            new TestEstates.Recorder());
    assertThat(c)
        .extracting(Component::loadBalancers)
        .containsExactly(List.of("c"), List.of("b"), List.of("a-lonely"));
  }

  @Test
  void aGroupBehindNoLoadBalancer_isNotedAndInNoComponent() {
    TestEstates.Recorder notes = new TestEstates.Recorder();
    List<Component> c =
        components(
            inventory(
                List.of(elb("web")), List.of(asg("web", 2, "web"), asg("worker", 2)), List.of()),
            notes);
    assertThat(c).flatExtracting(Component::groups).containsExactly("web");
    assertThat(notes.notes)
        .containsExactly("INFO worker: Auto Scaling group is behind no classic ELB; not migrated.");
  }

  @Test
  void anAlbJoinsTheGroupsThatFeedItsTargetGroups() {
    TestEstates.Recorder notes = new TestEstates.Recorder();
    List<Component> c = components(TestEstates.planCase("alb-weighted-forward"), notes);
    assertThat(c)
        .containsExactly(
            new Component(
                List.of("store"),
                List.of("store-canary", "store-stable"),
                List.of("store.example.com")));
  }
}
