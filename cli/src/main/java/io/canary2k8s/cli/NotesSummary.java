package io.canary2k8s.cli;

import io.canary2k8s.notes.Note;
import io.canary2k8s.notes.Severity;
import io.canary2k8s.text.Escape;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The notes on stderr after a run, short enough to read on a terminal: the counts by severity, the
 * first {@value #SHOWN} notes that need a person (errors, action items, then warnings, in the order
 * of REVIEW.md), and how many more there are and where. A 10,000-app run has 17,000 action items:
 * they are in REVIEW.md and notes.json, and {@code --verbose} prints them all.
 */
final class NotesSummary {
  /** Notes listed by default. */
  static final int SHOWN = 10;

  private NotesSummary() {}

  enum Level {
    /** Counts, the first notes that need a person, how many more. */
    SHORT,
    /** Counts and every note. */
    ALL,
    /** The first errors only (--quiet). */
    ERRORS,
    /** Every error only (--quiet --verbose). */
    ALL_ERRORS
  }

  /**
   * @param sorted the run's notes in {@link Note#ORDER}
   * @param where where every note is, e.g. {@code REVIEW.md}, or null when the run writes no report
   */
  static String of(List<Note> sorted, Level level, String where) {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) {
      counts.put(s, 0);
    }
    sorted.forEach(n -> counts.merge(n.severity(), 1, Integer::sum));
    String nl = System.lineSeparator();
    StringBuilder sb = new StringBuilder();
    boolean errorsOnly = level == Level.ERRORS || level == Level.ALL_ERRORS;
    boolean all = level == Level.ALL || level == Level.ALL_ERRORS;
    if (!errorsOnly) {
      sb.append("notes: ")
          .append(count(counts, Severity.ERROR))
          .append(", ")
          .append(count(counts, Severity.ACTION))
          .append(", ")
          .append(count(counts, Severity.WARNING))
          .append(", ")
          .append(count(counts, Severity.INFO))
          .append(nl);
    }
    Map<Severity, Integer> left = new EnumMap<>(Severity.class);
    int listed = 0;
    for (Note n : sorted) {
      boolean wanted =
          errorsOnly ? n.severity() == Severity.ERROR : all || n.severity() != Severity.INFO;
      if (!wanted) {
        continue;
      }
      if (!all && listed == SHOWN) {
        left.merge(n.severity(), 1, Integer::sum);
        continue;
      }
      listed++;
      sb.append("  ")
          .append(n.severity())
          .append(' ')
          // AWS names: nothing in them may drive the terminal
          .append(Escape.terminal(n.subject()))
          .append(": ")
          .append(Escape.terminal(n.message()))
          .append(nl);
    }
    if (!left.isEmpty()) {
      List<String> parts = new ArrayList<>();
      left.forEach((s, c) -> parts.add(count(Map.of(s, c), s)));
      sb.append("  ... and ")
          .append(String.join(", ", parts))
          .append(" more")
          .append(where == null ? "" : " in " + where)
          .append(" (--verbose prints every note)")
          .append(nl);
    }
    return sb.toString();
  }

  /** {@code 3 action items}, {@code 1 warning}, {@code 7 info}. */
  private static String count(Map<Severity, Integer> counts, Severity s) {
    int n = counts.get(s);
    String word =
        switch (s) {
          case ERROR -> "error";
          case ACTION -> "action item";
          case WARNING -> "warning";
          case INFO -> "info";
        };
    return String.format(
        Locale.ROOT, "%,d %s", n, n == 1 || s == Severity.INFO ? word : word + "s");
  }
}
