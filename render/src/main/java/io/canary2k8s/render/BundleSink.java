package io.canary2k8s.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

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
   * The file at {@code path} made through a stream: the large ones (REVIEW.md, the inventory),
   * which a directory being written never holds whole. In memory, collected into a string.
   */
  default void write(String path, Body body) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      body.writeTo(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    put(path, bytes.toString(StandardCharsets.UTF_8));
  }

  /**
   * What writes a file's content, as UTF-8: JSON straight from Jackson's UTF-8 generator, not
   * through a writer and an encoder (the inventory and the notes are 87 MB at 10,000 apps).
   */
  @FunctionalInterface
  interface Body {
    void writeTo(OutputStream out) throws IOException;
  }
}
