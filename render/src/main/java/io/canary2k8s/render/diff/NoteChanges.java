package io.canary2k8s.render.diff;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.canary2k8s.input.Json;
import io.canary2k8s.input.Node;
import io.canary2k8s.notes.Note;
import io.canary2k8s.notes.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The notes of two bundles compared: what a reviewer must read before trusting the numbers of the
 * new one. A note is the same note on both sides when its severity, AWS item (subject) and message
 * are the same (the stage that made it does not count). A note that is gone and one that is new are
 * one note that <em>changed</em> when they have the same severity and subject and their messages
 * differ only in numbers (the instance counts, shares and seconds a message states), and no other
 * note of that severity and subject has that wording: a pairing is made only when it is the one
 * possible.
 *
 * @param added notes of the new side only, most severe first ({@link Note#ORDER})
 * @param changed notes whose numbers changed, in the order of their new form
 * @param removed notes of the old side only, most severe first
 */
@JsonPropertyOrder({"added", "changed", "removed"})
public record NoteChanges(List<Note> added, List<Changed> changed, List<Note> removed) {
  public NoteChanges {
    added = List.copyOf(added);
    changed = List.copyOf(changed);
    removed = List.copyOf(removed);
  }

  /** A note whose numbers changed: its old and its new form. */
  @JsonPropertyOrder({"before", "after"})
  public record Changed(Note before, Note after) {
    public Changed {
      Objects.requireNonNull(before, "before");
      Objects.requireNonNull(after, "after");
    }
  }

  @JsonIgnore
  public boolean isEmpty() {
    return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
  }

  /** How many notes of {@code severity} are new (not counting changed ones). */
  public long added(Severity severity) {
    return added.stream().filter(n -> n.severity() == severity).count();
  }

  /** A run of digits, with the decimal, thousands or fraction separators inside a number. */
  private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,/]\\d+)*");

  /** The notes of {@code after} compared with those of {@code before}. */
  public static NoteChanges compare(List<Note> before, List<Note> after) {
    Set<Note> old = new TreeSet<>(SAME);
    old.addAll(before);
    Set<Note> now = new TreeSet<>(SAME);
    now.addAll(after);
    List<Note> gone = old.stream().filter(n -> !now.contains(n)).toList();
    List<Note> fresh = now.stream().filter(n -> !old.contains(n)).toList();
    Map<String, List<Note>> goneByWording = byWording(gone);
    Map<String, List<Note>> freshByWording = byWording(fresh);
    List<Note> added = new ArrayList<>();
    List<Changed> changed = new ArrayList<>();
    Set<Note> paired = new TreeSet<>(SAME);
    for (Note n : fresh) {
      String w = wording(n);
      List<Note> was = goneByWording.get(w);
      if (was != null && was.size() == 1 && freshByWording.get(w).size() == 1) {
        changed.add(new Changed(was.get(0), n));
        paired.add(was.get(0));
      } else {
        added.add(n);
      }
    }
    List<Note> removed = gone.stream().filter(n -> !paired.contains(n)).toList();
    return new NoteChanges(added, changed, removed);
  }

  /** Severity, subject and message: what makes two notes the same to a reader. */
  private static final Comparator<Note> SAME =
      Comparator.comparing(Note::severity)
          .thenComparing(Note::subject)
          .thenComparing(Note::message);

  private static Map<String, List<Note>> byWording(List<Note> notes) {
    Map<String, List<Note>> out = new LinkedHashMap<>();
    notes.forEach(n -> out.computeIfAbsent(wording(n), k -> new ArrayList<>()).add(n));
    return out;
  }

  /** Severity, subject and the message with every number replaced by {@code #}. */
  static String wording(Note n) {
    return n.severity()
        + "\u0000"
        + n.subject()
        + "\u0000"
        + NUMBER.matcher(n.message()).replaceAll("#");
  }

  /**
   * The notes of the bundle in {@code dir} ({@code notes.json}), or null when it has none (it is a
   * YAML file, or a directory without notes.json). A notes.json that is there must be the one a
   * bundle has: anything else is an {@link io.canary2k8s.input.InputException} naming the file and
   * the field.
   */
  public static List<Note> readBundle(Path dir, String notesFile) {
    Path file = dir.resolve(notesFile);
    if (!Files.isDirectory(dir) || !Files.isRegularFile(file)) {
      return null;
    }
    String shown = file.toString();
    Node root = new Node(Json.readTree(file, shown), shown, "");
    List<Note> out = new ArrayList<>();
    for (Node n : root.array("notes")) {
      String severity = string(n, "severity");
      Severity s;
      try {
        s = Severity.valueOf(severity);
      } catch (IllegalArgumentException e) {
        throw n.problem(
            "severity", "'" + severity + "' is not one of ERROR, ACTION, WARNING, INFO");
      }
      out.add(new Note(s, string(n, "stage"), string(n, "subject"), string(n, "message")));
    }
    return out;
  }

  /** A string field, which may be empty (a note's own fields are never null). */
  private static String string(Node n, String field) {
    Node v = n.get(field);
    if (!v.raw().isTextual()) {
      throw v.problem("expected a string");
    }
    return v.raw().asText();
  }
}
