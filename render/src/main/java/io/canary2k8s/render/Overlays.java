package io.canary2k8s.render;

import io.canary2k8s.emit.RouteEmitter;
import io.canary2k8s.emit.WeightPatch;
import io.canary2k8s.notes.Notifier;
import io.canary2k8s.plan.App;
import io.canary2k8s.plan.Plan;
import io.canary2k8s.plan.Role;
import io.canary2k8s.plan.Route;
import io.canary2k8s.plan.Step;
import io.canary2k8s.plan.Track;
import io.canary2k8s.split.Fraction;
import io.canary2k8s.yaml.Yaml;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One kustomize overlay per canary step: JSON 6902 patches that set the weights of every split
 * route the step moves ({@link Step#moves}: a route already at or above the step's canary share
 * keeps today's weights, and gets no patch) to the step's, in the target's own form (TCP routes'
 * too: an IngressRouteTCP's services, a TCPRoute's or TLSRoute's backendRefs). A track with no
 * replicas that a step sends traffic to is scaled up in that overlay (an empty member would break
 * the route), to its share of the route's pods today; never a Deployment an HPA targets (the HPA
 * owns its replicas, and its minimum is at least 1).
 */
final class Overlays {
  private Overlays() {}

  /** Step name → the overlay's kustomization, in the order the steps were given. */
  static Map<String, Kustomization> build(
      Plan plan, RouteEmitter target, List<Step> steps, Notifier notes) {
    Map<String, Kustomization> out = new LinkedHashMap<>();
    for (Step step : steps) {
      List<Kustomization.Patch> patches = new ArrayList<>();
      for (App app : plan.apps()) {
        Map<String, Integer> replicas = new TreeMap<>();
        for (Route route : app.routes()) {
          if (!route.split()) {
            continue;
          }
          if (!step.moves(route, app)) {
            continue; // already at or past the step: the route keeps today's weights
          }
          Route at = step.apply(route, app);
          List<WeightPatch> weights = target.weightPatches(app, at, plan.edge(), notes);
          if (weights.isEmpty()) {
            continue; // the target emits nothing for this route (a TCP route in Traefik 1.7)
          }
          for (WeightPatch wp : weights) {
            patches.add(patch(wp));
          }
          int today = 0;
          for (Route.Backend b : route.backends()) {
            today += app.track(b.track()).replicas();
          }
          for (Route.Backend b : at.backends()) {
            Track t = app.track(b.track());
            if (t.replicas() == 0 && t.scaling() == null) {
              replicas.merge(t.name(), podsFor(b.share(), today), Math::max);
            }
          }
        }
        replicas.forEach(
            (track, n) -> {
              notes.warn(
                  "Deployment/" + app.namespace() + "/" + track,
                  (app.track(track).role() == Role.CANARY ? "Canary" : "Stable")
                      + " track has 0 replicas today; overlay "
                      + step.name()
                      + " sends it "
                      + "traffic, so it also sets its replicas to "
                      + n
                      + " (its share of the route's "
                      + "pods today, at least 1).");
              patches.add(
                  patch(
                      new WeightPatch(
                          "apps",
                          "v1",
                          "Deployment",
                          app.namespace(),
                          track,
                          List.of(new WeightPatch.Op("replace", "/spec/replicas", n)))));
            });
      }
      out.put(step.name(), Kustomization.of(List.of("../../" + BundleLayout.BASE), patches));
    }
    return out;
  }

  /**
   * The pods a track with none needs for {@code share} of a route that {@code pods} serve today:
   * its share of them, rounded up, at least one.
   */
  static int podsFor(Fraction share, int pods) {
    BigInteger[] qr =
        share
            .numerator()
            .multiply(BigInteger.valueOf(pods))
            .divideAndRemainder(share.denominator());
    int n = qr[0].intValueExact() + (qr[1].signum() > 0 ? 1 : 0);
    return Math.max(1, n);
  }

  private static Kustomization.Patch patch(WeightPatch wp) {
    List<Map<String, Object>> ops = new ArrayList<>();
    for (WeightPatch.Op op : wp.ops()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("op", op.op());
      m.put("path", op.path());
      m.put("value", op.value());
      ops.add(m);
    }
    return new Kustomization.Patch(
        new Kustomization.Target(
            wp.group().isEmpty() ? null : wp.group(),
            wp.version(),
            wp.kind(),
            wp.namespace(),
            wp.name()),
        unindent(Yaml.dump(ops)));
  }

  /** The mapper indents a top-level list by two spaces; a patch text must start at column 0. */
  static String unindent(String yaml) {
    if (!yaml.startsWith("  ")) {
      return yaml;
    }
    StringBuilder sb = new StringBuilder();
    for (String line : yaml.split("\n", -1)) {
      sb.append(line.startsWith("  ") ? line.substring(2) : line).append('\n');
    }
    return sb.substring(0, sb.length() - 1);
  }
}
