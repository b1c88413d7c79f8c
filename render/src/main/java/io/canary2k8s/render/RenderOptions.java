package io.canary2k8s.render;

import io.canary2k8s.plan.Step;
import java.util.List;

/**
 * How to render a bundle.
 *
 * @param toolVersion shown in the REVIEW.md header (tests pass a fixed one)
 */
public record RenderOptions(List<Step> steps, String toolVersion) {
  public RenderOptions {
    steps = List.copyOf(steps);
  }
}
