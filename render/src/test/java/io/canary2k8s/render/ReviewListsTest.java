package io.canary2k8s.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ReviewListsTest {
  private static final String HEADER = "| Subject | Note |\n|---|---|";

  private static List<ReviewLists.Row> rows(String prefix, int n, int width) {
    List<ReviewLists.Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String subject = Md.code(prefix + "-" + i);
      rows.add(new ReviewLists.Row(subject, "| " + subject + " | " + "é→".repeat(width) + " |"));
    }
    return rows;
  }

  @Test
  void aShortListStaysInTheIndex() {
    Map<String, String> pages = new TreeMap<>();
    String md =
        ReviewLists.place(
            "notes",
            "Notes",
            null,
            List.of(
                new ReviewLists.Section("Warnings (3)", HEADER, rows("w", 3, 2)),
                new ReviewLists.Section("Information (0)", HEADER, List.of())),
            3,
            64 * 1024,
            pages::put);
    assertThat(pages).isEmpty();
    assertThat(md)
        .startsWith("### Warnings (3)\n\n| Subject | Note |\n|---|---|\n| `w-0` |")
        .contains("### Information (0)\n\nNone.\n");
  }

  /**
   * A long list goes on pages, each under the limit in UTF-8 bytes, every row once and in order; a
   * section that goes on past a page starts the next one again with its heading and header, and the
   * index links every page with its first and last row.
   */
  @Test
  void aLongListGoesOnPagesUnderTheLimit() {
    Map<String, String> pages = new TreeMap<>();
    List<ReviewLists.Row> warnings = rows("w", 3_000, 60);
    List<ReviewLists.Row> info = rows("i", 5_000, 40);
    String md =
        ReviewLists.place(
            "notes",
            "Notes",
            null,
            List.of(
                new ReviewLists.Section("Warnings (3000)", HEADER, warnings),
                new ReviewLists.Section("Information (5000)", HEADER, info)),
            3,
            64 * 1024,
            pages::put);
    assertThat(pages.size()).isGreaterThan(3);
    List<String> seen = new ArrayList<>();
    for (int p = 1; p <= pages.size(); p++) {
      String page = pages.get("review/_notes-" + p + ".md");
      assertThat(page).as("page %d", p).isNotNull();
      assertThat(page.getBytes(StandardCharsets.UTF_8).length)
          .as("page %d", p)
          .isLessThanOrEqualTo(ReviewLists.PAGE_BYTES);
      assertThat(page).startsWith("# Notes, page " + p + " of " + pages.size() + "\n");
      assertThat(md).contains("- [`review/_notes-" + p + ".md`](review/_notes-" + p + ".md): `");
      String heading = null;
      for (String line : page.split("\n")) {
        if (line.startsWith("## ")) {
          heading = line;
        } else if (line.startsWith("| `")) {
          assertThat(heading).isNotNull();
          seen.add(line);
        }
      }
    }
    List<String> all = new ArrayList<>();
    warnings.forEach(r -> all.add(r.line()));
    info.forEach(r -> all.add(r.line()));
    assertThat(seen).isEqualTo(all);
    assertThat(String.join("", pages.values())).contains("## Information (5000) (continued)");
    assertThat(md).startsWith("Notes: 8,000 on " + pages.size() + " pages");
  }

  @Test
  void rowsOnAPageLinkFromThere() {
    Map<String, String> pages = new TreeMap<>();
    List<ReviewLists.Row> rows = new ArrayList<>();
    for (int i = 0; i < 4_000; i++) {
      rows.add(
          new ReviewLists.Row(
              "`a" + i + "`",
              "| [`a" + i + "`](review/a" + i + ".md) | " + "x".repeat(80) + " |",
              "| [`a" + i + "`](a" + i + ".md) | " + "x".repeat(80) + " |"));
    }
    ReviewLists.place(
        "apps",
        "Apps",
        null,
        List.of(new ReviewLists.Section(null, HEADER, rows)),
        3,
        1024,
        pages::put);
    assertThat(pages.get("review/_apps-1.md"))
        .contains("| [`a0`](a0.md) |")
        .doesNotContain("(review/");
  }
}
