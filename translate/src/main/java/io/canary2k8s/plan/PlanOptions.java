package io.canary2k8s.plan;

import io.canary2k8s.config.Config;
import io.canary2k8s.split.WeightBasis;

/**
 * What the user chose for a translation.
 *
 * @param edgeImage the default Traefik image for the chosen target (config may override it)
 */
public record PlanOptions(WeightBasis basis, Config config, String edgeImage) {}
