package io.canary2k8s.translate;

import io.canary2k8s.emit.ObjectOrder;
import io.canary2k8s.emit.RouteEmitter;
import io.canary2k8s.emit.WorkloadEmitter;
import io.canary2k8s.notes.Notifier;
import io.canary2k8s.plan.App;
import io.canary2k8s.plan.Plan;
import io.canary2k8s.plan.Route;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The result of a translation: the plan and its Kubernetes objects. The objects that belong to no
 * single app (the edge, plan-wide objects) are made at once; each app's are made when asked for, so
 * that a bundle streams them to disk app by app instead of holding them all (a 10,000-app estate
 * has over 100,000 objects). Asking again gives equal objects and the same notes (the notes
 * collector keeps a note once).
 */
public final class Translation {
  private final Plan plan;
  private final RouteEmitter target;
  private final List<HasMetadata> shared;
  private final Notifier notes;

  Translation(Plan plan, RouteEmitter target, List<HasMetadata> shared, Notifier notes) {
    this.plan = plan;
    this.target = target;
    this.shared = sorted(shared);
    this.notes = notes;
  }

  public Plan plan() {
    return plan;
  }

  public RouteEmitter target() {
    return target;
  }

  /** The objects of no single app (the edge, plan-wide objects), in {@link ObjectOrder}. */
  public List<HasMetadata> shared() {
    return shared;
  }

  /** The objects of one app of {@link #plan()}, in {@link ObjectOrder}; thread-safe. */
  public List<HasMetadata> appObjects(App app) {
    List<HasMetadata> out = new ArrayList<>(WorkloadEmitter.emit(app));
    for (Route r : app.routes()) {
      out.addAll(target.routes(app, r, plan.edge(), notes));
    }
    return sorted(out);
  }

  /**
   * Every object in {@link ObjectOrder}, made anew on each call, identities checked: what {@code
   * translate} prints. The apps are independent: emitted on every core.
   */
  public List<HasMetadata> objects() {
    List<HasMetadata> objects = new ArrayList<>(shared);
    plan.apps().parallelStream().map(this::appObjects).forEachOrdered(objects::addAll);
    objects.sort(ObjectOrder.INSTANCE);
    Set<String> ids = new HashSet<>();
    for (HasMetadata o : objects) {
      String id =
          o.getApiVersion()
              + "/"
              + o.getKind()
              + "/"
              + o.getMetadata().getNamespace()
              + "/"
              + o.getMetadata().getName();
      if (!ids.add(id)) {
        throw new IllegalStateException("two objects with the same identity: " + id);
      }
    }
    return List.copyOf(objects);
  }

  private static List<HasMetadata> sorted(List<HasMetadata> objects) {
    List<HasMetadata> out = new ArrayList<>(objects);
    out.sort(ObjectOrder.INSTANCE);
    return List.copyOf(out);
  }
}
