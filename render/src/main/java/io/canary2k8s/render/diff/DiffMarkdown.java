package io.canary2k8s.render.diff;

import io.canary2k8s.render.Md;
import io.canary2k8s.render.Review;
import io.canary2k8s.render.diff.DiffReport.Change;
import io.canary2k8s.render.diff.DiffReport.Share;
import io.canary2k8s.render.diff.DiffReport.TrafficChange;
import io.canary2k8s.text.Escape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/**
 * The Markdown form of a {@link DiffReport} for a pull-request comment, from {@code
 * templates/diff.md.ftl}: summary and per-kind table first, then the traffic in words and diagrams,
 * then one collapsible unified diff per object.
 *
 * <p>The report stays within a character budget (GitHub refuses comments over 65,536 characters):
 * whole object diffs are dropped from the end, then the diagrams, then traffic lines; never in the
 * middle of a fence or a tag. What was left out is said, with where the full report is.
 */
public final class DiffMarkdown {
  /** Under GitHub's 65,536-character limit for a comment, with room for a wrapper. */
  public static final int DEFAULT_MAX_CHARS = 60_000;

  private DiffMarkdown() {}

  /**
   * @param fullReport where the whole report is, as Markdown (e.g. {@code `diff.json` in this
   *     bundle}); named when something is left out
   */
  public static String render(DiffReport report, int maxChars, String fullReport) {
    List<Map<String, Object>> notes = DiffNotes.rows(report.notes());
    List<Map<String, Object>> removed = DiffNotes.removedRows(report.notes());
    List<String> traffic = trafficLines(report.traffic());
    List<Map<String, Object>> diagrams = diagrams(report.traffic());
    List<Map<String, Object>> objects = new ArrayList<>();
    for (Change c : report.changes()) {
      objects.add(object(c));
    }
    Layout layout =
        new Layout(report, notes, removed, traffic, diagrams, objects, maxChars, fullReport);
    Cut all =
        new Cut(notes.size(), traffic.size(), removed.size(), !diagrams.isEmpty(), objects.size());
    String whole = layout.render(all);
    if (whole.length() <= maxChars) {
      return whole;
    }
    // filled in order of importance, each part as far as it fits after the ones before it: the
    // notes that are new or changed (they say what the numbers rest on), the traffic, the notes
    // that are gone, the diagrams, the object diffs; a part is cut only at the end of an item
    IntPredicate fitsNotes = n -> fits(layout, new Cut(n, 0, 0, false, 0), maxChars);
    int n = largest(notes.size(), fitsNotes);
    int t = largest(traffic.size(), k -> fits(layout, new Cut(n, k, 0, false, 0), maxChars));
    int r = largest(removed.size(), k -> fits(layout, new Cut(n, t, k, false, 0), maxChars));
    boolean d = all.diagrams() && fits(layout, new Cut(n, t, r, true, 0), maxChars);
    int o = largest(objects.size(), k -> fits(layout, new Cut(n, t, r, d, k), maxChars));
    return layout.render(new Cut(n, t, r, d, o));
  }

  private static boolean fits(Layout layout, Cut cut, int maxChars) {
    return layout.render(cut).length() <= maxChars;
  }

  /** How much of each part a rendering shows: the first so many items of each list. */
  private record Cut(int notes, int traffic, int removed, boolean diagrams, int objects) {}

  /** The largest n in [0, max] with fits(n), assuming fits is monotone and fits(0). */
  private static int largest(int max, IntPredicate fits) {
    int lo = 0;
    int hi = max;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (fits.test(mid)) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  private record Layout(
      DiffReport report,
      List<Map<String, Object>> notes,
      List<Map<String, Object>> removed,
      List<String> traffic,
      List<Map<String, Object>> diagrams,
      List<Map<String, Object>> objects,
      int maxChars,
      String fullReport) {

    String render(Cut cut) {
      Map<String, Object> m = new LinkedHashMap<>();
      DiffReport.Summary s = report.summary();
      String objectsTitle = title(s);
      String notesTitle = DiffNotes.title(report.notes());
      m.put(
          "title",
          (objectsTitle.equals("no changes") && !notesTitle.isEmpty()
                  ? "no object changes"
                  : objectsTitle)
              + notesTitle);
      m.put("before", Md.code(report.before()));
      m.put("beforeHtml", html(report.before()));
      m.put("after", Md.code(report.after()));
      m.put("summary", s);
      m.put("notesCompared", report.notes() != null);
      m.put("alert", DiffNotes.alert(report.notes()));
      m.put("notes", notes.subList(0, cut.notes()));
      m.put("notesOmitted", notes.size() - cut.notes());
      m.put("removed", removed.subList(0, cut.removed()));
      m.put("removedTotal", removed.size());
      m.put("removedOmitted", removed.size() - cut.removed());
      m.put(
          "kinds",
          report.kinds().stream()
              .map(
                  k ->
                      new DiffReport.KindCount(
                          Md.cell(k.kind()), k.added(), k.changed(), k.removed(), k.renamed()))
              .toList());
      m.put("traffic", traffic.subList(0, cut.traffic()));
      m.put("trafficOmitted", traffic.size() - cut.traffic());
      m.put("diagrams", cut.diagrams() ? diagrams : List.of());
      m.put("diagramsOmitted", !cut.diagrams() && !diagrams.isEmpty());
      m.put("objects", objects.subList(0, cut.objects()));
      int omitted = objects.size() - cut.objects();
      m.put("omitted", omitted);
      m.put("total", objects.size());
      m.put("omittedFirst", omitted == 0 ? "" : objects.get(cut.objects()).get("name"));
      m.put("omittedLast", omitted == 0 ? "" : objects.get(objects.size() - 1).get("name"));
      m.put("maxChars", String.format(java.util.Locale.ROOT, "%,d", maxChars));
      m.put("fullReport", fullReport);
      return Review.render("diff.md.ftl", m);
    }
  }

  private static String title(DiffReport.Summary s) {
    if (s.added() + s.changed() + s.removed() + s.renamed() == 0) {
      return "no changes";
    }
    return s.added()
        + " added, "
        + s.changed()
        + " changed, "
        + s.removed()
        + " removed, "
        + s.renamed()
        + " renamed";
  }

  private static Map<String, Object> object(Change c) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("name", Md.code(c.id().display()));
    String what =
        switch (c.status()) {
          case ADDED -> "added";
          case REMOVED -> "removed";
          case CHANGED ->
              "changed: "
                  + String.join(", ", c.changedPaths().stream().limit(5).toList())
                  + (c.changedPaths().size() > 5
                      ? ", … (" + c.changedPaths().size() + " fields)"
                      : "");
          case RENAMED -> "renamed from " + c.renamedFrom().name();
        };
    o.put("title", html(c.id().display() + " — " + what));
    String diff = Escape.visibleLines(c.diff());
    o.put("fence", fence(diff));
    o.put("diff", diff);
    return o;
  }

