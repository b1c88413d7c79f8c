package io.canary2k8s.translate;

import io.canary2k8s.emit.EdgeEmitter;
import io.canary2k8s.emit.RouteEmitter;
import io.canary2k8s.inventory.Inventory;
import io.canary2k8s.notes.Notes;
import io.canary2k8s.notes.Notifier;
import io.canary2k8s.plan.Plan;
import io.canary2k8s.plan.PlanBuilder;
import io.canary2k8s.plan.PlanOptions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The façade of the translate stage: inventory → plan → Kubernetes objects. The apps' objects are
 * made when the {@link Translation} is asked for them, and their notes with them.
 */
public final class Translator {
  private Translator() {}

  public static Translation translate(
      Inventory inventory, PlanOptions options, RouteEmitter target, Notes notes) {
    return translate(inventory, options, target, notes, new LongAdder());
  }

  /** {@link #translate}, counting each app of the plan into {@code apps} as it is done. */
  public static Translation translate(
      Inventory inventory, PlanOptions options, RouteEmitter target, Notes notes, LongAdder apps) {
    notes.addAll(inventory.notes());
    Plan plan = PlanBuilder.build(inventory, options, notes.scoped("translate/plan"), apps);
    Notifier emit = notes.scoped("translate/" + target.name());
    target.noteTarget(emit);
    List<HasMetadata> shared = new ArrayList<>(EdgeEmitter.emit(plan.edge(), target));
    shared.addAll(target.planObjects(plan, emit));
    if (plan.apps().isEmpty()) {
      notes
          .scoped("translate/plan")
          .warn("inventory", "No app found: no classic ELB with an Auto Scaling group behind it.");
    }
    return new Translation(plan, target, shared, emit);
  }
}
