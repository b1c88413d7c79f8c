package io.canary2k8s.cli;

/** A flag with a bad value: exit 2, one line. */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
