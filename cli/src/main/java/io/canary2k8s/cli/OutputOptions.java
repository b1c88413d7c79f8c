package io.canary2k8s.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** How much a command says on stderr: progress, the notes summary. */
public final class OutputOptions {
  @Option(
      names = {"-q", "--quiet"},
      description = "Print only errors on stderr: no progress, no summary.")
  boolean quiet;

  @Option(
      names = {"-v", "--verbose"},
      description =
          "Print every note on stderr (default: the counts and the first "
              + NotesSummary.SHOWN
              + " errors, action items and warnings).")
  boolean verbose;

  @Option(
      names = "--progress",
      negatable = true,
      description =
          "Progress of each stage on stderr (default: only when stderr is a terminal and not --quiet).")
  Boolean progress;

  /** The progress line of this run: on when asked, else on a terminal unless quiet. */
  ProgressLine progressLine(PrintWriter err) {
    boolean on = progress != null ? progress : !quiet && ProgressLine.stderrIsTerminal();
    return new ProgressLine(err, on);
  }

  NotesSummary.Level level() {
    if (quiet) {
      return verbose ? NotesSummary.Level.ALL_ERRORS : NotesSummary.Level.ERRORS;
    }
    return verbose ? NotesSummary.Level.ALL : NotesSummary.Level.SHORT;
  }
}
