package io.canary2k8s.render.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.algorithm.DiffAlgorithmListener;
import com.github.difflib.algorithm.myers.MyersDiff;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A unified diff of two texts' lines at a bounded cost. Myers' algorithm costs time in proportion
 * to the lines times the changed lines, and memory in proportion to the square of the changed
 * lines: one added ConfigMap of 150,000 keys took minutes and gigabytes, for a diff no report has
 * room for. So beyond {@value #MAX_CHANGED_LINES} changed lines (lines removed plus lines added,
 * the edit distance) there is no line diff, only a line that says how many lines changed: known at
 * once when only lines were added or only removed (the common prefix and suffix taken off), and
 * otherwise when the algorithm, stopped at that distance, has not finished. Its comparisons of
 * lines are bounded too (lines compared as the same instance, one of each distinct text).
 */
final class LineDiff {
  /** The most changed lines (removed plus added) shown as a line diff. */
  static final int MAX_CHANGED_LINES = 2_000;

  private LineDiff() {}

  /** Thrown from inside the algorithm when a bound is passed. */
  private static final class Stopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Stopped at the bound of changed lines (else at the budget of comparisons). */
    final boolean changedLines;

    Stopped(boolean changedLines) {
      super(null, null, false, false);
      this.changedLines = changedLines;
    }
  }

  /**
   * The unified diff of {@code before} to {@code after} (lines without their ends), headed {@code
   * --- from} and {@code +++ to}, each change with {@code context} lines around it; one line per
   * line of output, joined with newlines and ending with one. Past the bounds, the headers and a
   * {@code #} line that says how many lines changed.
   */
  static String unified(
      String from, String to, List<String> before, List<String> after, int context) {
    long budget = 8L * (before.size() + after.size()) + 4L * MAX_CHANGED_LINES * MAX_CHANGED_LINES;
    return unified(from, to, before, after, context, budget);
  }

  /** {@link #unified(String, String, List, List, int)} with a budget of line comparisons. */
  static String unified(
      String from, String to, List<String> before, List<String> after, int context, long budget) {
    int n = before.size();
    int m = after.size();
    int prefix = 0;
    while (prefix < n && prefix < m && before.get(prefix).equals(after.get(prefix))) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < n - prefix
        && suffix < m - prefix
        && before.get(n - 1 - suffix).equals(after.get(m - 1 - suffix))) {
      suffix++;
    }
    int removed = n - prefix - suffix;
    int added = m - prefix - suffix;
    String head = "--- " + from + "\n+++ " + to + "\n";
    if (removed == 0 || added == 0) {
      if (removed + added > MAX_CHANGED_LINES) {
        String what = added == 0 ? lines(removed) + " removed" : lines(added) + " added";
        return head + "# " + what + ": " + beyond();
      }
    } else if (Math.abs(removed - added) > MAX_CHANGED_LINES) {
      return head + moreThan(prefix, n - suffix, m - suffix);
    }
    Patch<String> patch;
    try {
      patch = bounded(before, after, budget);
    } catch (Stopped e) {
      if (e.changedLines) {
        return head + moreThan(prefix, n - suffix, m - suffix);
      }
      return head
          + "# "
          + range(prefix, n - suffix, m - suffix)
          + " differ too much to compare line by line\n";
    }
    List<String> out = UnifiedDiffUtils.generateUnifiedDiff(from, to, before, patch, context);
    return String.join("\n", out) + "\n";
  }

  /**
   * Myers' diff of the two lists, stopped when the changed lines pass {@link #MAX_CHANGED_LINES} or
   * the line comparisons pass a budget of a few per line plus the square of that bound.
   */
  private static Patch<String> bounded(List<String> before, List<String> after, long budget) {
    Map<String, String> one = new HashMap<>();
    List<String> a = canonical(before, one);
    List<String> b = canonical(after, one);
    long[] compared = {0};
    MyersDiff<String> myers =
        new MyersDiff<>(
            (x, y) -> {
              if (++compared[0] > budget) {
                throw new Stopped(false);
              }
              return x == y; // one instance per distinct text
            });
    DiffAlgorithmListener limit =
        new DiffAlgorithmListener() {
          @Override
          public void diffStart() {}

          @Override
          public void diffStep(int changed, int max) {
            if (changed > MAX_CHANGED_LINES) {
              throw new Stopped(true);
            }
          }

          @Override
          public void diffEnd() {}
        };
    return DiffUtils.diff(a, b, myers, limit);
  }

  private static List<String> canonical(List<String> lines, Map<String, String> one) {
    List<String> out = new ArrayList<>(lines.size());
    for (String l : lines) {
      out.add(one.computeIfAbsent(l, k -> k));
    }
    return out;
  }

  private static String moreThan(int from, int beforeEnd, int afterEnd) {
    return "# more than "
        + lines(MAX_CHANGED_LINES)
        + " changed (in "
        + range(from, beforeEnd, afterEnd)
        + "): "
        + beyond();
  }

  private static String beyond() {
    return "no line diff beyond " + lines(MAX_CHANGED_LINES) + " changed\n";
  }

  private static String range(int from, int beforeEnd, int afterEnd) {
    return "lines "
        + String.format(Locale.ROOT, "%,d", from + 1)
        + "-"
        + String.format(Locale.ROOT, "%,d", beforeEnd)
        + " before and "
        + String.format(Locale.ROOT, "%,d", from + 1)
        + "-"
        + String.format(Locale.ROOT, "%,d", afterEnd)
        + " after";
  }

  private static String lines(int count) {
    return String.format(Locale.ROOT, "%,d", count) + (count == 1 ? " line" : " lines");
  }
}
