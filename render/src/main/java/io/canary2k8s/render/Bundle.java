package io.canary2k8s.render;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A whole bundle in memory: relative path → file content, compared byte for byte in tests. The CLI
 * does not hold one: it writes the files as they are made ({@link BundleWriter#open}).
 */
public record Bundle(Map<String, String> files) {
  public Bundle {
    files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
  }

  public String file(String path) {
    String f = files.get(path);
    if (f == null) {
      throw new IllegalArgumentException("no file " + path + " in the bundle");
    }
    return f;
  }

  /** The bundle as a map of path to content (for writing). */
  public Map<String, String> asMap() {
    return files;
  }
}
