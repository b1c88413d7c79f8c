package io.canary2k8s.render.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One ConfigMap of 150,000 short keys, added and changed: the report says how many lines changed
 * instead of a line diff, and stays within its budget with the object's entry in it.
 */
class LargeObjectDiffTest {
  static final String SMALL =
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: small\n  namespace: ns\ndata:\n  a: b\n";

  static String big(String value) {
    return big(value, 150_000);
  }

  static String big(String value, int keys) {
    StringBuilder sb =
        new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\n");
    sb.append("  namespace: ns\ndata:\n");
    for (int i = 0; i < keys; i++) {
      sb.append(String.format(Locale.ROOT, "  k%05d: %s\n", i, value));
    }
    return sb.toString();
  }

  @Test
  void anAddedObjectOfOneHundredAndFiftyThousandLines() {
    Documents before = Documents.parse(Map.of("small.yaml", SMALL));
    Documents after = Documents.parse(Map.of("small.yaml", SMALL, "big.yaml", big("v")));

    DiffReport report = Differ.diff(before, after, "before", "after");

    assertThat(report.changes()).hasSize(1);
    assertThat(report.changes().get(0).diff())
        .isEqualTo(
            "--- /dev/null\n+++ after: ConfigMap ns/big\n"
                + "# 150,006 lines added: no line diff beyond 2,000 lines changed\n");
    String md = DiffMarkdown.render(report, DiffMarkdown.DEFAULT_MAX_CHARS, "the JSON");
    assertThat(md)
        .contains("# 150,006 lines added: no line diff beyond 2,000 lines changed")
        .doesNotContain("left out");
  }

  @Test
  void everyValueOfALargeOneChanged() {
    Documents before = Documents.parse(Map.of("small.yaml", SMALL, "big.yaml", big("v", 20_000)));
    Documents after = Documents.parse(Map.of("small.yaml", SMALL, "big.yaml", big("w", 20_000)));

    DiffReport report = Differ.diff(before, after, "before", "after");

    assertThat(report.changes()).hasSize(1);
    assertThat(report.changes().get(0).changedPaths()).hasSize(20_000);
    assertThat(report.changes().get(0).diff())
        .isEqualTo(
            "--- before: ConfigMap ns/big\n+++ after: ConfigMap ns/big\n"
                + "# more than 2,000 lines changed (in lines 7-20,006 before and 7-20,006"
                + " after): no line diff beyond 2,000 lines changed\n");
    assertThat(DiffMarkdown.render(report, DiffMarkdown.DEFAULT_MAX_CHARS, "the JSON"))
        .contains("# more than 2,000 lines changed")
        .contains("20000 fields");
  }
}
