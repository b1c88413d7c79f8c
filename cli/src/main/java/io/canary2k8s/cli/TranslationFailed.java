package io.canary2k8s.cli;

/** The translation found errors (or action items under --strict): exit 3, nothing written. */
public final class TranslationFailed extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TranslationFailed(String message) {
    super(message);
  }
}
