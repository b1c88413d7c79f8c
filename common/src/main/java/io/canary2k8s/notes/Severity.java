package io.canary2k8s.notes;

/** How much a note matters to the person reviewing the bundle, most severe first. */
public enum Severity {
  /** The output would be wrong; nothing is written unless the user allows errors. */
  ERROR,
  /** The bundle is usable only after a person does something (an image to set, a certificate). */
  ACTION,
  /** The output is incomplete or approximated; read before applying. */
  WARNING,
  /** For information: an assumption that held, a default that was taken. */
  INFO
}
