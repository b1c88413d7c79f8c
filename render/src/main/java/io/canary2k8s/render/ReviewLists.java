package io.canary2k8s.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The review's lists that grow with the estate (the apps, the errors and action items, the notes):
 * in {@code REVIEW.md} itself while they are short, else on pages of their own, {@code
 * review/_<list>-<n>.md}, each under {@link #PAGE_BYTES}, that the index links to. GitHub does not
 * render a Markdown file over 512 KiB; a page of a few thousand rows also loads fast. (The names of
 * the pages start with {@code _}, which no app's page can: app names are DNS labels.)
 */
final class ReviewLists {
  /** The most a page of a list holds, in UTF-8 bytes (with its title and links). */
  static final int PAGE_BYTES = 256 * 1024;

  /** Room for a page's title, links and table header, taken off {@link #PAGE_BYTES}. */
  private static final int PAGE_OVERHEAD = 2 * 1024;

  private ReviewLists() {}

  /**
   * A row of a list: its Markdown line, and how the index names it where a page starts or ends (a
   * name as a code span); {@code pageLine}: the line on a page under {@code review/}, where a link
   * relative to the index is not (null: the same line).
   */
  record Row(String label, String line, String pageLine) {
    Row(String label, String line) {
      this(label, line, null);
    }

    String onPage() {
      return pageLine == null ? line : pageLine;
    }
  }

  /**
   * A part of a list under a heading (none where null): a table ({@code header}: its two header
   * lines) or a bullet list ({@code header} empty); with no rows it reads {@code None.}
   */
  record Section(String heading, String header, List<Row> rows) {
    Section {
      rows = List.copyOf(rows);
    }
  }

  /**
   * {@code sections} for the index: their Markdown, headings at {@code level}, when within {@code
   * inlineBytes}; else the pages {@code review/_<name>-<n>.md} are given to {@code pages} (path,
   * text) and the index gets a list of links to them, first to last row of each.
   *
   * @param title the list's title on its pages, e.g. {@code Notes}
   * @param pagedHeading the heading over the links to the pages (Markdown, null for none)
   */
  static String place(
      String name,
      String title,
      String pagedHeading,
      List<Section> sections,
      int level,
      int inlineBytes,
      BiConsumer<String, String> pages) {
    long size = 0;
    for (Section s : sections) {
      size += (s.heading() == null ? 0 : bytes(s.heading())) + bytes(s.header()) + 16;
      for (Row r : s.rows()) {
        size += bytes(r.line()) + 1;
      }
    }
    if (size <= inlineBytes) {
      StringBuilder sb = new StringBuilder((int) size + 64);
      for (Section s : sections) {
        section(sb, level, s.heading(), s.header(), s.rows(), false);
      }
      return sb.toString();
    }
    List<Page> split = paginate(sections);
    StringBuilder links = new StringBuilder();
    for (int i = 0; i < split.size(); i++) {
      Page p = split.get(i);
      String file = file(name, i + 1);
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("title", title);
      model.put("page", i + 1);
      model.put("pages", split.size());
      if (i > 0) {
        model.put("previous", file(name, i).substring(BundleLayout.REVIEW_DIR.length() + 1));
      }
      if (i + 1 < split.size()) {
        model.put("next", file(name, i + 2).substring(BundleLayout.REVIEW_DIR.length() + 1));
      }
      model.put("body", p.text());
      pages.accept(file, Review.render("review-list.md.ftl", model));
      links
          .append("- [`")
          .append(file)
          .append("`](")
          .append(file)
          .append("): ")
          .append(p.first() == null ? "" : p.first().label())
          .append(p.first() == p.last() ? "" : " to " + p.last().label())
          .append('\n');
    }
    return (pagedHeading == null ? "" : pagedHeading + "\n\n")
        + title
        + ": "
        + String.format(java.util.Locale.ROOT, "%,d", count(sections))
        + " on "
        + split.size()
        + " pages (too many to show here).\n\n"
        + links
        + "\n";
  }

  private static long count(List<Section> sections) {
    return sections.stream().mapToLong(s -> s.rows().size()).sum();
  }

  static String file(String name, int page) {
    return BundleLayout.REVIEW_DIR + "/_" + name + "-" + page + ".md";
  }

  /** A page's Markdown (its sections), and its first and last rows. */
  private record Page(String text, Row first, Row last) {}

  /**
   * The sections in pages of at most {@link #PAGE_BYTES}: a section that goes on past a page's end
   * starts the next page again with its heading (continued) and header. A row longer than a page
   * has a page to itself.
   */
  private static List<Page> paginate(List<Section> sections) {
    List<Page> pages = new ArrayList<>();
    int budget = PAGE_BYTES - PAGE_OVERHEAD;
    StringBuilder page = new StringBuilder(budget + 1024);
    int used = 0;
    Row first = null;
    Row last = null;
    for (Section s : sections) {
      List<Row> rows = s.rows();
      int from = 0;
      boolean continued = false;
      while (true) {
        String heading =
            s.heading() == null || !continued ? s.heading() : s.heading() + " (continued)";
        int size = (heading == null ? 0 : bytes(heading)) + bytes(s.header()) + 16;
        int to = from;
        while (to < rows.size()) {
          int row = bytes(rows.get(to).onPage()) + 1;
          if (to > from && used + size + row > budget) {
            break;
          }
          size += row;
          to++;
        }
        if (used > 0 && used + size > budget) {
          pages.add(new Page(page.toString(), first, last));
          page.setLength(0);
          used = 0;
          first = null;
          last = null;
          continue; // the same rows, on a page of their own
        }
        section(page, 2, heading, s.header(), rows.subList(from, to), true);
        used += size;
        if (to > from) {
          first = first == null ? rows.get(from) : first;
          last = rows.get(to - 1);
        }
        from = to;
        continued = true;
        if (from >= rows.size()) {
          break;
        }
      }
    }
    if (used > 0) {
      pages.add(new Page(page.toString(), first, last));
    }
    return pages;
  }

  private static void section(
      StringBuilder sb, int level, String heading, String header, List<Row> rows, boolean page) {
    if (heading != null) {
      sb.append("#".repeat(level)).append(' ').append(heading).append("\n\n");
    }
    if (rows.isEmpty()) {
      sb.append("None.\n\n");
      return;
    }
    if (!header.isEmpty()) {
      sb.append(header).append('\n');
    }
    for (Row r : rows) {
      sb.append(page ? r.onPage() : r.line()).append('\n');
    }
    sb.append('\n');
  }

  /** The length of {@code s} in UTF-8, without encoding it. */
  static int bytes(String s) {
    int n = s.length();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        n += c < 0x800 || Character.isSurrogate(c) ? 1 : 2; // a pair: 4 bytes
      }
    }
    return n;
  }
}
