package io.canary2k8s.emit;

import io.canary2k8s.notes.Notifier;
import io.canary2k8s.plan.App;
import io.canary2k8s.plan.Edge;
import io.canary2k8s.plan.Plan;
import io.canary2k8s.plan.Route;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.util.List;

/**
 * One routing dialect (a {@code --target}): how a {@link Route} becomes routing objects, how a
 * canary step patches their weights, and what the edge Traefik of that version needs.
 */
public interface RouteEmitter {
  /** The {@code --target} name. */
  String name();

  /** The Traefik image the edge runs when the config names none. */
  String defaultEdgeImage();

  /** Notes that hold for every bundle of this target. */
  void noteTarget(Notifier notes);

  /** The routing objects of one route. */
  List<HasMetadata> routes(App app, Route route, Edge edge, Notifier notes);

  /**
   * Patches that give {@code route} the weights of {@code atStep} (same route, other backends);
   * {@code notes} hears of any weight the dialect can only approximate.
   */
  List<WeightPatch> weightPatches(App app, Route atStep, Edge edge, Notifier notes);

  /**
   * The weights of a route as this dialect writes them, one per backend, e.g. {@code 9} or {@code
   * 90.000%}.
   */
  List<String> weights(Route route);

  /** The object that carries a route's weights, as {@code Kind namespace/name}, for REVIEW.md. */
  String weightedObject(App app, Route route);

  /** How HTTP is redirected to HTTPS in this dialect, for REVIEW.md ("at the ... entry point"). */
  String redirectForm(Edge edge);

  /** The rules of the edge's ClusterRole: exactly what this Traefik version reads. */
  List<PolicyRule> clusterRoleRules();

  /** File name of the static configuration in the ConfigMap. */
  String staticConfigFile();

  /** The static configuration: entry points, redirect, provider. */
  String staticConfig(Edge edge);

  /**
   * Whether this dialect serves TCP routes: the edge then listens on the entry points of the TCP
   * routes' ports (container and Service ports), and {@link #routes} emits their objects.
   */
  default boolean servesTcp() {
    return true;
  }

  /** Objects that depend on the whole plan (e.g. a Gateway listing every host); usually none. */
  default List<HasMetadata> planObjects(Plan plan, Notifier notes) {
    return List.of();
  }

  /** Cluster-wide objects this target adds (e.g. an IngressClass); usually none. */
  default List<HasMetadata> extraEdgeObjects(Edge edge) {
    return List.of();
  }
}
