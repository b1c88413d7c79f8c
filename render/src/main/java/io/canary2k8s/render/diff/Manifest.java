package io.canary2k8s.render.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One Kubernetes document and where it came from. Nothing outside this package can change its tree:
 * {@link #tree} hands out a copy. Inside, the tree is the file's ({@link SourceFile}: parsed again
 * when looked at, as a diff of large bundles cannot hold every tree); a file unchanged between the
 * two sides of a diff is one {@link SourceFile} shared by both, so that comparing its documents
 * costs nothing.
 */
public final class Manifest {
  private final ObjectId id;
  private final SourceFile file;
  private final int index;
  private final String source;

  /**
   * @param index the document's place among the file's non-empty documents
   * @param source the file (relative to what was read) the document came from, for messages
   */
  Manifest(ObjectId id, SourceFile file, int index, String source) {
    this.id = Objects.requireNonNull(id);
    this.file = Objects.requireNonNull(file);
    this.index = index;
    this.source = source;
  }

  public ObjectId id() {
    return id;
  }

  /** A copy of the tree: the caller's to change. */
  public JsonNode tree() {
    return view().deepCopy();
  }

  /** The file (relative to what was read) the document came from, for messages. */
  public String source() {
    return source;
  }

  /**
   * The tree, for this package's read-only use (may be parsed at each call: keep it while in use).
   */
  JsonNode view() {
    return file.tree(index);
  }

  /** The same document of the same text: equal trees, known without parsing. */
  boolean sameDocument(Manifest o) {
    return file == o.file && index == o.index;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Manifest m
        && id.equals(m.id)
        && view().equals(m.view())
        && Objects.equals(source, m.source);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, view(), source);
  }

  @Override
  public String toString() {
    return "Manifest[id=" + id + ", tree=" + view() + ", source=" + source + "]";
  }
}
