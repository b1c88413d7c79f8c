package io.canary2k8s.render;

/**
 * Where the files of a bundle go as they are made: a map in memory ({@link
 * BundleBuilder#build(io.canary2k8s.translate.Translation, io.canary2k8s.inventory.Inventory,
 * io.canary2k8s.notes.Notes, RenderOptions)}), or a directory being written ({@link
 * BundleWriter#open}). Called from one thread.
 */
public interface BundleSink {
  /** The file at {@code path} (relative, {@code /}-separated), given once per path. */
  void put(String path, String content);
}
