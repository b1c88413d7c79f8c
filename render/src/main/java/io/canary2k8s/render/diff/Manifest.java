package io.canary2k8s.render.diff;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One parsed Kubernetes document and where it came from. The tree is a private copy: nothing
 * outside this package can change it.
 *
 * @param source the file (relative to what was read) the document came from, for messages
 */
public record Manifest(ObjectId id, JsonNode tree, String source) {
  public Manifest {
    tree = tree.deepCopy();
  }

  @Override
  public JsonNode tree() {
    return tree.deepCopy();
  }

  /** The tree without a copy, for this package's read-only use. */
  JsonNode view() {
    return tree;
  }
}
