package io.canary2k8s.render.diff;

/**
 * The identity of a Kubernetes object: apiVersion, kind, namespace and name. Documents of two
 * bundles are paired by it, never by their position or their file.
 *
 * @param namespace the namespace, or null for a cluster-scoped object
 */
public record ObjectId(String apiVersion, String kind, String namespace, String name)
    implements Comparable<ObjectId> {
  /** Same apiVersion, kind and namespace: could be a rename of each other. */
  public boolean sameSlot(ObjectId o) {
    return apiVersion.equals(o.apiVersion)
        && kind.equals(o.kind)
        && java.util.Objects.equals(namespace, o.namespace);
  }

  /** {@code Kind namespace/name} (or {@code Kind name} when cluster-scoped). */
  public String display() {
    return kind + " " + (namespace == null ? "" : namespace + "/") + name;
  }

  /**
   * By kind, namespace (cluster-scoped first), name, then apiVersion. Written out rather than as a
   * chain of {@code Comparator}s, and a field compared with the very same string (parsed values are
   * shared: {@code BlockReader}) is equal at once: a diff of two large bundles makes millions of
   * comparisons (sorted maps of 100,000 objects).
   */
  @Override
  public int compareTo(ObjectId o) {
    int c = compare(kind, o.kind);
    if (c != 0) {
      return c;
    }
    if (namespace == null || o.namespace == null) {
      c = namespace == null ? (o.namespace == null ? 0 : -1) : 1;
    } else {
      c = compare(namespace, o.namespace);
    }
    if (c != 0) {
      return c;
    }
    c = compare(name, o.name);
    return c != 0 ? c : compare(apiVersion, o.apiVersion);
  }

  private static int compare(String a, String b) {
    return a == b ? 0 : a.compareTo(b);
  }
}
