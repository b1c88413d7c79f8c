package io.canary2k8s.translate;

import io.canary2k8s.emit.RouteEmitter;
import io.canary2k8s.plan.Plan;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/** The result of a translation: the plan and its objects in {@code ObjectOrder}. */
public record Translation(Plan plan, RouteEmitter target, List<HasMetadata> objects) {
  public Translation {
    objects = List.copyOf(objects);
  }
}
