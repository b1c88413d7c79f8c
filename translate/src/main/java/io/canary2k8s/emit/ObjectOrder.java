package io.canary2k8s.emit;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Comparator;
import java.util.List;

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

  private ObjectOrder() {}

  static int rank(String kind) {
    int i = RANK.indexOf(kind);
    return i < 0 ? RANK.size() : i;
  }

  @Override
  public int compare(HasMetadata a, HasMetadata b) {
    return Comparator.<HasMetadata>comparingInt(o -> rank(o.getKind()))
        .thenComparing(HasMetadata::getKind)
        .thenComparing(o -> o.getMetadata().getNamespace() == null ? "" : o.getMetadata().getNamespace())
        .thenComparing(o -> o.getMetadata().getName())
        .compare(a, b);
  }
}
