package io.canary2k8s.input;

/**
 * Bad input: one line naming the file, the field and the problem. The CLI turns it into exit code 2
 * without a stack trace.
 */
public final class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final String field;

  public InputException(String file, String field, String problem) {
    this(file, field, problem, null);
  }

  public InputException(String file, String field, String problem, Throwable cause) {
    super(format(file, field, problem), cause);
    this.file = file;
    this.field = field;
  }

  public String file() {
    return file;
  }

  public String field() {
    return field;
  }

  private static String format(String file, String field, String problem) {
    StringBuilder sb = new StringBuilder(file);
    if (field != null && !field.isEmpty()) {
      sb.append(": ").append(field);
    }
    return sb.append(": ").append(problem).toString();
  }
}
