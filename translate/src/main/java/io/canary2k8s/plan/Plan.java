package io.canary2k8s.plan;

import io.canary2k8s.split.WeightBasis;
import java.util.Comparator;
import java.util.List;

/**
 * The neutral intermediate representation between AWS and Kubernetes: what runs, and how traffic
 * reaches it. No AWS SDK and no fabric8 types; every routing dialect is emitted from it.
 *
 * @param basis the weight basis the shares were recovered with
 * @param apps the migrated apps, sorted by name
 * @param edge the edge Traefik that replaces the load balancers
 */
public record Plan(WeightBasis basis, List<App> apps, Edge edge) {
  public Plan {
    apps = apps.stream().sorted(Comparator.comparing(App::name)).toList();
  }
}
