package io.canary2k8s.emit;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The one order of emitted objects: by kind (dependencies first), then namespace, then name.
 * fabric8's own comparator ignores namespaces.
 */
public final class ObjectOrder implements Comparator<HasMetadata> {
  public static final ObjectOrder INSTANCE = new ObjectOrder();

  private static final List<String> RANK =
      List.of(
          "Namespace",
          "ServiceAccount",
          "ClusterRole",
          "ClusterRoleBinding",
          "Role",
          "RoleBinding",
          "ConfigMap",
          "Secret",
          "Service",
          "Deployment",
          "DaemonSet",
          "HorizontalPodAutoscaler",
          "PodDisruptionBudget",
          "Middleware",
          "TraefikService",
          "GatewayClass",
          "Gateway",
          "Ingress",
          "IngressRoute",
          "ReferenceGrant",
          "HTTPRoute");

  private static final Comparator<HasMetadata> ORDER =
      of(HasMetadata::getKind, o -> o.getMetadata().getNamespace(), o -> o.getMetadata().getName());

  private ObjectOrder() {}

  static int rank(String kind) {
    int i = RANK.indexOf(kind);
    return i < 0 ? RANK.size() : i;
  }

  /**
   * The same order over any description of an object (kind, namespace or null, name): what
   * sorts the files of a bundle that is written app by app, without the objects at hand.
   */
  public static <T> Comparator<T> of(
      Function<T, String> kind, Function<T, String> namespace, Function<T, String> name) {
    return Comparator.<T>comparingInt(o -> rank(kind.apply(o)))
        .thenComparing(kind)
        .thenComparing(o -> namespace.apply(o) == null ? "" : namespace.apply(o))
        .thenComparing(name);
  }

  @Override
  public int compare(HasMetadata a, HasMetadata b) {
    return ORDER.compare(a, b);
  }
}
