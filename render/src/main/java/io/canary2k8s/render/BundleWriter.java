package io.canary2k8s.render;

import io.canary2k8s.input.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a bundle all or nothing: into a temporary sibling directory first, then swapped into
 * place. A bundle equal to what is already there is not rewritten (files and their modification
 * times stay). A non-empty directory that is not a canary2k8s bundle is never overwritten.
 */
public final class BundleWriter {
  private BundleWriter() {}

  /** Writes {@code bundle} to {@code out}; returns false when {@code out} already held it. */
  public static boolean write(Bundle bundle, Path out) {
    Path target = out.toAbsolutePath().normalize();
    try {
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
          throw new InputException(out.toString(), null, "exists and is not a directory");
        }
        if (!isEmpty(target) && !Files.isRegularFile(target.resolve(BundleLayout.REVIEW))) {
          throw new InputException(
              out.toString(), null, "exists, is not empty and is not a canary2k8s bundle (no "
                  + BundleLayout.REVIEW + "); refusing to overwrite it");
        }
        if (holds(target, bundle.asMap())) {
          return false;
        }
      }
      Path parent = target.getParent();
      Files.createDirectories(parent);
      Path tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
      try {
        for (var e : bundle.asMap().entrySet()) {
          Path f = tmp.resolve(e.getKey()).normalize();
          if (!f.startsWith(tmp)) {
            throw new IllegalStateException("bundle path escapes the output directory: " + e.getKey());
          }
          Files.createDirectories(f.getParent());
          Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
          Path old = Files.createTempDirectory(parent, "." + target.getFileName() + ".old-");
          Files.delete(old);
          move(target, old);
          move(tmp, target);
          deleteTree(old);
        } else {
          move(tmp, target);
        }
      } finally {
        if (Files.exists(tmp)) {
          deleteTree(tmp);
        }
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the bundle to " + out + ": " + e.getMessage(), e);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (var s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }

  /**
   * Whether {@code dir} holds exactly {@code files} (the same regular files, the same content):
   * {@code read(dir).equals(files)}, one file at a time, stopping at the first difference, so
   * that a rerun does not hold the old bundle in memory next to the new one.
   */
  static boolean holds(Path dir, Map<String, String> files) throws IOException {
    int[] seen = {0};
    boolean[] same = {true};
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            if (attrs.isRegularFile()) {
              String want = files.get(dir.relativize(file).toString().replace('\\', '/'));
              if (want == null
                  || !want.equals(new String(Files.readAllBytes(file), StandardCharsets.UTF_8))) {
                same[0] = false;
                return FileVisitResult.TERMINATE;
              }
              seen[0]++;
            }
            return FileVisitResult.CONTINUE;
          }
        });
    return same[0] && seen[0] == files.size();
  }

  /** Every regular file under {@code dir}, relative path → content. */
  public static Map<String, String> read(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            if (attrs.isRegularFile()) {
              out.put(dir.relativize(file).toString().replace('\\', '/'),
                  new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
            }
            return FileVisitResult.CONTINUE;
          }
        });
    return out;
  }

  static void deleteTree(Path dir) throws IOException {
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
