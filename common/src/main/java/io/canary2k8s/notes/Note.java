package io.canary2k8s.notes;

import java.util.Comparator;
import java.util.Objects;

/**
 * One user-facing finding: what was lost or assumed, what was done instead, and the AWS item or
 * Kubernetes object it concerns.
 *
 * @param severity how much it matters
 * @param stage the stage and component that noted it, e.g. {@code discover/elb}
 * @param subject the AWS name or ARN, or {@code Kind/namespace/name}
 * @param message one sentence (or two) for a human
 */
public record Note(Severity severity, String stage, String subject, String message) {

  /**
   * Severity, then stage, subject and message: the one order notes are shown in. Written out rather
   * than composed from key extractors (a composed chain goes through a lambda per key at every
   * comparison, and the collector compares each of a large estate's 80,000 notes about seventeen
   * times), and a text compared with itself is equal at once (the stage of a notifier's notes is
   * one instance). {@code NotesTest} holds it to the composed order; {@code StagesBench.translate}
   * guards its cost (docs/design.md, "Performance: fast paths and their contracts").
   */
  public static final Comparator<Note> ORDER = Note::compare;

  private static int compare(Note a, Note b) {
    int c = a.severity.compareTo(b.severity);
    if (c == 0) {
      c = compare(a.stage, b.stage);
    }
    if (c == 0) {
      c = compare(a.subject, b.subject);
    }
    if (c == 0) {
      c = compare(a.message, b.message);
    }
    return c;
  }

  private static int compare(String a, String b) {
    return a == b ? 0 : a.compareTo(b);
  }

  public Note {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(message, "message");
  }
}
