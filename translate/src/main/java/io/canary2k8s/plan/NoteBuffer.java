package io.canary2k8s.plan;

import io.canary2k8s.notes.Notifier;
import io.canary2k8s.notes.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * The notes of one piece of work done on another core, kept in the order made, to be passed on in
 * work order.
 */
final class NoteBuffer implements Notifier {
  private record Kept(Severity severity, String subject, String message) {}

  private final List<Kept> kept = new ArrayList<>();

  @Override
  public void note(Severity severity, String subject, String message) {
    kept.add(new Kept(severity, subject, message));
  }

  /** Passes every note on to {@code to}, in the order they were made. */
  void replay(Notifier to) {
    kept.forEach(k -> to.note(k.severity(), k.subject(), k.message()));
  }
}
