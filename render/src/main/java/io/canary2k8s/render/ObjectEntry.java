package io.canary2k8s.render;

import io.canary2k8s.emit.Labels;
import io.canary2k8s.emit.ObjectOrder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Comparator;

/**
 * What a bundle keeps of an object once its file is written: enough to list it in the base
 * kustomization and in the review's mapping table, in {@link ObjectOrder}.
 *
 * @param source the object's {@link Labels#SOURCE} annotation, or null
 * @param file its path under {@code base/}
 */
record ObjectEntry(String kind, String namespace, String name, String source, String file) {
  static final Comparator<ObjectEntry> ORDER =
      ObjectOrder.of(ObjectEntry::kind, ObjectEntry::namespace, ObjectEntry::name);

  static ObjectEntry of(HasMetadata o) {
    var annotations = o.getMetadata().getAnnotations();
    return new ObjectEntry(
        o.getKind(),
        o.getMetadata().getNamespace(),
        o.getMetadata().getName(),
        annotations == null ? null : annotations.get(Labels.SOURCE),
        BundleLayout.objectFile(o));
  }
}
