package io.canary2k8s.render;

import io.canary2k8s.notes.Note;
import io.canary2k8s.plan.Step;
import io.canary2k8s.render.diff.Documents;
import io.canary2k8s.render.dns.EdgeTarget;
import java.util.List;

/**
 * How to render a bundle.
 *
 * @param toolVersion shown in the REVIEW.md header (tests pass a fixed one)
 * @param previous the objects of the previous bundle's {@code base/}: then DIFF.md and diff.json
 *     compare this bundle with it; null for none
 * @param edge where the DNS cutover batches point
 * @param previousNotes the notes of the previous bundle ({@code notes.json}): then DIFF.md lists
 *     the notes that are new, changed or gone; null for none
 */
public record RenderOptions(
    List<Step> steps,
    String toolVersion,
    Documents previous,
    EdgeTarget edge,
    List<Note> previousNotes) {
  public RenderOptions {
    steps = List.copyOf(steps);
    edge = edge == null ? EdgeTarget.UNKNOWN : edge;
    previousNotes = previousNotes == null ? null : List.copyOf(previousNotes);
  }

  public RenderOptions(List<Step> steps, String toolVersion, Documents previous, EdgeTarget edge) {
    this(steps, toolVersion, previous, edge, null);
  }

  public RenderOptions(List<Step> steps, String toolVersion) {
    this(steps, toolVersion, null, EdgeTarget.UNKNOWN);
  }
}
