package io.canary2k8s.render;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The hidden directories a write makes beside its bundle ({@code .<out>.tmp-N}: the new bundle
 * being made; {@code .<out>.old-N}: the previous one, between the swap and its deletion), and what
 * becomes of those a run that stopped part-way left. Only a run holding the bundle's {@link
 * OutputLock} touches them, so what one finds was left by a run that is over.
 *
 * <p>Nothing is deleted that a manifest does not name: a temporary directory without a manifest
 * holds only files its run wrote (the manifest is renamed into it last, and the user's entries are
 * carried into it only after that), and in a directory with one, every entry the manifest does not
 * list is the user's, carried there by a swap, and goes back into the bundle directory.
 */
final class Leftovers {
  private Leftovers() {}

  static String tmpPrefix(Path target) {
    return "." + target.getFileName() + ".tmp-";
  }

  static String oldPrefix(Path target) {
    return "." + target.getFileName() + ".old-";
  }

  /** {@code prefix} followed by digits only: the names this class makes. */
  static boolean isOurs(String name, String prefix) {
    if (!name.startsWith(prefix) || name.length() == prefix.length()) {
      return false;
    }
    for (int i = prefix.length(); i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * A name {@code prefix}N beside {@code target} that is free now (the lock keeps other runs of
   * this bundle away from such names).
   */
  static Path freeName(Path target, String prefix) {
    while (true) {
      Path p =
          target.resolveSibling(prefix + (ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE));
      if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        return p;
      }
    }
  }

  /**
   * A new directory {@code prefix}N beside {@code target}, with the mode the process's umask gives
   * (not the 0700 of a temporary directory): it becomes the bundle directory.
   */
  static Path newDirectory(Path target, String prefix) throws IOException {
    while (true) {
      try {
        return Files.createDirectory(freeName(target, prefix));
      } catch (FileAlreadyExistsException e) {
        // taken meanwhile: another name
      }
    }
  }

  /**
   * Puts right what a run that stopped part-way left beside {@code target}: a previous bundle
   * stranded mid-swap goes back when {@code target} is missing; the user's entries carried into a
   * leftover go back into {@code target}; the rest of each leftover is deleted.
   */
  static void recover(Path target) throws IOException {
    Path parent = target.getParent();
    List<Path> tmps = new ArrayList<>();
    List<Path> olds = new ArrayList<>();
    for (String n : Ownership.names(parent)) {
      Path p = parent.resolve(n);
      if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      if (isOurs(n, tmpPrefix(target))) {
        tmps.add(p);
      } else if (isOurs(n, oldPrefix(target))) {
        olds.add(p);
      }
    }
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      for (Path old : olds) {
        if (Files.isRegularFile(old.resolve(BundleLayout.MANIFEST), LinkOption.NOFOLLOW_LINKS)
            || Files.isRegularFile(old.resolve(BundleLayout.REVIEW), LinkOption.NOFOLLOW_LINKS)) {
          BundleWriter.REAL_IO.move(old, target);
          olds.remove(old);
          break;
        }
      }
    }
    for (Path p : tmps) {
      dispose(p, target);
    }
    for (Path p : olds) {
      dispose(p, target);
    }
  }

  /**
   * Removes the leftover {@code dir}: what its manifest lists is deleted, the rest goes back into
   * {@code target}; without a manifest it is all one run's (a temporary directory, or a bundle
   * written before bundles had manifests, which held nothing else). A leftover whose manifest
   * cannot be read, or an entry that cannot go back (its place in {@code target} is taken), stays
   * where it is: never deleted.
   *
   * @return whether {@code dir} is gone
   */
  static boolean dispose(Path dir, Path target) throws IOException {
    Set<String> listed;
    try {
      listed = BundleManifest.read(dir, dir.toString());
    } catch (RuntimeException e) {
      return false; // not what this tool wrote: left alone
    }
    if (listed == null) {
      BundleWriter.deleteTree(dir);
      return true;
    }
    return dispose(dir, Ownership.of(listed), target, true);
  }

  /**
   * {@link #dispose(Path, Path)} with the files known to be the bundle's. Without {@code carryBack}
   * (the previous bundle just swapped out, the user's entries carried out of it before) the user's
   * entries are not looked for: the files listed are deleted, and a directory where anything else
   * turns up stays for the next write to sort out.
   */
  static boolean dispose(Path dir, Ownership owned, Path target, boolean carryBack)
      throws IOException {
    boolean kept = false;
    // into the bundle directory only: where it is missing, the previous bundle waits beside it
    // (restored first by the next write), and the entries go back into it then
    boolean home = Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS);
    for (String r : carryBack ? owned.others(dir) : List.<String>of()) {
      Path to = target.resolve(r);
      if (!home || Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
        kept = true;
        continue;
      }
      Files.createDirectories(to.getParent());
      BundleWriter.REAL_IO.move(dir.resolve(r), to);
    }
    if (kept) {
      return false;
    }
    boolean[] rest = {false};
    Path manifest = dir.resolve(BundleLayout.MANIFEST);
    int under = dir.toString().length() + 1; // the walk's paths: the directory's text, a slash
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
            if (f.equals(manifest)) {
              return FileVisitResult.CONTINUE; // last: it says what the rest is
            }
            if (owned.files().contains(f.toString().substring(under))) {
              Files.delete(f);
            } else {
              rest[0] = true; // came in meanwhile: not ours to delete
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
            if (exc != null) {
              throw exc;
            }
            if (!d.equals(dir)) {
              try {
                Files.delete(d);
              } catch (DirectoryNotEmptyException e) {
                rest[0] = true;
              }
            }
            return FileVisitResult.CONTINUE;
          }
        });
    if (rest[0]) {
      return false;
    }
    Files.deleteIfExists(manifest);
    Files.delete(dir);
    return true;
  }
}
