package io.canary2k8s.cli;

/** The exit codes of every command (docs/design.md, "Exit codes"). */
public final class ExitCodes {
  public static final int OK = 0;

  /** {@code diff} found changes. */
  public static final int CHANGES = 1;

  /** Bad usage or bad input: one line naming the file and the field. */
  public static final int BAD_INPUT = 2;

  /**
   * A file could not be read or written (disk full, permission denied, read-only file system): the
   * code of bad input, since the exit codes are 0 to 4, with a line that says {@code I/O error} and
   * names the path and the system's reason; what was being written is as it was.
   */
  public static final int IO_FAILED = BAD_INPUT;

  /** The translation found errors (or, with --strict, action items); nothing written. */
  public static final int TRANSLATION_ERRORS = 3;

  /** AWS access failed. */
  public static final int AWS_FAILED = 4;

  /** A bug in canary2k8s. */
  public static final int INTERNAL = 70;

  private ExitCodes() {}
}
