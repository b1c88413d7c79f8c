package io.canary2k8s.render.diff;

import com.fasterxml.jackson.databind.JsonNode;
import io.canary2k8s.yaml.Yaml;
import java.util.List;

/**
 * One YAML file that parsed: its text, and the trees of its documents. A diff of two 10,000-app
 * bundles holds 200,000 files; all their trees, held at once, were most of its memory and half
 * of its CPU (the collector copying them, issue 7), and the diff looks into few of them (routing
 * objects, changed objects). So a file of one document (a bundle's files) keeps only its text and
 * is parsed again whenever its tree is asked for; a file of several keeps its trees (parsing it
 * again for each of its documents would cost the square of their number).
 */
final class SourceFile {
  private final String shown;
  private final String text;
  /** The trees of a file of several documents; null for one document. */
  private final List<JsonNode> trees;

  /** @param trees the file's documents, as {@link Yaml#trees} read {@code text} */
  SourceFile(String shown, String text, List<JsonNode> trees) {
    this.shown = shown;
    this.text = text;
    this.trees = trees.size() > 1 ? List.copyOf(trees) : null;
  }

  String text() {
    return text;
  }

  /** The tree of document {@code index}: for a file of one document, a new one at each call. */
  JsonNode tree(int index) {
    // read once already: no error, and the same tree every time
    return trees != null ? trees.get(index) : Yaml.trees(text, shown).get(index);
  }
}
