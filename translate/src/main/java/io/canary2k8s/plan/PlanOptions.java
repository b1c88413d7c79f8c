package io.canary2k8s.plan;

import io.canary2k8s.config.Config;
import io.canary2k8s.split.WeightBasis;

/**
 * What the user chose for a translation.
 *
 * @param edgeImage the default Traefik image for the chosen target (config may override it)
 * @param edgeHostNetwork run the edge pods in the nodes' network namespace ({@code
 *     --edge-host-network}); an exception to Pod Security Standard restricted, only when asked
 */
public record PlanOptions(
    WeightBasis basis, Config config, String edgeImage, boolean edgeHostNetwork) {
  public PlanOptions(WeightBasis basis, Config config, String edgeImage) {
    this(basis, config, edgeImage, false);
  }
}
