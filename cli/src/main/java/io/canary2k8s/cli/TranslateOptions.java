package io.canary2k8s.cli;

import io.canary2k8s.config.Config;
import io.canary2k8s.emit.RouteEmitter;
import io.canary2k8s.emit.RouteEmitters;
import io.canary2k8s.plan.PlanOptions;
import io.canary2k8s.split.WeightBasis;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Flags of translate, render and migrate. */
public final class TranslateOptions {
  @Option(
      names = "--target",
      defaultValue = "traefik-v3",
      paramLabel = "TARGET",
      description =
          "Routing dialect: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). traefik-v1 runs only on Kubernetes <= 1.21.",
      completionCandidates = Targets.class)
  String target;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Optional overrides (canary2k8s.yaml): images, resources, the edge.")
  Path config;

  @Option(
      names = "--weight-basis",
      defaultValue = "desired",
      paramLabel = "BASIS",
      description =
          "Count instances by desired capacity or in-service instances: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      completionCandidates = Bases.class)
  String weightBasis;

  @Option(
      names = "--edge-host-network",
      description =
          "Run the edge Traefik pods in the nodes' network namespace (hostNetwork). Off by default: it"
              + " needs Pod Security Standard privileged in the edge namespace; REVIEW.md says why it was used.")
  boolean edgeHostNetwork;

  /** The completion candidates of --target. */
  static final class Targets extends java.util.ArrayList<String> {
    private static final long serialVersionUID = 1L;

    Targets() {
      super(RouteEmitters.names());
    }
  }

  /** The completion candidates of --weight-basis. */
  static final class Bases extends java.util.ArrayList<String> {
    private static final long serialVersionUID = 1L;

    Bases() {
      super(java.util.Arrays.stream(WeightBasis.values()).map(WeightBasis::flag).toList());
    }
  }

  RouteEmitter emitter() {
    try {
      return RouteEmitters.byName(target);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--target: " + e.getMessage());
    }
  }

  PlanOptions planOptions() {
    WeightBasis basis;
    try {
      basis = WeightBasis.fromFlag(weightBasis);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--weight-basis: " + e.getMessage());
    }
    Config cfg = config == null ? Config.EMPTY : Config.read(config);
    return new PlanOptions(basis, cfg, emitter().defaultEdgeImage(), edgeHostNetwork);
  }
}
