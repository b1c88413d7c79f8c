package io.canary2k8s.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.canary2k8s.testing.Seeded;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reruns onto a bundle, over random sequences of changes (files changed with and without a change
 * of size, added, removed, or none), with the user's files in and around the bundle directory (a
 * {@code .git/}, an {@code OWNERS}, files inside the bundle's own directories, a link, look-alikes
 * beside it): after each write the bundle's files are exactly the new bundle and its manifest,
 * every file of the user's is where it was with the same inode, content and modification time,
 * nothing is left beside the bundle, the write says whether anything changed, and every file put
 * with the same content as before is the same file as before, with its modification time.
 */
class BundleWriterRerunPropertyTest {
  @TempDir Path tmp;

  static final int RERUNS = 6;

  @Test
  void everyRerunLeavesTheNewBundleAndKeepsTheFilesThatDidNotChange() {
    Seeded.forAll("bundle reruns", 40, this::check);
  }

  void check(Random rnd) throws IOException {
    Path dir = Files.createTempDirectory(tmp, "case");
    Path out = dir.resolve("out");
    Map<String, String> files = new TreeMap<>();
    files.put(BundleLayout.REVIEW, "# review\n");
    for (int i = 0, n = 1 + rnd.nextInt(12); i < n; i++) {
      files.put(somePath(rnd), someContent(rnd));
    }
    assertThat(BundleWriter.write(new Bundle(files), out)).isTrue();
    List<String> users = usersEntries(out, dir, rnd);
    Map<Path, Object> userKeys = new TreeMap<>();
    Map<Path, FileTime> userTimes = new TreeMap<>();
    Map<Path, String> userContent = new TreeMap<>();
    for (String u : users) {
      Path f = dir.resolve(u);
      BasicFileAttributes a =
          Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      userKeys.put(f, a.fileKey());
      userTimes.put(f, a.lastModifiedTime());
      userContent.put(
          f, a.isSymbolicLink() ? "-> " + Files.readSymbolicLink(f) : Files.readString(f));
    }
    List<String> around = siblings(dir);
    for (int run = 0; run < RERUNS; run++) {
      Map<Path, Object> keys = new TreeMap<>();
      Map<Path, FileTime> times = new TreeMap<>();
      for (String p : files.keySet()) {
        Path f = out.resolve(p);
        keys.put(f, Files.readAttributes(f, BasicFileAttributes.class).fileKey());
        times.put(f, Files.getLastModifiedTime(f));
      }
      Map<String, String> next = change(files, rnd);

      boolean written = BundleWriter.write(new Bundle(next), out);

      assertThat(written).as("written, run %d", run).isEqualTo(!next.equals(files));
      Map<String, String> bundle = BundleWriter.read(out);
      users.forEach(u -> bundle.keySet().removeIf(k -> ("out/" + k).equals(u)));
      assertThat(bundle).as("run %d", run).isEqualTo(BundleWriterTest.written(next));
      assertThat(siblings(dir)).as("beside the bundle, run %d", run).isEqualTo(around);
      for (Path f : userKeys.keySet()) {
        BasicFileAttributes a =
            Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (userKeys.get(f) != null) {
          assertThat(a.fileKey())
              .as("%s is the same file, run %d", f, run)
              .isEqualTo(userKeys.get(f));
        }
        assertThat(a.lastModifiedTime())
            .as("%s kept its time, run %d", f, run)
            .isEqualTo(userTimes.get(f));
        assertThat(a.isSymbolicLink() ? "-> " + Files.readSymbolicLink(f) : Files.readString(f))
            .as("%s kept its content, run %d", f, run)
            .isEqualTo(userContent.get(f));
      }
      for (Map.Entry<String, String> e : next.entrySet()) {
        Path f = out.resolve(e.getKey());
        // REVIEW.md is streamed: written whenever anything changed
        boolean kept =
            e.getValue().equals(files.get(e.getKey()))
                && (!written || !e.getKey().equals(BundleLayout.REVIEW));
        if (kept) {
          assertThat(Files.getLastModifiedTime(f))
              .as("%s kept its time, run %d", e.getKey(), run)
              .isEqualTo(times.get(f));
          if (keys.get(f) != null) {
            assertThat(Files.readAttributes(f, BasicFileAttributes.class).fileKey())
                .as("%s is the same file, run %d", e.getKey(), run)
                .isEqualTo(keys.get(f));
          }
        }
      }
      files = next;
    }
  }

