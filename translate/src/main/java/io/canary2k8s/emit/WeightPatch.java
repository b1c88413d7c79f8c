package io.canary2k8s.emit;

import java.util.List;

/**
 * A JSON 6902 patch of one routing object, setting the weights of one canary step. Render writes it
 * into the step's overlay.
 */
public record WeightPatch(
    String group, String version, String kind, String namespace, String name, List<Op> ops) {
  public WeightPatch {
    ops = List.copyOf(ops);
  }

  /** One JSON patch operation. */
  public record Op(String op, String path, Object value) {}
}