  /** Text safe inside an HTML element such as {@code <summary>}. */
  static String html(String s) {
    return Escape.visible(s)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\n", " ");
  }

  /** A backtick fence longer than any run of backticks in {@code content} (at least three). */
  static String fence(String content) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < content.length(); i++) {
      run = content.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return "`".repeat(Math.max(3, longest + 1));
  }

  // ---- traffic in words and pictures ----------------------------------------------------------

  static List<String> trafficLines(List<TrafficChange> traffic) {
    List<String> out = new ArrayList<>();
    for (TrafficChange t : traffic) {
      List<String> parts = new ArrayList<>();
      for (Share s : t.shares()) {
        if (java.util.Objects.equals(s.before(), s.after())) {
          continue;
        }
        parts.add(
            (s.role() == null ? "" : Md.text(s.role()) + " ")
                + Md.code(s.service())
                + " "
                + Md.text(
                    pct(s.beforePercent())
                        + " → "
                        + pct(s.afterPercent())
                        + " ("
                        + (s.before() == null ? "0" : s.before())
                        + " → "
                        + (s.after() == null ? "0" : s.after())
                        + ")"));
      }
      String where;
      if (t.before() == null) {
        where = "new host, weights in " + t.after().display();
      } else if (t.after() == null) {
        where = "host no longer routed (was " + t.before().display() + ")";
      } else if (t.before().equals(t.after())) {
        where = "weights in " + t.after().display();
      } else {
        where = "weights in " + t.before().display() + " → " + t.after().display();
      }
      out.add(
          Md.code(t.host())
              + " (namespace "
              + Md.code(t.namespace())
              + "): "
              + String.join("; ", parts)
              + ". "
              + Md.text(
                  where.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + where.substring(1))
              + ".");
    }
    return out;
  }

  private static String pct(String percent) {
    return percent == null ? "none" : percent + " %";
  }

  /**
   * One before/after flowchart per namespace whose weights moved: before on top, after below, each
   * read left to right (the invisible link {@code before ~~~ after} ranks them: Mermaid draws
   * disconnected subgraphs in no order a reader can rely on).
   */
  static List<Map<String, Object>> diagrams(List<TrafficChange> traffic) {
    Map<String, List<TrafficChange>> byNs = new TreeMap<>();
    traffic.forEach(t -> byNs.computeIfAbsent(t.namespace(), k -> new ArrayList<>()).add(t));
    List<Map<String, Object>> out = new ArrayList<>();
    byNs.forEach(
        (ns, changes) -> {
          StringBuilder sb = new StringBuilder("flowchart TB\n");
          side(sb, "before", "b", changes, true);
          side(sb, "after", "a", changes, false);
          sb.append("  before ~~~ after\n");
          Map<String, Object> d = new LinkedHashMap<>();
          d.put("namespace", Md.code(ns));
          d.put("mermaid", sb.toString());
          out.add(d);
        });
    return out;
  }

  private static void side(
      StringBuilder sb, String title, String prefix, List<TrafficChange> changes, boolean before) {
    sb.append("  subgraph ")
        .append(title)
        .append("[\"")
        .append(title)
        .append("\"]\n    direction LR\n");
    Map<String, String> ids = new LinkedHashMap<>();
    java.util.Set<String> labelled = new java.util.TreeSet<>();
    java.util.function.BiFunction<String, String, String> node =
        (key, label) -> {
          String id = ids.computeIfAbsent(key, x -> prefix + (ids.size() + 1));
          return labelled.add(id) ? id + "[\"" + Md.mermaid(label) + "\"]" : id;
        };
    for (TrafficChange t : changes) {
      ObjectId obj = before ? t.before() : t.after();
      String host = node.apply("h:" + t.host(), t.host());
      if (obj == null) {
        sb.append("    ")
            .append(host)
            .append(" --> ")
            .append(node.apply("none", "not routed"))
            .append("\n");
        continue;
      }
      sb.append("    ")
          .append(host)
          .append(" --> ")
          .append(node.apply("o:" + obj.display(), obj.kind() + " " + obj.name()))
          .append("\n");
      for (Share s : t.shares()) {
        String p = before ? s.beforePercent() : s.afterPercent();
        if (p == null) {
          continue;
        }
        sb.append("    ")
            .append(node.apply("o:" + obj.display(), ""))
            .append(" -->|\"")
            .append(Md.mermaid(p + " %"))
            .append("\"| ")
            .append(node.apply("s:" + s.service(), "Service " + s.service()))
            .append("\n");
      }
    }
    sb.append("  end\n");
  }
}
