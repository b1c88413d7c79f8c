package io.canary2k8s.render.diff;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.canary2k8s.input.Json;
import java.util.List;

/**
 * The result of comparing two bundles: what the Markdown report and {@code diff.json} show. Every
 * list is sorted; nothing depends on file names, positions or the time of the run.
 *
 * @param before what the old side was (as the user named it)
 * @param after what the new side was
 * @param summary counts over all objects
 * @param kinds counts per kind, sorted by kind (only kinds with a change)
 * @param traffic every host whose weights changed, sorted by namespace and host
 * @param changes every object that was added, removed, renamed or changed, by identity
 * @param notes the notes of the two bundles compared ({@code notes.json}), or null when either side
 *     has none (a YAML file)
 */
@JsonPropertyOrder({
  "schemaVersion",
  "before",
  "after",
  "summary",
  "notes",
  "kinds",
  "traffic",
  "changes"
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DiffReport(
    int schemaVersion,
    String before,
    String after,
    Summary summary,
    List<KindCount> kinds,
    List<TrafficChange> traffic,
    List<Change> changes,
    NoteChanges notes) {
  public static final int SCHEMA_VERSION = 1;

  public DiffReport {
    kinds = List.copyOf(kinds);
    traffic = List.copyOf(traffic);
    changes = List.copyOf(changes);
  }

  /** The objects compared, the notes not (yet): see {@link #withNotes}. */
  public DiffReport(
      int schemaVersion,
      String before,
      String after,
      Summary summary,
      List<KindCount> kinds,
      List<TrafficChange> traffic,
      List<Change> changes) {
    this(schemaVersion, before, after, summary, kinds, traffic, changes, null);
  }

  /** This report with the notes of the two sides compared. */
  public DiffReport withNotes(NoteChanges notes) {
    return new DiffReport(schemaVersion, before, after, summary, kinds, traffic, changes, notes);
  }

  /** An object changed, or a note is new, changed or gone. */
  @JsonIgnore
  public boolean hasChanges() {
    return !changes.isEmpty() || (notes != null && !notes.isEmpty());
  }

  /** The report as stable JSON ({@code diff.json}). */
  public String toJson() {
    return Json.write(this);
  }

  /** What happened to an object. */
  public enum Status {
    ADDED,
    REMOVED,
    RENAMED,
    CHANGED;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  @JsonPropertyOrder({"added", "changed", "removed", "renamed", "unchanged"})
  public record Summary(int added, int changed, int removed, int renamed, int unchanged) {}

  @JsonPropertyOrder({"kind", "added", "changed", "removed", "renamed"})
  public record KindCount(String kind, int added, int changed, int removed, int renamed) {}

  /**
   * One object's change.
   *
   * @param id the object (the new identity for a rename)
   * @param renamedFrom the old identity of a renamed object, else null
   * @param changedPaths JSON pointers of the changed fields (changed objects only)
   * @param diff a unified diff of the canonical YAML of both sides (Secret values masked)
   */
  @JsonPropertyOrder({"status", "id", "renamedFrom", "changedPaths", "diff"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Change(
      Status status, ObjectId id, ObjectId renamedFrom, List<String> changedPaths, String diff) {
    public Change {
      changedPaths = changedPaths == null ? null : List.copyOf(changedPaths);
    }
  }

  /**
   * A host whose split changed.
   *
   * @param before the weights object of the old side, or null when the host is new
   * @param after the weights object of the new side, or null when the host is gone
   * @param shares one entry per Service on either side, by Service name
   */
  @JsonPropertyOrder({"namespace", "host", "before", "after", "shares"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TrafficChange(
      String namespace, String host, ObjectId before, ObjectId after, List<Share> shares) {
    public TrafficChange {
      shares = List.copyOf(shares);
    }
  }

  /**
   * One Service's share of a host's requests on both sides.
   *
   * @param role the Service's {@code canary2k8s.io/role} label (stable, canary), or null
   * @param before exact share before ({@code 1/10}), or null when it had none
   * @param after exact share after, or null when it has none
   * @param beforePercent the share before as a percentage ({@code 10}, {@code 16.667}), or null
   * @param afterPercent the share after as a percentage, or null
   */
  @JsonPropertyOrder({"service", "role", "before", "after", "beforePercent", "afterPercent"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Share(
      String service,
      String role,
      String before,
      String after,
      String beforePercent,
      String afterPercent) {}
}
