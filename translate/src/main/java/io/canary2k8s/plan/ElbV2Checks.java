package io.canary2k8s.plan;

import static io.canary2k8s.plan.ElbV2Planner.describe;
import static io.canary2k8s.plan.ElbV2Planner.finalAction;
import static io.canary2k8s.plan.ElbV2Planner.forwards;
import static io.canary2k8s.plan.ElbV2Planner.redirectsToHttps;

import io.canary2k8s.inventory.ListenerRule;
import io.canary2k8s.inventory.ListenerV2;
import io.canary2k8s.inventory.LoadBalancerV2;
import io.canary2k8s.inventory.TargetGroup;
import io.canary2k8s.notes.Notifier;
import java.util.Map;

/**
 * What an ALB or NLB does that the bundle does not do, as notes: listeners that are routed nowhere
 * (an ERROR each: HTTP and HTTPS on other ports than 80 and 443, UDP, TCP_UDP; an NLB's TCP and TLS
 * listeners become TCP routes, {@link ListenerRoutes}), listeners that do not route like the main
 * one, and target group stickiness, algorithms, slow start and attributes not captured.
 */
final class ElbV2Checks {
  private final ElbV2Planner v2;
  private final Notifier notes;

  ElbV2Checks(ElbV2Planner v2, Notifier notes) {
    this.v2 = v2;
    this.notes = notes;
  }

  /**
   * Notes for what the load balancer's listeners do that the bundle does not: called once per load
   * balancer.
   */
  void checkListeners(String lbName) {
    LoadBalancerV2 lb = v2.loadBalancers().get(lbName);
    ListenerV2 main = v2.mainListener(lbName);
    for (ListenerV2 l : lb.listeners()) {
      String name = l.protocol() + ":" + l.port();
      boolean web =
          l.protocol().equals("HTTP") && l.port() == 80
              || l.protocol().equals("HTTPS") && l.port() == 443;
      if (ListenerRoutes.isTcp(l)) {
        if (!forwards(l.defaultRule())) {
          notes.error(
              lbName,
              "Listener "
                  + name
                  + " is not migrated: its default action is "
                  + describe(finalAction(l.defaultRule()))
                  + ", which a TCP route cannot do.");
        }
        continue;
      }
      if (!web) {
        notes.error(
            lbName,
            "Listener "
                + name
                + " is not migrated: "
                + (ElbV2Planner.web(l)
                    ? "the edge routes HTTP on port 80 and HTTPS on 443 by host, and TCP and TLS"
                        + " listeners on their own ports; its clients get no answer from the edge on"
                        + " port "
                        + l.port()
                        + ". Move them to HTTP:80 or HTTPS:443 before the cutover."
                    : "the edge serves no "
                        + l.protocol()
                        + " (Traefik's UDP routes are not generated); its clients get no answer"
                        + " from the edge on port "
                        + l.port()
                        + "."));
        continue;
      }
      ListenerRule def = l.defaultRule();
      if (l != main && !forwards(def) && !(l.protocol().equals("HTTP") && redirectsToHttps(def))) {
        notes.warn(
            lbName,
            "The default action of listener "
                + name
                + " is "
                + describe(finalAction(def))
                + "; it is not mapped, and the edge routes "
                + name
                + " like "
                + (main == null ? "nothing" : main.protocol() + ":" + main.port())
                + ".");
      }
      if (l != main && main != null && forwards(def) && !sameForward(def, main.defaultRule())) {
        notes.warn(
            lbName,
            "Listener "
                + name
                + " forwards by other weights than "
                + main.protocol()
                + ":"
                + main.port()
                + "; the bundle gives both the split of "
                + main.protocol()
                + ":"
                + main.port()
                + ".");
      }
      if (l != main && l.rules().size() > 1) {
        notes.warn(
            lbName,
            "The "
                + (l.rules().size() - 1)
                + " non-default rule(s) of listener "
                + name
                + " are not migrated; the bundle gives "
                + name
                + " the rules of "
                + (main == null ? "no listener" : main.protocol() + ":" + main.port())
                + ".");
      }
    }
  }

  private static boolean sameForward(ListenerRule a, ListenerRule b) {
    return finalAction(a).targetGroups().equals(finalAction(b).targetGroups());
  }

  /** Notes for what target groups do that the bundle does not: called once per target group ARN. */
  void checkTargetGroup(String arn) {
    TargetGroup tg = v2.targetGroup(arn);
    Map<String, String> a = tg.attributes();
    if ("true".equals(a.get("stickiness.enabled"))) {
      notes.warn(
          tg.arn(),
          "Target group "
              + tg.name()
              + " has stickiness ("
              + a.getOrDefault("stickiness.type", "?")
              + "); not mapped, Traefik weights apply per request.");
    }
    String algorithm = a.get("load_balancing.algorithm.type");
    if (algorithm != null && !algorithm.equals("round_robin")) {
      notes.info(
          tg.arn(),
          "Target group "
              + tg.name()
              + " balances by "
              + algorithm
              + "; Kubernetes Services balance over pods by their own rules.");
    }
    String slowStart = a.get("slow_start.duration_seconds");
    if (slowStart != null && !slowStart.equals("0")) {
      notes.info(
          tg.arn(),
          "Target group "
              + tg.name()
              + " ramps new targets up over "
              + slowStart
              + " s (slow start); not mapped.");
    }
    if (a.isEmpty()) {
      notes.info(
          tg.arn(),
          "Attributes of target group "
              + tg.name()
              + " were not captured; its cross-zone setting is"
              + " taken from the load balancer.");
    }
  }
}
