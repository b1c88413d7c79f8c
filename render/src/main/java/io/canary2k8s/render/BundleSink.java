package io.canary2k8s.render;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Where the files of a bundle go as they are made: a map in memory ({@link
 * BundleBuilder#build(io.canary2k8s.translate.Translation, io.canary2k8s.inventory.Inventory,
 * io.canary2k8s.notes.Notes, RenderOptions)}), or a directory being written ({@link
 * BundleWriter#open}). Thread-safe: distinct paths may be given from several threads.
 */
public interface BundleSink {
  /** The file at {@code path} (relative, {@code /}-separated), given once per path. */
  void put(String path, String content);

  /**
   * The file at {@code path} made through a writer: the large ones (REVIEW.md, the inventory),
   * which a directory being written never holds whole. In memory, collected into a string.
   */
  default void write(String path, Body body) {
    StringWriter w = new StringWriter();
    try {
      body.writeTo(w);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    put(path, w.toString());
  }

  /** What writes a file's content. */
  @FunctionalInterface
  interface Body {
    void writeTo(Writer w) throws IOException;
  }
}
