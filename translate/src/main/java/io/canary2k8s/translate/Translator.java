package io.canary2k8s.translate;

import io.canary2k8s.emit.EdgeEmitter;
import io.canary2k8s.emit.ObjectOrder;
import io.canary2k8s.emit.RouteEmitter;
import io.canary2k8s.emit.WorkloadEmitter;
import io.canary2k8s.inventory.Inventory;
import io.canary2k8s.notes.Notes;
import io.canary2k8s.notes.Notifier;
import io.canary2k8s.plan.App;
import io.canary2k8s.plan.Plan;
import io.canary2k8s.plan.PlanBuilder;
import io.canary2k8s.plan.PlanOptions;
import io.canary2k8s.plan.Route;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The façade of the translate stage: inventory → plan → sorted Kubernetes objects. */
public final class Translator {
  private Translator() {}

  public static Translation translate(
      Inventory inventory, PlanOptions options, RouteEmitter target, Notes notes) {
    notes.addAll(inventory.notes());
    Plan plan = PlanBuilder.build(inventory, options, notes.scoped("translate/plan"));
    Notifier emit = notes.scoped("translate/" + target.name());
    target.noteTarget(emit);
    List<HasMetadata> objects = new ArrayList<>(EdgeEmitter.emit(plan.edge(), target));
    objects.addAll(target.planObjects(plan, emit));
    // Apps are independent: emitted on every core (the notes collector is thread-safe and
    // sorted; the objects are sorted below), in encounter order either way.
    plan.apps().parallelStream()
        .map(app -> appObjects(app, plan, target, emit))
        .forEachOrdered(objects::addAll);
    objects.sort(ObjectOrder.INSTANCE);
    Set<String> ids = new HashSet<>();
    for (HasMetadata o : objects) {
      String id = o.getApiVersion() + "/" + o.getKind() + "/" + o.getMetadata().getNamespace() + "/" + o.getMetadata().getName();
      if (!ids.add(id)) {
        throw new IllegalStateException("two objects with the same identity: " + id);
      }
    }
    if (plan.apps().isEmpty()) {
      notes.scoped("translate/plan").warn("inventory", "No app found: no classic ELB with an Auto Scaling group behind it.");
    }
    return new Translation(plan, target, objects);
  }

  private static List<HasMetadata> appObjects(App app, Plan plan, RouteEmitter target, Notifier emit) {
    List<HasMetadata> out = new ArrayList<>(WorkloadEmitter.emit(app));
    for (Route r : app.routes()) {
      out.addAll(target.routes(app, r, plan.edge(), emit));
    }
    return out;
  }
}
