package io.canary2k8s.discover.live;

/**
 * A mutating AWS operation was about to be sent. Thrown by {@link ReadOnlyInterceptor} before
 * anything leaves the process; it means a bug in this tool, never an AWS problem.
 */
public final class ReadOnlyViolationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ReadOnlyViolationException(String action) {
    super("refused " + action + ": canary2k8s only reads from AWS (Describe*, List*, Get*)");
  }
}
