package io.canary2k8s.notes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one collector of findings for a run. Every stage writes through a {@link Notifier} taken with
 * {@link #scoped(String)}; the report and {@code notes.json} read {@link #sorted()}. Thread-safe;
 * duplicates are kept once.
 */
public final class Notes {
  private final Set<Note> notes = new TreeSet<>(Note.ORDER);

  /** A notifier that stamps every note with {@code stage}. */
  public Notifier scoped(String stage) {
    return (severity, subject, message) -> add(new Note(severity, stage, subject, message));
  }

  public synchronized void add(Note note) {
    notes.add(note);
  }

  public synchronized void addAll(Collection<Note> more) {
    notes.addAll(more);
  }

  /** Every note, most severe first, in a stable order. */
  public synchronized List<Note> sorted() {
    return List.copyOf(new ArrayList<>(notes));
  }

  public synchronized long count(Severity severity) {
    return notes.stream().filter(n -> n.severity() == severity).count();
  }

  public boolean has(Severity severity) {
    return count(severity) > 0;
  }
}
