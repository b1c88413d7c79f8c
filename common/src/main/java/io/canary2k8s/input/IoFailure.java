package io.canary2k8s.input;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;

/**
 * The file system refused an operation (disk full, permission denied, read-only file system): not
 * bad input, and said so. The CLI prints the message as its one line (exit 2); the message starts
 * with {@code I/O error} and names the path and the system's reason.
 */
public final class IoFailure extends UncheckedIOException {
  private static final long serialVersionUID = 1L;

  /**
   * @param doing what failed, e.g. {@code writing the bundle to out}
   * @param outcome what the user can rely on afterwards, e.g. {@code out is as it was}; or null
   */
  public IoFailure(String doing, IOException cause, String outcome) {
    super(
        "I/O error "
            + doing
            + ": "
            + describe(cause)
            + (outcome == null || outcome.isEmpty() ? "" : "; " + outcome),
        cause);
  }

  /**
   * {@code PATH: REASON} for an exception of {@code java.nio.file} (whose own message is often the
   * bare path, or the class name), else the exception's message: one line.
   */
  public static String describe(IOException e) {
    if (e instanceof FileSystemException f) {
      String reason = reason(f);
      String path = f.getFile();
      String other = f.getOtherFile();
      StringBuilder sb = new StringBuilder();
      if (path != null) {
        sb.append(path);
        if (other != null) {
          sb.append(" -> ").append(other);
        }
        sb.append(": ");
      }
      return oneLine(sb.append(reason).toString());
    }
    String m = e.getMessage();
    return oneLine(m == null || m.isBlank() ? e.getClass().getSimpleName() : m);
  }

  private static String reason(FileSystemException f) {
    if (f.getReason() != null && !f.getReason().isBlank()) {
      return f.getReason();
    }
    if (f instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (f instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (f instanceof FileAlreadyExistsException) {
      return "already exists";
    }
    if (f instanceof DirectoryNotEmptyException) {
      return "directory not empty";
    }
    if (f instanceof NotDirectoryException) {
      return "not a directory";
    }
    if (f instanceof NotLinkException) {
      return "not a symbolic link";
    }
    if (f instanceof FileSystemLoopException) {
      return "a cycle of symbolic links";
    }
    return f.getClass().getSimpleName();
  }

  private static String oneLine(String s) {
    return s.replace('\n', ' ').replace('\r', ' ');
  }
}
