package io.canary2k8s.render.diff;

import io.canary2k8s.notes.Note;
import io.canary2k8s.notes.Severity;
import io.canary2k8s.render.Md;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The notes part of the Markdown diff ({@link DiffMarkdown}): the rows of the notes that are new or
 * changed, most severe first, each naming its AWS item; the rows of the notes that are gone; the
 * words of the title and of the alert. Every string from a note is escaped for a table cell here.
 */
final class DiffNotes {
  private DiffNotes() {}

  /** The new and the changed notes, one row each, in {@link Note#ORDER} of the new form. */
  static List<Map<String, Object>> rows(NoteChanges notes) {
    if (notes == null) {
      return List.of();
    }
    record Row(Note note, Note was) {}
    List<Row> rows = new ArrayList<>();
    notes.added().forEach(n -> rows.add(new Row(n, null)));
    notes.changed().forEach(c -> rows.add(new Row(c.after(), c.before())));
    rows.sort(Comparator.comparing(Row::note, Note.ORDER));
    List<Map<String, Object>> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      Map<String, Object> m = row(r.note());
      m.put("change", r.was() == null ? "new" : "changed");
      if (r.was() != null) {
        // the old wording under the new one, in the same cell
        m.put("message", m.get("message") + "<br>was: " + Md.cell(r.was().message()));
      }
      out.add(m);
    }
    return out;
  }

  /** The notes of the old side that the new one does not make, most severe first. */
  static List<Map<String, Object>> removedRows(NoteChanges notes) {
    if (notes == null) {
      return List.of();
    }
    List<Map<String, Object>> out = new ArrayList<>(notes.removed().size());
    notes.removed().forEach(n -> out.add(row(n)));
    return out;
  }

  private static Map<String, Object> row(Note n) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("severity", n.severity().name());
    m.put("subject", Md.cellCode(n.subject()));
    m.put("message", Md.cell(n.message()));
    return m;
  }

  /** What the title adds for the notes ({@code "; notes: 1 new warning, 2 changed"}), or "". */
  static String title(NoteChanges notes) {
    if (notes == null || notes.isEmpty()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (Severity s : Severity.values()) {
      long n = notes.added(s);
      if (n > 0) {
        parts.add(n + " new " + word(s, n));
      }
    }
    if (!notes.changed().isEmpty()) {
      parts.add(notes.changed().size() + " changed");
    }
    if (!notes.removed().isEmpty()) {
      parts.add(notes.removed().size() + " gone");
    }
    return "; notes: " + String.join(", ", parts);
  }

  /**
   * What the alert above the report counts ({@code "1 new warning, 1 changed action item"}) when a
   * note that a reviewer must act on or read before the numbers (an error, an action item, a
   * warning) is new or changed; else "".
   */
  static String alert(NoteChanges notes) {
    if (notes == null) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (Severity s : List.of(Severity.ERROR, Severity.ACTION, Severity.WARNING)) {
      long fresh = notes.added(s);
      long changed = notes.changed().stream().filter(c -> c.after().severity() == s).count();
      if (fresh > 0) {
        parts.add(fresh + " new " + word(s, fresh));
      }
      if (changed > 0) {
        parts.add(changed + " changed " + word(s, changed));
      }
    }
    return String.join(", ", parts);
  }

  private static String word(Severity s, long n) {
    String one =
        switch (s) {
          case ERROR -> "error";
          case ACTION -> "action item";
          case WARNING -> "warning";
          case INFO -> "info";
        };
    return n == 1 || s == Severity.INFO ? one : one + "s";
  }
}
