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
import io.canary2k8s.yaml.Yaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One kustomize overlay per canary step: JSON 6902 patches that set every split route's weights to
 * the step's, in the target's own form (TCP routes' too: an IngressRouteTCP's services, a
 * TCPRoute's or TLSRoute's backendRefs). A canary track with no replicas that a step sends traffic
 * to is scaled up in that overlay (an empty member would break the route).
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
          Route at = step.apply(route, app);
          List<WeightPatch> weights = target.weightPatches(app, at, plan.edge(), notes);
          if (weights.isEmpty()) {
            continue; // the target emits nothing for this route (a TCP route in Traefik 1.7)
          }
          for (WeightPatch wp : weights) {
            patches.add(patch(wp));
          }
          for (Route.Backend b : at.backends()) {
            Track t = app.track(b.track());
            if (t.role() == Role.CANARY && t.replicas() == 0) {
              int want = step.canaryPercent() == 100 ? Math.max(1, app.stable().replicas()) : 1;
              replicas.merge(t.name(), want, Math::max);
            }
          }
        }
        replicas.forEach(
            (track, n) -> {
              notes.warn(
                  "Deployment/" + app.namespace() + "/" + track,
                  "Canary track has 0 replicas today; overlay "
                      + step.name()
                      + " sends it "
                      + "traffic, so it also sets its replicas to "
                      + n
                      + ".");
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
