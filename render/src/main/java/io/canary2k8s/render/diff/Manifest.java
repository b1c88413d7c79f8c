package io.canary2k8s.render.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One parsed Kubernetes document and where it came from. Nothing outside this package can change
 * its tree: {@link #tree} hands out a copy. Inside, the tree is taken as parsed, not copied: the
 * trees of a file unchanged between the two sides of a diff are one instance, shared by both
 * sides (read-only), so that comparing them costs nothing and two 10,000-app bundles are not
 * held three times over (issue 7).
 */
public final class Manifest {
  private final ObjectId id;
  private final JsonNode tree;
  private final String source;

  /**
   * @param tree a tree nobody changes from now on (a parsed one this package holds alone)
   * @param source the file (relative to what was read) the document came from, for messages
   */
  Manifest(ObjectId id, JsonNode tree, String source) {
    this.id = Objects.requireNonNull(id);
    this.tree = Objects.requireNonNull(tree);
    this.source = source;
  }

  public ObjectId id() {
    return id;
  }

  /** A copy of the tree: the caller's to change. */
  public JsonNode tree() {
    return tree.deepCopy();
  }

  /** The file (relative to what was read) the document came from, for messages. */
  public String source() {
    return source;
  }

  /** The tree without a copy, for this package's read-only use. */
  JsonNode view() {
    return tree;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Manifest m && id.equals(m.id) && tree.equals(m.tree) && Objects.equals(source, m.source);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, tree, source);
  }

  @Override
  public String toString() {
    return "Manifest[id=" + id + ", tree=" + tree + ", source=" + source + "]";
  }
}
