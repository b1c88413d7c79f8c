package io.canary2k8s.notes;

import java.util.Comparator;
import java.util.Objects;

/**
 * One user-facing finding: what was lost or assumed, what was done instead, and the AWS item
 * or Kubernetes object it concerns.
 *
 * @param severity how much it matters
 * @param stage the stage and component that noted it, e.g. {@code discover/elb}
 * @param subject the AWS name or ARN, or {@code Kind/namespace/name}
 * @param message one sentence (or two) for a human
 */
public record Note(Severity severity, String stage, String subject, String message) {

  /** Severity, then stage, subject and message: the one order notes are shown in. */
  public static final Comparator<Note> ORDER =
      Comparator.comparing(Note::severity)
          .thenComparing(Note::stage)
          .thenComparing(Note::subject)
          .thenComparing(Note::message);

  public Note {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(message, "message");
  }
}
