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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a bundle all or nothing: into a temporary sibling directory first, then swapped into
 * place. A bundle equal to what is already there is not rewritten (files and their modification
 * times stay). A non-empty directory that is not a canary2k8s bundle is never overwritten.
 *
 * <p>A run that dies part-way (killed, disk full, power cut) leaves the previous bundle in place,
 * or — if it died during the two renames of the swap — the previous bundle under a hidden
 * sibling name ({@code .<out>.old-*}). The temporary directory ({@code .<out>.tmp-*}) never holds
 * {@value BundleLayout#REVIEW}, which is written last, so it never passes for a bundle. The next
 * write to the same {@code out} puts a stranded previous bundle back and deletes the leftovers,
 * before anything else. One run at a time per output directory.
 */
public final class BundleWriter {
  /** The filesystem steps of a write that can fail part-way; tests inject failures and pauses. */
  interface Io {
    void write(Path file, String content) throws IOException;

    void move(Path from, Path to) throws IOException;
  }

  static final Io REAL_IO =
      new Io() {
        @Override
        public void write(Path file, String content) throws IOException {
          Files.writeString(file, content, StandardCharsets.UTF_8);
        }

        @Override
        public void move(Path from, Path to) throws IOException {
          BundleWriter.move(from, to);
        }
      };

  /** Package-private seam for tests; the real filesystem otherwise. */
  static volatile Io io = REAL_IO;

  private BundleWriter() {}

  /** Writes {@code bundle} to {@code out}; returns false when {@code out} already held it. */
  public static boolean write(Bundle bundle, Path out) {
    Path target = out.toAbsolutePath().normalize();
    if (target.getParent() == null || target.getFileName() == null) {
      throw new InputException(out.toString(), null, "cannot be the output directory (a root)");
    }
    try {
      Path parent = target.getParent();
      recoverLeftovers(parent, target);
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
      Files.createDirectories(parent);
      Path tmp = Files.createTempDirectory(parent, tmpPrefix(target));
      try {
        // REVIEW.md last: a temporary directory is never mistaken for a bundle
        List<Map.Entry<String, String>> files = new ArrayList<>(bundle.asMap().entrySet());
        files.sort(Comparator.comparing((Map.Entry<String, String> e) -> e.getKey().equals(BundleLayout.REVIEW)));
        // each directory once: createDirectories on an existing one costs a failed mkdir and an
        // exception (a 10,000-app bundle has 104,000 files in 10,000 directories)
        java.util.Set<Path> made = new java.util.HashSet<>();
        for (var e : files) {
          Path f = tmp.resolve(e.getKey()).normalize();
          if (!f.startsWith(tmp) || f.equals(tmp)) {
            throw new IllegalStateException("bundle path escapes the output directory: " + e.getKey());
          }
          if (made.add(f.getParent())) {
            Files.createDirectories(f.getParent());
          }
          io.write(f, e.getValue());
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
          Path old = Files.createTempDirectory(parent, oldPrefix(target));
          Files.delete(old);
          io.move(target, old);
          try {
            io.move(tmp, target);
          } catch (IOException | RuntimeException e) {
            REAL_IO.move(old, target); // put the previous bundle back
            throw e;
          }
          try {
            deleteTree(old);
          } catch (IOException e) {
            // the new bundle is in place; the next write removes what is left of the old one
          }
        } else {
          io.move(tmp, target);
        }
      } finally {
        if (Files.exists(tmp, LinkOption.NOFOLLOW_LINKS)) {
          deleteTree(tmp);
        }
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the bundle to " + out + ": " + e.getMessage() + " (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  private static String tmpPrefix(Path target) {
    return "." + target.getFileName() + ".tmp-";
  }

  private static String oldPrefix(Path target) {
    return "." + target.getFileName() + ".old-";
  }

  /**
   * What an earlier run that died part-way left beside {@code target}: a previous bundle stranded
   * mid-swap is put back when {@code target} is missing; temporary directories and other old
   * copies are deleted. Only hidden directories named by this class are touched.
   */
  static void recoverLeftovers(Path parent, Path target) throws IOException {
    if (!Files.isDirectory(parent)) {
      return;
    }
    List<Path> tmps = new ArrayList<>();
    List<Path> olds = new ArrayList<>();
    try (var s = Files.list(parent)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        String n = p.getFileName().toString();
        if (isOurs(n, tmpPrefix(target))) {
          tmps.add(p);
        } else if (isOurs(n, oldPrefix(target))) {
          olds.add(p);
        }
      }
    }
    olds.sort(Comparator.naturalOrder());
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      for (Path old : olds) {
        if (Files.isRegularFile(old.resolve(BundleLayout.REVIEW), LinkOption.NOFOLLOW_LINKS)) {
          REAL_IO.move(old, target);
          olds.remove(old);
          break;
        }
      }
    }
    for (Path p : tmps) {
      deleteTree(p);
    }
    for (Path p : olds) {
      deleteTree(p);
    }
  }

  /** {@code prefix} followed by the digits {@link Files#createTempDirectory} appends. */
  private static boolean isOurs(String name, String prefix) {
    return name.startsWith(prefix)
        && name.length() > prefix.length()
        && name.substring(prefix.length()).chars().allMatch(Character::isDigit);
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
