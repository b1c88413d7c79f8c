package io.canary2k8s.render.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.canary2k8s.notes.Note;
import io.canary2k8s.notes.Severity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which notes are new, changed or gone between two bundles, and how DIFF.md shows them. */
class NoteChangesTest {
  static Note note(Severity s, String subject, String message) {
    return new Note(s, "translate/plan", subject, message);
  }

  static final Note CERT =
      note(Severity.ACTION, "myapp", "HTTPS listener uses certificate arn:x: put it in a Secret.");
  static final Note DRAIN_30 =
      note(Severity.INFO, "myapp", "Connection draining of 30 s becomes 35 on myapp.");
  static final Note DRAIN_45 =
      note(Severity.INFO, "myapp", "Connection draining of 45 s becomes 50 on myapp.");
  static final Note SCALED =
      note(
          Severity.WARNING,
          "myapp-canary",
          "Desired capacity is 3 but 1 instances are in service; the split uses desired.");

  @Test
  void sameNotesAreNoChange() {
    NoteChanges c = NoteChanges.compare(List.of(CERT, DRAIN_30), List.of(DRAIN_30, CERT));
    assertThat(c.isEmpty()).isTrue();
  }

  @Test
  void theStageDoesNotMakeANoteNew() {
    Note moved = new Note(CERT.severity(), "render/dns", CERT.subject(), CERT.message());
    assertThat(NoteChanges.compare(List.of(CERT), List.of(moved)).isEmpty()).isTrue();
  }

  @Test
  void newChangedAndGone() {
    NoteChanges c = NoteChanges.compare(List.of(CERT, DRAIN_30), List.of(DRAIN_45, SCALED));
    assertThat(c.added()).containsExactly(SCALED);
    assertThat(c.changed()).containsExactly(new NoteChanges.Changed(DRAIN_30, DRAIN_45));
    assertThat(c.removed()).containsExactly(CERT);
    assertThat(c.added(Severity.WARNING)).isEqualTo(1);
  }

  /** Two notes of one item and wording that both changed cannot be paired honestly. */
  @Test
  void anAmbiguousPairIsNewAndGone() {
    Note a30 = note(Severity.INFO, "x", "Draining 30 s on a.");
    Note b30 = note(Severity.INFO, "x", "Draining 31 s on a.");
    Note a45 = note(Severity.INFO, "x", "Draining 45 s on a.");
    Note b45 = note(Severity.INFO, "x", "Draining 46 s on a.");
    NoteChanges c = NoteChanges.compare(List.of(a30, b30), List.of(a45, b45));
    assertThat(c.changed()).isEmpty();
    assertThat(c.added()).containsExactly(a45, b45);
    assertThat(c.removed()).containsExactly(a30, b30);
  }

  @Test
  void aNewSeverityIsANewNote() {
    Note asError = note(Severity.ERROR, SCALED.subject(), SCALED.message());
    NoteChanges c = NoteChanges.compare(List.of(SCALED), List.of(asError));
    assertThat(c.added()).containsExactly(asError);
    assertThat(c.removed()).containsExactly(SCALED);
  }

  @Test
  void theReportOpensWithTheNewNotesMostSevereFirst() {
    NoteChanges c =
        NoteChanges.compare(List.of(DRAIN_30, CERT), List.of(DRAIN_45, SCALED, weird()));
    String md = DiffMarkdown.render(report(c), 60_000, "`diff.json`");
    assertThat(md.lines().filter(l -> l.startsWith("## ")).findFirst().orElseThrow())
        .isEqualTo(
            "## canary2k8s diff: no object changes; notes: 1 new action item, 1 new warning,"
                + " 1 changed, 1 gone");
    assertThat(md).contains("> [!WARNING]").contains("1 new action item, 1 new warning");
    int notes = md.indexOf("### Notes");
    int traffic = md.indexOf("### Traffic");
    assertThat(notes).isPositive().isLessThan(traffic);
    String table = md.substring(notes, traffic);
    List<String> rows =
        table.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| Sev")).toList();
    assertThat(rows.get(0)).startsWith("| ACTION | new | `a\\|b` | ");
    assertThat(rows.get(0)).contains("a \\| b \\<script\\>").doesNotContain("<script>");
    assertThat(rows.get(1)).startsWith("| WARNING | new | `myapp-canary` | Desired capacity is 3");
    assertThat(rows.get(2))
        .startsWith("| INFO | changed | `myapp` | Connection draining of 45 s")
        .contains("<br>was: Connection draining of 30 s");
    // the note that is gone, briefly, in a collapsed block
    assertThat(table).contains("<details><summary>1 note of previous no longer made</summary>");
    assertThat(table).contains("| ACTION | `myapp` | HTTPS listener uses certificate");
  }

  @Test
  void noNoteChangedIsSaidAndNoNotesNoSection() {
    String same =
        DiffMarkdown.render(
            report(NoteChanges.compare(List.of(CERT), List.of(CERT))), 60_000, "`diff.json`");
    assertThat(same).contains("No note is new or changed since `previous`.").doesNotContain("[!");
    String yaml = DiffMarkdown.render(report(null), 60_000, "`diff.json`");
    assertThat(yaml).doesNotContain("### Notes").contains("## canary2k8s diff: no changes");
  }

  /** Thousands of new notes: the report stays in budget, the most severe kept, the rest counted. */
  @Test
  void manyNotesStayWithinTheBudget() {
    List<Note> after = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      after.add(note(Severity.ACTION, "app-" + i, "Set the image of app-" + i + " (placeholder)."));
      after.add(note(Severity.WARNING, "app-" + i, "Something approximated for app " + i + "."));
    }
    List<Note> before = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      before.add(note(Severity.INFO, "old-" + i, "A note no longer made."));
    }
    NoteChanges c = NoteChanges.compare(before, after);
    for (int budget : new int[] {2_000, 10_000, 60_000}) {
      String md = DiffMarkdown.render(report(c), budget, "`diff.json`");
      assertThat(md.length()).as("budget %d", budget).isLessThanOrEqualTo(budget);
      assertThat(md).contains("more new or changed notes, left out to stay under");
      int shownRows =
          (int)
              md.lines()
                  .filter(l -> l.startsWith("| ACTION | new") || l.startsWith("| WARNING | new"))
                  .count();
      assertThat(md).contains("… and " + (6_000 - shownRows) + " more new or changed notes");
      if (budget >= 10_000) {
        assertThat(shownRows).isPositive();
        assertThat(md).contains("| ACTION | new | `app-0` |");
      }
    }
  }

  private static Note weird() {
    return note(Severity.ACTION, "a|b", "Name a | b <script> in `code`.");
  }

  private static DiffReport report(NoteChanges notes) {
    DiffReport r =
        new DiffReport(
            DiffReport.SCHEMA_VERSION,
            "previous",
            "this",
            new DiffReport.Summary(0, 0, 0, 0, 3),
            List.of(),
            List.of(),
            List.of());
    return notes == null ? r : r.withNotes(notes);
  }
}