  /**
   * Some of the user's entries, in the bundle directory and beside it (paths relative to {@code
   * dir}, files and links; a directory's files each): none where a bundle of {@link #somePath} puts
   * a file or a directory.
   */
  static List<String> usersEntries(Path out, Path dir, Random rnd) throws IOException {
    List<String> made = new ArrayList<>();
    List<String> candidates =
        List.of(
            "out/OWNERS",
            "out/.git/HEAD",
            "out/.git/objects/4b/825dc642cb6eb9a060e54bf8d69288fbee4904",
            "out/base/OWNERS",
            "out/base/app-" + rnd.nextInt(6) + "/NOTES.md",
            "out/team/README.md",
            "out/overlays/step-" + rnd.nextInt(3) + "/local/patch.yaml",
            "out/dns/zone-notes/README.md",
            "out.txt",
            "other/file",
            ".out.tmp-mine/file",
            ".out.old-12ab/file");
    for (String c : candidates) {
      if (rnd.nextInt(3) > 0) {
        Path f = dir.resolve(c);
        Files.createDirectories(f.getParent());
        Files.writeString(f, "the user's " + c + " " + rnd.nextInt(1000) + "\n");
        Files.setLastModifiedTime(f, FileTime.fromMillis(1_000_000_000_000L + rnd.nextInt(1000)));
        made.add(c);
      }
    }
    if (rnd.nextBoolean()) {
      Files.createSymbolicLink(out.resolve("latest"), Path.of("base"));
      made.add("out/latest");
    }
    return made;
  }

  static List<String> siblings(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** Some of: a file changed (sometimes to another text of the same length), added, removed. */
  static Map<String, String> change(Map<String, String> files, Random rnd) {
    Map<String, String> next = new TreeMap<>(files);
    List<String> paths = new ArrayList<>(files.keySet());
    for (int i = 0, n = rnd.nextInt(4); i < n; i++) {
      String p = paths.get(rnd.nextInt(paths.size()));
      switch (rnd.nextInt(4)) {
        case 0 -> next.put(p, someContent(rnd));
        case 1 -> next.computeIfPresent(p, (k, v) -> sameLength(v, rnd));
        case 2 -> next.put(somePath(rnd), someContent(rnd));
        default -> {
          if (!p.equals(BundleLayout.REVIEW) && next.size() > 2) {
            next.remove(p);
          }
        }
      }
    }
    return next;
  }

  static String somePath(Random rnd) {
    return switch (rnd.nextInt(4)) {
      case 0 -> "base/app-" + rnd.nextInt(6) + "/deployment.yaml";
      case 1 -> "base/app-" + rnd.nextInt(6) + "/service.yaml";
      case 2 -> "overlays/step-" + rnd.nextInt(3) + "/kustomization.yaml";
      default -> "dns/batch-" + rnd.nextInt(3) + ".json";
    };
  }

  static String someContent(Random rnd) {
    return "replicas: " + rnd.nextInt(20) + "\n".repeat(1 + rnd.nextInt(2));
  }

  /** The same number of bytes, one character replaced. */
  static String sameLength(String s, Random rnd) {
    int i = rnd.nextInt(s.length());
    char c = s.charAt(i) == 'x' ? 'y' : 'x';
    return s.substring(0, i) + c + s.substring(i + 1);
  }
}
