package io.canary2k8s.notes;

/** Where one component of one stage reports its findings; see {@link Notes#scoped(String)}. */
@FunctionalInterface
public interface Notifier {
  void note(Severity severity, String subject, String message);

  default void error(String subject, String message) {
    note(Severity.ERROR, subject, message);
  }

  default void action(String subject, String message) {
    note(Severity.ACTION, subject, message);
  }

  default void warn(String subject, String message) {
    note(Severity.WARNING, subject, message);
  }

  default void info(String subject, String message) {
    note(Severity.INFO, subject, message);
  }
}
