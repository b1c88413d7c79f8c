package io.canary2k8s.render.diff;

import java.util.Comparator;

/**
 * The identity of a Kubernetes object: apiVersion, kind, namespace and name. Documents of two
 * bundles are paired by it, never by their position or their file.
 *
 * @param namespace the namespace, or null for a cluster-scoped object
 */
public record ObjectId(String apiVersion, String kind, String namespace, String name)
    implements Comparable<ObjectId> {
  private static final Comparator<ObjectId> ORDER =
      Comparator.comparing(ObjectId::kind)
          .thenComparing(ObjectId::namespace, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(ObjectId::name)
          .thenComparing(ObjectId::apiVersion);

  /** Same apiVersion, kind and namespace: could be a rename of each other. */
  public boolean sameSlot(ObjectId o) {
    return apiVersion.equals(o.apiVersion) && kind.equals(o.kind)
        && java.util.Objects.equals(namespace, o.namespace);
  }

  /** {@code Kind namespace/name} (or {@code Kind name} when cluster-scoped). */
  public String display() {
    return kind + " " + (namespace == null ? "" : namespace + "/") + name;
  }

  @Override
  public int compareTo(ObjectId o) {
    return ORDER.compare(this, o);
  }
}
