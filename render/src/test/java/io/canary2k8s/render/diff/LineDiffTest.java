package io.canary2k8s.render.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import io.canary2k8s.testing.Seeded;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The bounded line diff: within its bounds exactly the unified diff of java-diff-utils' Myers (what
 * the reports showed before it was bounded); beyond them a line that says how many lines changed.
 */
class LineDiffTest {
  static String plain(List<String> a, List<String> b) {
    return String.join(
            "\n",
            UnifiedDiffUtils.generateUnifiedDiff("before", "after", a, DiffUtils.diff(a, b), 3))
        + "\n";
  }

  static List<String> lines(String prefix, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(prefix + i);
    }
    return out;
  }

  @Test
  void withinTheBoundsItIsMyersUnifiedDiff() {
    Seeded.forAll(
        "bounded line diff",
        300,
        rnd -> {
          List<String> a = someLines(rnd);
          List<String> b = edit(a, rnd);
          assertThat(LineDiff.unified("before", "after", a, b, 3)).isEqualTo(plain(a, b));
        });
  }

  static List<String> someLines(Random rnd) {
    List<String> out = new ArrayList<>();
    // few distinct texts: repeated lines, where the choice of alignment matters
    for (int i = 0, n = rnd.nextInt(60); i < n; i++) {
      out.add("k" + rnd.nextInt(1 + rnd.nextInt(8)) + ": v");
    }
    return out;
  }

  static List<String> edit(List<String> a, Random rnd) {
    List<String> b = new ArrayList<>(a);
    for (int i = 0, n = rnd.nextInt(8); i < n; i++) {
      int at = b.isEmpty() ? 0 : rnd.nextInt(b.size());
      switch (rnd.nextInt(3)) {
        case 0 -> b.add(at, "new " + rnd.nextInt(5));
        case 1 -> {
          if (!b.isEmpty()) {
            b.remove(at);
          }
        }
        default -> {
          if (!b.isEmpty()) {
            b.set(at, "changed " + rnd.nextInt(5));
          }
        }
      }
    }
    return b;
  }

  @Test
  void atTheBoundTheLinesAreShown() {
    List<String> added = lines("line ", LineDiff.MAX_CHANGED_LINES);
    assertThat(LineDiff.unified("/dev/null", "after", List.of(), added, 3))
        .isEqualTo(plain(List.of(), added).replace("--- before", "--- /dev/null"));
    List<String> a = lines("a", 1_000);
    List<String> b = lines("b", 1_000);
    assertThat(LineDiff.unified("before", "after", a, b, 3)).isEqualTo(plain(a, b));
  }

  @Test
  void beyondTheBoundOnlyTheCountOfChangedLines() {
    List<String> big = lines("key-", 150_001);
    assertThat(LineDiff.unified("/dev/null", "after: ConfigMap ns/big", List.of(), big, 3))
        .isEqualTo(
            "--- /dev/null\n+++ after: ConfigMap ns/big\n"
                + "# 150,001 lines added: no line diff beyond 2,000 lines changed\n");
    assertThat(LineDiff.unified("before: x", "/dev/null", big, List.of(), 3))
        .isEqualTo(
            "--- before: x\n+++ /dev/null\n"
                + "# 150,001 lines removed: no line diff beyond 2,000 lines changed\n");
    // the same head and tail, lines added in between
    List<String> more = new ArrayList<>(big);
    more.addAll(75_000, lines("new-", 2_001));
    assertThat(LineDiff.unified("before: x", "after: x", big, more, 3))
        .isEqualTo(
            "--- before: x\n+++ after: x\n"
                + "# 2,001 lines added: no line diff beyond 2,000 lines changed\n");
    // every value changed: found past the bound by the algorithm itself
    List<String> changed = lines("key-", 150_001);
    changed.replaceAll(l -> l + ": changed");
    changed.set(0, "key-0");
    changed.set(150_000, "key-150000");
    assertThat(LineDiff.unified("before: x", "after: x", big, changed, 3))
        .isEqualTo(
            "--- before: x\n+++ after: x\n"
                + "# more than 2,000 lines changed (in lines 2-150,000 before and 2-150,000 after):"
                + " no line diff beyond 2,000 lines changed\n");
    // and when the two sides' lengths alone say so
    List<String> shorter = new ArrayList<>(changed.subList(0, 100_000));
    shorter.add("key-150000");
    assertThat(LineDiff.unified("before: x", "after: x", big, shorter, 3))
        .startsWith(
            "--- before: x\n+++ after: x\n# more than 2,000 lines changed (in lines 2-150,000 before and 2-100,000 after)");
  }

  @Test
  void twoChangesFarApartInALargeTextAreShown() {
    List<String> a = lines("key-", 150_000);
    List<String> b = new ArrayList<>(a);
    b.set(10, "key-10: changed");
    b.set(149_990, "key-149990: changed");
    String d = LineDiff.unified("before", "after", a, b, 3);
    assertThat(d).isEqualTo(plain(a, b));
    assertThat(d.lines()).hasSize(2 + 2 * (1 + 3 + 2 + 3));
  }

  @Test
  void alignmentsTooCostlyToSearchAreNotSearched() {
    // one text repeated, a line of another every 150: 2,000 lines changed; with a budget of
    // comparisons smaller than the search takes
    List<String> a = new ArrayList<>(Collections.nCopies(150_000, "- x"));
    List<String> b = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      b.addAll(Collections.nCopies(149, "- x"));
      b.add("- y");
    }
    assertThat(LineDiff.unified("before: x", "after: x", a, b, 3))
        .startsWith("--- before: x\n+++ after: x\n@@ -147,6 +147,7 @@\n");
    assertThat(LineDiff.unified("before: x", "after: x", a, b, 3, 1_000_000))
        .isEqualTo(
            "--- before: x\n+++ after: x\n"
                + "# lines 150-150,000 before and 150-150,000 after differ too much to compare"
                + " line by line\n");
  }
}
