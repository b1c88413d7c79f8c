package io.canary2k8s.emit;

import static org.assertj.core.api.Assertions.assertThat;

import io.canary2k8s.testing.Seeded;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one order of emitted objects. */
class ObjectOrderTest {
  /**
   * The reference: composed from key extractors (rank of the kind, kind, namespace, none first,
   * name).
   */
  private static final Comparator<HasMetadata> REFERENCE =
      Comparator.<HasMetadata>comparingInt(o -> ObjectOrder.rank(o.getKind()))
          .thenComparing(HasMetadata::getKind)
          .thenComparing(
              o -> o.getMetadata().getNamespace() == null ? "" : o.getMetadata().getNamespace())
          .thenComparing(o -> o.getMetadata().getName());

  private static HasMetadata object(Random r) {
    String[] kinds = {
      "Namespace", "Service", "Deployment", "IngressRoute", "HTTPRoute", "Zebra", "Apple"
    };
    String[] names = {"a", "b", "web", "web-canary", "", "z"};
    GenericKubernetesResource o = new GenericKubernetesResource();
    o.setKind(new String(kinds[r.nextInt(kinds.length)])); // equal kinds that are not one instance
    ObjectMeta m = new ObjectMeta();
    m.setName(names[r.nextInt(names.length)]);
    m.setNamespace(r.nextInt(3) == 0 ? null : names[r.nextInt(names.length)]);
    o.setMetadata(m);
    return o;
  }

  @Test
  void ordersAsTheComposedComparator() {
    Seeded.forAll(
        "object order = reference",
        200,
        r -> {
          List<HasMetadata> objects = new ArrayList<>();
          for (int i = 0; i < 50; i++) {
            objects.add(object(r));
          }
          objects.add(new ConfigMap());
          objects.get(objects.size() - 1).setMetadata(new ObjectMeta());
          objects.get(objects.size() - 1).getMetadata().setName("cm");
          for (HasMetadata a : objects) {
            for (HasMetadata b : objects) {
              assertThat(Integer.signum(ObjectOrder.INSTANCE.compare(a, b)))
                  .isEqualTo(Integer.signum(REFERENCE.compare(a, b)));
            }
          }
        });
  }

  @Test
  void dependenciesComeFirst() {
    assertThat(ObjectOrder.rank("Namespace")).isLessThan(ObjectOrder.rank("Deployment"));
    assertThat(ObjectOrder.rank("Unknown")).isGreaterThan(ObjectOrder.rank("HTTPRoute"));
  }
}
