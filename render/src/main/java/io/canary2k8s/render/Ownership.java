package io.canary2k8s.render;

import io.canary2k8s.input.InputException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which entries of a bundle directory are the bundle's: the files its manifest lists (and the
 * manifest), and the directories on their way. Everything else there is the user's: found by a walk
 * that goes only into the bundle's directories (a {@code .git/} is one entry, never walked).
 *
 * @param files the files, relative, {@code /}-separated (the manifest not among them)
 * @param dirs every directory on the way to one of them
 */
record Ownership(Set<String> files, Set<String> dirs) {
  static final Ownership NONE = new Ownership(Set.of(), Set.of());

  /** The ownership of {@code files} (kept, not copied: the caller's no longer). */
  static Ownership of(Set<String> files) {
    Set<String> dirs = new HashSet<>();
    for (String f : files) {
      for (int i = f.indexOf('/'); i >= 0; i = f.indexOf('/', i + 1)) {
        dirs.add(f.substring(0, i));
      }
    }
    return new Ownership(java.util.Collections.unmodifiableSet(files), dirs);
  }

  /**
   * What the swap to a new bundle must do with the entries of {@code dir} that are not the old
   * bundle's ({@code this}).
   *
   * @param moves the user's entries to carry into the new bundle directory, each whole (a directory
   *     with everything in it), sorted
   * @param adopted the user's files at a path of the new bundle with exactly the new file's
   *     content: the new file takes their place, and the old name goes with the old bundle
   */
  record Carry(List<String> moves, List<String> adopted) {}

  /**
   * The entries of the bundle directory {@code dir} that are not this bundle's, for carrying them
   * into {@code next} (the new bundle's ownership; its files are at {@code nextRoot}). Refused (bad
   * input, nothing changed yet) when the manifest names a path through a symbolic link or a
   * non-file, or a user's entry stands where the new bundle puts a file or a directory; of several
   * such, the first path in sorted order is named.
   *
   * @param knownRegular files of this bundle already seen to be regular files (not asked again: a
   *     rerun after a change walks a 10,000-app bundle of 104,000 files here)
   * @param shown how {@code dir} is named in a message
   */
  Carry carry(Path dir, String shown, Ownership next, Path nextRoot, Set<String> knownRegular)
      throws IOException {
    Carry c = new Carry(new ArrayList<>(), new ArrayList<>());
    java.util.TreeMap<String, InputException> refused = new java.util.TreeMap<>();
    walk(dir, "", shown, next, nextRoot, knownRegular, c, refused);
    if (!refused.isEmpty()) {
      throw refused.firstEntry().getValue();
    }
    c.moves.sort(null);
    c.adopted.sort(null);
    return c;
  }

  private void walk(
      Path root,
      String rel,
      String shown,
      Ownership next,
      Path nextRoot,
      Set<String> knownRegular,
      Carry out,
      java.util.Map<String, InputException> refused)
      throws IOException {
    try (DirectoryStream<Path> ds =
        Files.newDirectoryStream(rel.isEmpty() ? root : root.resolve(rel))) {
      for (Path e : ds) {
        String name = e.getFileName().toString();
        String r = rel.isEmpty() ? name : rel + "/" + name;
        boolean listed = files.contains(r);
        if (r.equals(BundleLayout.MANIFEST) || (listed && knownRegular.contains(r))) {
          continue; // the old bundle's: goes with it
        }
        BasicFileAttributes a =
            Files.readAttributes(e, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (listed) {
          if (!a.isRegularFile()) {
            refused.put(
                r,
                new InputException(
                    shown + "/" + BundleLayout.MANIFEST,
                    null,
                    "lists "
                        + r
                        + ", which is "
                        + kind(a)
                        + ", not a file canary2k8s wrote; nothing was changed"));
          }
          continue;
        }
        boolean ours = dirs.contains(r);
        if ((ours || next.dirs.contains(r)) && a.isDirectory()) {
          walk(root, r, shown, next, nextRoot, knownRegular, out, refused);
          continue;
        }
        if (ours && a.isSymbolicLink()) {
          refused.put(
              r,
              new InputException(
                  shown + "/" + BundleLayout.MANIFEST,
                  null,
                  "lists files under "
                      + r
                      + ", which is a symbolic link: not a path inside the bundle; nothing was"
                      + " changed"));
          continue;
        }
        // the user's entry
        if (next.files.contains(r)) {
          if (a.isRegularFile()
              && nextRoot != null
              && Files.mismatch(e, nextRoot.resolve(r)) == -1L) {
            out.adopted.add(r);
          } else {
            refused.put(r, conflict(shown, r, "the new bundle has a file of that name"));
          }
        } else if (next.dirs.contains(r)) {
          refused.put(r, conflict(shown, r, "the new bundle has a directory of that name"));
        } else {
          out.moves.add(r);
        }
      }
    }
  }

  /**
   * The entries of {@code dir} that are not this bundle's, each whole, in walk order: whatever is
   * not a file it lists (a link or a directory where it lists a file is not its either) nor a
   * directory on the way to one.
   */
  List<String> others(Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    others(dir, "", out);
    return out;
  }

  private void others(Path root, String rel, List<String> out) throws IOException {
    for (String name : names(rel.isEmpty() ? root : root.resolve(rel))) {
      String r = rel.isEmpty() ? name : rel + "/" + name;
      if (r.equals(BundleLayout.MANIFEST)) {
        continue;
      }
      BasicFileAttributes a =
          Files.readAttributes(
              root.resolve(r), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (files.contains(r) && a.isRegularFile()) {
        continue;
      }
      if (dirs.contains(r) && a.isDirectory()) {
        others(root, r, out);
        continue;
      }
      out.add(r);
    }
  }

  private static InputException conflict(String shown, String rel, String why) {
    return new InputException(
        shown + "/" + rel,
        null,
        "is not a file of the bundle (not in "
            + BundleLayout.MANIFEST
            + "), and "
            + why
            + ": move it out of the way; nothing was changed");
  }

  private static String kind(BasicFileAttributes a) {
    return a.isSymbolicLink() ? "a symbolic link" : a.isDirectory() ? "a directory" : "not a file";
  }

  /** The names in a directory, sorted (the first problem reported is the same on every run). */
  static List<String> names(Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        out.add(p.getFileName().toString());
      }
    }
    out.sort(null);
    return out;
  }
}
