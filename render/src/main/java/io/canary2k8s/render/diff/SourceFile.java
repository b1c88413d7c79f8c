package io.canary2k8s.render.diff;

import com.fasterxml.jackson.databind.JsonNode;
import io.canary2k8s.yaml.Yaml;
import java.util.List;

/**
 * One YAML file that parsed: its text, and the trees of its documents. A diff of two 10,000-app
 * bundles holds 200,000 files; all their trees, held at once, were most of its memory and half of
 * its CPU (the collector copying them), and the diff looks into few of them (routing objects,
 * changed objects). So a file of one document (a bundle's files) keeps only its text and is parsed
 * again whenever its tree is asked for; a file of several keeps its trees (parsing it again for
 * each of its documents would cost the square of their number).
 */
final class SourceFile {
  private final String shown;

  /** The text as UTF-8 bytes (a file read), or as a string (a text in memory): one is null. */
  private final byte[] utf8;

  private final String text;

  /** The trees of a file of several documents; null for one document. */
  private final List<JsonNode> trees;

  private SourceFile(String shown, byte[] utf8, String text, List<JsonNode> trees) {
    this.shown = shown;
    this.utf8 = utf8;
    this.text = text;
    this.trees = trees.size() > 1 ? List.copyOf(trees) : null;
  }

  /**
   * @param trees the file's documents as {@link Yaml#outlines} read it (whole when several)
   */
  static SourceFile ofBytes(String shown, byte[] utf8, List<JsonNode> trees) {
    return new SourceFile(shown, utf8, null, trees);
  }

  /**
   * @param trees the text's documents as {@link Yaml#outlines} read it (whole when several)
   */
  static SourceFile ofText(String shown, String text, List<JsonNode> trees) {
    return new SourceFile(shown, null, text, trees);
  }

  /** The tree of document {@code index}: for a file of one document, a new one at each call. */
  JsonNode tree(int index) {
    // read once already: no error, and the same tree every time
    if (trees != null) {
      return trees.get(index);
    }
    return (utf8 != null ? Yaml.trees(utf8, shown) : Yaml.trees(text, shown)).get(index);
  }
}
