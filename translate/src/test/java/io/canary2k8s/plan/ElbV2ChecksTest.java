package io.canary2k8s.plan;

import static io.canary2k8s.plan.TestEstates.alb;
import static io.canary2k8s.plan.TestEstates.fed;
import static io.canary2k8s.plan.TestEstates.forward;
import static io.canary2k8s.plan.TestEstates.listener;
import static io.canary2k8s.plan.TestEstates.rule;
import static io.canary2k8s.plan.TestEstates.tg;
import static org.assertj.core.api.Assertions.assertThat;

import io.canary2k8s.inventory.ListenerV2;
import io.canary2k8s.inventory.RuleAction;
import io.canary2k8s.inventory.TargetGroup;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ElbV2ChecksTest {
  final TestEstates.Recorder notes = new TestEstates.Recorder();

  ElbV2Checks checks(List<ListenerV2> listeners, TargetGroup... tgs) {
    Estate estate =
        new Estate(
            TestEstates.albInventory(
                List.of(alb("web", listeners.toArray(ListenerV2[]::new))),
                List.of(tgs),
                List.of(fed("g", 2, "web", "canary"))),
            notes);
    notes.notes.clear();
    return new ElbV2Checks(estate.v2(), notes);
  }

  @Test
  void listeners_onlyTheMainOne_routes_theOthersNoted_inPortOrder() {
    checks(
            List.of(
                listener("HTTPS", 443, rule("default", forward("web", 9, "canary", 1))),
                listener("HTTP", 80, rule("default", forward("web", 1))),
                listener("HTTP", 8080, rule("default", forward("web", 1))),
                listener("TCP", 7000, rule("default", forward("web", 1))),
                listener("UDP", 5353, rule("default", forward("web", 1)))),
            tg("web", Map.of("a", "b")),
            tg("canary", Map.of("a", "b")))
        .checkListeners("web");
    assertThat(notes.notes)
        .containsExactly(
            "WARNING web: Listener HTTP:80 forwards by other weights than HTTPS:443; the bundle"
                + " gives both the split of HTTPS:443.",
            "ERROR web: Listener UDP:5353 is not migrated: the edge serves no UDP (Traefik's UDP"
                + " routes are not generated); its clients get no answer from the edge on port"
                + " 5353.",
            "ERROR web: Listener HTTP:8080 is not migrated: the edge routes HTTP on port 80 and"
                + " HTTPS on 443 by host, and TCP and TLS listeners on their own ports; its clients"
                + " get no answer from the edge on port 8080. Move them to HTTP:80 or HTTPS:443"
                + " before the cutover.");
  }

  @Test
  void aListenerThatDoesNotForward_routesLikeTheMainOne() {
    checks(
            List.of(
                listener("HTTPS", 443, rule("default", forward("web", 1))),
                listener(
                    "HTTP",
                    80,
                    rule(
                        "default",
                        new RuleAction(
                            "fixed-response", 1, List.of(), null, Map.of("StatusCode", "404"))))),
            tg("web", Map.of("a", "b")))
        .checkListeners("web");
    assertThat(notes.notes)
        .containsExactly(
            "WARNING web: The default action of listener HTTP:80 is a fixed response 404; it is not"
                + " mapped, and the edge routes HTTP:80 like HTTPS:443.");
  }

  @Test
  void targetGroups_stickiness_algorithm_slowStart_andAttributesNotCaptured() {
    ElbV2Checks c =
        checks(
            List.of(listener("HTTP", 80, rule("default", forward("web", 1, "canary", 1)))),
            tg(
                "web",
                Map.of(
                    "stickiness.enabled", "true",
                    "stickiness.type", "lb_cookie",
                    "load_balancing.algorithm.type", "least_outstanding_requests",
                    "slow_start.duration_seconds", "30")),
            tg("canary", Map.of()));
    c.checkTargetGroup(TestEstates.tgArn("web"));
    c.checkTargetGroup(TestEstates.tgArn("canary"));
    String web = TestEstates.tgArn("web");
    assertThat(notes.notes)
        .containsExactly(
            "WARNING "
                + web
                + ": Target group web has stickiness (lb_cookie); not mapped, Traefik weights apply"
                + " per request.",
            "INFO "
                + web
                + ": Target group web balances by least_outstanding_requests; Kubernetes Services"
                + " balance over pods by their own rules.",
            "INFO "
                + web
                + ": Target group web ramps new targets up over 30 s (slow start); not mapped.",
            "INFO "
                + TestEstates.tgArn("canary")
                + ": Attributes of target group canary were not captured; its cross-zone setting is"
                + " taken from the load balancer.");
  }
}
