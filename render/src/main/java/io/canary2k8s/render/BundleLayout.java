package io.canary2k8s.render;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Locale;

/**
 * Where each file of a bundle goes (docs/design.md, "Bundle layout"). Paths come only from valid
 * Kubernetes names.
 */
public final class BundleLayout {
  public static final String REVIEW = "REVIEW.md";

  /** The review's other pages: one per app, {@code review/<app>.md}, and the long lists' pages. */
  public static final String REVIEW_DIR = "review";

  public static final String NOTES = "notes.json";
  public static final String INVENTORY = "inventory.json";
  public static final String BASE = "base";
  public static final String OVERLAYS = "overlays";
  public static final String KUSTOMIZATION = "kustomization.yaml";
  public static final String DIFF = "DIFF.md";
  public static final String DIFF_JSON = "diff.json";

  /** The files canary2k8s wrote into the bundle directory ({@link BundleManifest}). */
  public static final String MANIFEST = ".canary2k8s-bundle";

  /** Cluster-scoped objects; not a valid namespace name, so it cannot collide with one. */
  static final String CLUSTER_DIR = "_cluster";

  private BundleLayout() {}

  /** {@code <namespace>/<kind>-<name>.yaml}, relative to base/. */
  public static String objectFile(HasMetadata o) {
    String ns = o.getMetadata().getNamespace();
    return (ns == null ? CLUSTER_DIR : ns)
        + "/"
        + o.getKind().toLowerCase(Locale.ROOT)
        + "-"
        + o.getMetadata().getName()
        + ".yaml";
  }

  public static String overlay(String step) {
    return OVERLAYS + "/" + step + "/" + KUSTOMIZATION;
  }
}
