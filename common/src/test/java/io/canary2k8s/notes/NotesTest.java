package io.canary2k8s.notes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one order of notes, and the collector that keeps them sorted and without duplicates. */
class NotesTest {
  /** The reference: the order composed from key extractors (severity, stage, subject, message). */
  private static final Comparator<Note> REFERENCE =
      Comparator.comparing(Note::severity)
          .thenComparing(Note::stage)
          .thenComparing(Note::subject)
          .thenComparing(Note::message);

  private static List<Note> randomNotes(Random r, int n) {
    String[] stages = {"translate/plan", "render/dns", "render/overlays", "discover/aws-cli"};
    String[] subjects = {"users-0001", "users-0002", "users-00010", "a", "Z", "é", ""};
    String[] messages = {"x", "y", "No container image known.", "Ab", "ab", "a"};
    List<Note> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      // new String(...): equal texts that are not the same instance, as concatenation makes them
      out.add(
          new Note(
              Severity.values()[r.nextInt(Severity.values().length)],
              stages[r.nextInt(stages.length)],
              new String(subjects[r.nextInt(subjects.length)]),
              r.nextBoolean()
                  ? messages[r.nextInt(messages.length)]
                  : new String(messages[r.nextInt(messages.length)])));
    }
    return out;
  }

  @Test
  void orderIsSeverityThenStageSubjectAndMessage() {
    Random r = new Random(7);
    List<Note> notes = randomNotes(r, 2_000);
    for (int i = 0; i + 1 < notes.size(); i++) {
      Note a = notes.get(i);
      Note b = notes.get(i + 1);
      assertThat(Integer.signum(Note.ORDER.compare(a, b)))
          .as("%s vs %s", a, b)
          .isEqualTo(Integer.signum(REFERENCE.compare(a, b)));
      assertThat(Note.ORDER.compare(a, a)).isZero();
    }
  }

  @Test
  void sortedHoldsEachNoteOnceInTheOneOrder() {
    Random r = new Random(11);
    List<Note> notes = randomNotes(r, 3_000);
    Notes collector = new Notes();
    notes.subList(0, 1_000).forEach(collector::add);
    collector.addAll(notes.subList(1_000, 3_000));
    List<Note> expected = notes.stream().distinct().sorted(REFERENCE).toList();
    assertThat(collector.sorted()).containsExactlyElementsOf(expected);
    assertThat(collector.count(Severity.ERROR))
        .isEqualTo(expected.stream().filter(n -> n.severity() == Severity.ERROR).count());
    // a note added after sorted() is in the next one
    Note late = new Note(Severity.ERROR, "a", "b", "late");
    collector.add(late);
    assertThat(collector.sorted()).startsWith(late);
  }
}
