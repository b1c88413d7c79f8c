package io.canary2k8s.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * All or nothing: an I/O error at any step of a write leaves the previous bundle as it was and no
 * temporary directory behind; what a killed run leaves is recovered by the next write.
 */
class BundleWriterTest {
  @TempDir Path tmp;

  static final Bundle OLD = bundle("old");
  static final Bundle NEW = bundle("new");

  static Bundle bundle(String v) {
    Map<String, String> m = new TreeMap<>();
    m.put(BundleLayout.REVIEW, "# review " + v + "\n");
    m.put("notes.json", "{\"v\": \"" + v + "\"}\n");
    m.put("base/kustomization.yaml", "resources: []\n# " + v + "\n");
    m.put("base/app/deployment-app.yaml", "kind: Deployment # " + v + "\n");
    m.put("overlays/promote/kustomization.yaml", "resources: [../../base] # " + v + "\n");
    return new Bundle(m);
  }

  @AfterEach
  void realIo() {
    BundleWriter.io = BundleWriter.REAL_IO;
  }

  Path out() {
    return tmp.resolve("out");
  }

  /** Everything beside out/ in its parent, by name, but the lock file (which stays). */
  List<String> siblings() throws IOException {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> !n.equals(".out.lock"))
          .sorted()
          .toList();
    }
  }

  /** The files of {@code b} as written: with the manifest that lists them. */
  static Map<String, String> written(Bundle b) {
    return written(b.asMap());
  }

  static Map<String, String> written(Map<String, String> files) {
    Map<String, String> m = new TreeMap<>(files);
    m.put(BundleLayout.MANIFEST, BundleManifest.format(files.keySet()));
    return m;
  }

  @Test
  void writesThenSkipsAnIdenticalBundle() throws IOException {
    assertThat(BundleWriter.write(OLD, out())).isTrue();
    assertThat(BundleWriter.read(out())).isEqualTo(written(OLD));
    assertThat(BundleWriter.write(OLD, out())).isFalse();
    assertThat(BundleWriter.write(NEW, out())).isTrue();
    assertThat(BundleWriter.read(out())).isEqualTo(written(NEW));
    assertThat(siblings()).containsExactly("out");
  }

  @Test
  void reviewIsWrittenLast() throws IOException {
    List<String> order = new java.util.ArrayList<>();
    BundleWriter.io =
        new Failing(Integer.MAX_VALUE, Integer.MAX_VALUE) {
          @Override
          public void write(Path file, String content) throws IOException {
            order.add(file.getFileName().toString());
            super.write(file, content);
          }
        };
    BundleWriter.write(NEW, out());
    // then the manifest, written aside and renamed in
    assertThat(order.subList(order.size() - 2, order.size()))
        .containsExactly(BundleLayout.REVIEW, BundleLayout.MANIFEST + ".part");
  }

  @Test
  void anIoErrorAtAnyFileLeavesThePreviousBundleIntact() throws IOException {
    BundleWriter.write(OLD, out());
    int failAt = 0;
    for (; ; failAt++) {
      BundleWriter.io = new Failing(failAt, Integer.MAX_VALUE);
      try {
        BundleWriter.write(NEW, out());
        break; // fewer writes than failAt: every one has failed once
      } catch (UncheckedIOException e) {
        assertThat(e).as("failing write %d", failAt).hasMessageContaining("injected");
      }
      assertThat(BundleWriter.read(out()))
          .as("after failing write %d", failAt)
          .isEqualTo(written(OLD));
      assertThat(siblings()).as("after failing write %d", failAt).containsExactly("out");
    }
    // each file, and the manifest
    assertThat(failAt).isEqualTo(NEW.asMap().size() + 1);
    assertThat(BundleWriter.read(out())).isEqualTo(written(NEW));
  }

  @Test
  void anIoErrorInAnyRenameLeavesThePreviousBundleIntact() throws IOException {
    BundleWriter.write(OLD, out());
    Path git = Files.createDirectories(out().resolve(".git/objects"));
    Files.writeString(git.resolve("ab"), "a user's file");
    Files.writeString(out().resolve("OWNERS"), "me\n");
    Files.writeString(out().resolve("base/OWNERS"), "you\n");
    Map<String, String> before = BundleWriter.read(out());
    int failAt = 0;
    for (; ; failAt++) {
      BundleWriter.io = new Failing(Integer.MAX_VALUE, failAt);
      try {
        BundleWriter.write(NEW, out());
        break;
      } catch (UncheckedIOException e) {
        assertThat(e).as("failing move %d", failAt).hasMessageContaining("injected");
      }
      assertThat(BundleWriter.read(out())).as("after failing move %d", failAt).isEqualTo(before);
      assertThat(siblings()).as("after failing move %d", failAt).containsExactly("out");
    }
    // the manifest's, the three entries of the user's carried over, and the two of the swap
    assertThat(failAt).isEqualTo(6);
    Map<String, String> after = BundleWriter.read(out());
    assertThat(after).containsAllEntriesOf(written(NEW));
    assertThat(after)
        .containsEntry(".git/objects/ab", "a user's file")
        .containsEntry("OWNERS", "me\n")
        .containsEntry("base/OWNERS", "you\n")
        .hasSize(written(NEW).size() + 3);
  }

  @Test
  void anIoErrorOnAFirstWriteLeavesNothing() throws IOException {
    BundleWriter.io = new Failing(2, Integer.MAX_VALUE);
    assertThatThrownBy(() -> BundleWriter.write(NEW, out()))
        .isInstanceOf(UncheckedIOException.class);
    assertThat(siblings()).isEmpty();
  }

  @Test
  void leftoversOfAKilledRunAreRemovedByTheNextWrite() throws IOException {
    BundleWriter.write(OLD, out());
    Path staleTmp = Files.createDirectories(tmp.resolve(".out.tmp-123456789"));
    Files.writeString(staleTmp.resolve("notes.json"), "half");
    Path staleOld = Files.createDirectories(tmp.resolve(".out.old-987654321"));
    Files.writeString(staleOld.resolve(BundleLayout.REVIEW), "an older bundle");
    // look-alikes that are not ours stay
    Files.createDirectories(tmp.resolve(".out.tmp-mine"));
    Files.createDirectories(tmp.resolve(".other.tmp-123"));
    Files.writeString(tmp.resolve(".out.tmp-42"), "a file, not our directory");

    assertThat(BundleWriter.write(OLD, out())).isFalse();
    assertThat(siblings()).containsExactly(".other.tmp-123", ".out.tmp-42", ".out.tmp-mine", "out");
    assertThat(BundleWriter.read(out())).isEqualTo(written(OLD));
  }

  @Test
  void aBundleStrandedMidSwapIsPutBack() throws IOException {
    BundleWriter.write(OLD, out());
    // killed between "out -> .out.old-N" and ".out.tmp-M -> out"
    Files.move(out(), tmp.resolve(".out.old-1111"));
    Path half = Files.createDirectories(tmp.resolve(".out.tmp-2222/base"));
    Files.writeString(half.resolve("kustomization.yaml"), "resources: []\n");

    assertThat(BundleWriter.write(OLD, out()))
        .as("the restored bundle is already the wanted one")
        .isFalse();
    assertThat(BundleWriter.read(out())).isEqualTo(written(OLD));
    assertThat(siblings()).containsExactly("out");
  }

  @Test
  void aPathThatEscapesTheOutputDirectoryIsRefused() throws IOException {
    Bundle evil = new Bundle(Map.of(BundleLayout.REVIEW, "x", "../escaped.yaml", "x"));
    assertThatThrownBy(() -> BundleWriter.write(evil, out())).hasMessageContaining("escapes");
    assertThat(siblings()).isEmpty();
  }

  @Test
  void pathsThatEscapeInEveryShapeAreRefused() throws IOException {
    for (String bad :
        List.of(
            "base/../../escaped.yaml",
            "/etc/escaped.yaml",
            "..",
            ".",
            "",
            "base/./..//../x",
            "./../x")) {
      Bundle evil = new Bundle(Map.of(BundleLayout.REVIEW, "x", bad, "x"));
      assertThatThrownBy(() -> BundleWriter.write(evil, out()))
          .as(bad)
          .hasMessageContaining("escapes");
      assertThat(siblings()).as(bad).isEmpty();
    }
    // not plain, yet inside: normalised as before, and written where normalising puts them
    Bundle odd =
        new Bundle(
            Map.of(
                BundleLayout.REVIEW,
                "x",
                "base//a.yaml",
                "a",
                "base/./b.yaml",
                "b",
                "base/c/../c.yaml",
                "c"));
    BundleWriter.write(odd, out());
    assertThat(BundleWriter.read(out()))
        .isEqualTo(
            written(
                Map.of(
                    BundleLayout.REVIEW,
                    "x",
                    "base/a.yaml",
                    "a",
                    "base/b.yaml",
                    "b",
                    "base/c.yaml",
                    "c")));
  }

  /** The text check that lets a path skip normalising agrees with normalising. */
  @Test
  void plainRelativeIsWhatNormalisingLeavesInside() {
    Path dir = Path.of("/bundle/tmp");
    String alphabet = "a./";
    java.util.Random r = new java.util.Random(11);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int n = r.nextInt(9); n > 0; n--) {
        sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      String p = sb.toString();
      if (BundleWriter.Pending.plainRelative(p)) {
        Path f = dir.resolve(p);
        assertThat(f.normalize()).as(p).isEqualTo(f);
        assertThat(f.startsWith(dir) && !f.equals(dir)).as(p).isTrue();
        assertThat(f.toString()).as(p).isEqualTo(dir + "/" + p);
      }
    }
    assertThat(BundleWriter.Pending.plainRelative("base/ns/apps_v1_deployment_web.yaml")).isTrue();
    assertThat(BundleWriter.Pending.plainRelative("a..b/.c/c.")).isTrue();
    assertThat(BundleWriter.Pending.plainRelative("a/")).isFalse();
  }

  @Test
  void aForeignDirectoryIsNotOverwritten() throws IOException {
    Files.createDirectories(out());
    Files.writeString(out().resolve("precious.txt"), "keep");
    assertThatThrownBy(() -> BundleWriter.write(NEW, out()))
        .hasMessageContaining("not a canary2k8s bundle");
    assertThat(out().resolve("precious.txt")).hasContent("keep");
  }

  @Test
  void anUnchangedRerunWritesOnlyTheStreamedReviewAndAChangeCopiesWhatWasEqualSoFar()
      throws IOException {
    BundleWriter.write(OLD, out());
    List<String> written = new java.util.ArrayList<>();
    Failing counting =
        new Failing(Integer.MAX_VALUE, Integer.MAX_VALUE) {
          @Override
          public void write(Path file, String content) throws IOException {
            written.add(file.getFileName().toString());
            super.write(file, content);
          }
        };
    BundleWriter.io = counting;
    assertThat(BundleWriter.write(OLD, out())).isFalse();
    // REVIEW.md is streamed (never held whole), so it is written, then compared
    assertThat(written)
        .as("files written by an unchanged rerun")
        .containsExactly(BundleLayout.REVIEW);
    assertThat(counting.moves).hasValue(0);

    // the same files but the last one put: everything before it is taken over from out/, and
    // keeps its modification time (a hard link here)
    Path equal = out().resolve("base/app/deployment-app.yaml");
    java.nio.file.attribute.FileTime before = Files.getLastModifiedTime(equal);
    Object inode = Files.readAttributes(equal, BasicFileAttributes.class).fileKey();
    Map<String, String> lateChange = new TreeMap<>(OLD.asMap());
    lateChange.put("overlays/promote/kustomization.yaml", "resources: [../../base] # late\n");
    assertThat(BundleWriter.write(new Bundle(lateChange), out())).isTrue();
    assertThat(BundleWriter.read(out())).isEqualTo(written(lateChange));
    assertThat(siblings()).containsExactly("out");
    assertThat(Files.getLastModifiedTime(equal)).isEqualTo(before);
    if (inode != null) {
      assertThat(Files.readAttributes(equal, BasicFileAttributes.class).fileKey()).isEqualTo(inode);
    }

    // a file fewer, or one more, is a change even when every file put is equal
    Map<String, String> fewer = new TreeMap<>(lateChange);
    fewer.remove("notes.json");
    assertThat(BundleWriter.write(new Bundle(fewer), out())).isTrue();
    assertThat(BundleWriter.read(out())).isEqualTo(written(fewer));
    assertThat(BundleWriter.write(new Bundle(lateChange), out())).isTrue();
    assertThat(BundleWriter.read(out())).isEqualTo(written(lateChange));
    // only REVIEW.md differs
    Map<String, String> review = new TreeMap<>(lateChange);
    review.put(BundleLayout.REVIEW, "# another review\n");
    assertThat(BundleWriter.write(new Bundle(review), out())).isTrue();
    assertThat(BundleWriter.read(out())).isEqualTo(written(review));
  }

  @Test
  void afterAChangeTheFilesEqualToTheTargetsAreTakenOverNotWritten() throws IOException {
    BundleWriter.write(OLD, out());
    // the first file put changes; the three put after it are equal to out/'s
    Map<String, String> earlyChange = new TreeMap<>(OLD.asMap());
    earlyChange.put("base/app/deployment-app.yaml", "kind: Deployment # early\n");
    Map<Path, Object> inodes = new TreeMap<>();
    Map<Path, java.nio.file.attribute.FileTime> times = new TreeMap<>();
    for (String p :
        List.of("base/kustomization.yaml", "notes.json", "overlays/promote/kustomization.yaml")) {
      Path f = out().resolve(p);
      inodes.put(f, Files.readAttributes(f, BasicFileAttributes.class).fileKey());
      times.put(f, Files.getLastModifiedTime(f));
    }
    List<String> written = new java.util.ArrayList<>();
    BundleWriter.io =
        new Failing(Integer.MAX_VALUE, Integer.MAX_VALUE) {
          @Override
          public void write(Path file, String content) throws IOException {
            Path inTmp = tmp.relativize(file); // .out.tmp-*/<path>
            written.add(inTmp.subpath(1, inTmp.getNameCount()).toString());
            super.write(file, content);
          }
        };

    assertThat(BundleWriter.write(new Bundle(earlyChange), out())).isTrue();

    assertThat(BundleWriter.read(out())).isEqualTo(written(earlyChange));
    assertThat(siblings()).containsExactly("out");
    assertThat(written)
        .as("files written")
        .containsExactlyInAnyOrder(
            "base/app/deployment-app.yaml", BundleLayout.REVIEW, BundleLayout.MANIFEST + ".part");
    for (Path f : times.keySet()) {
      assertThat(Files.getLastModifiedTime(f)).as("%s kept its time", f).isEqualTo(times.get(f));
      if (inodes.get(f) != null) {
        assertThat(Files.readAttributes(f, BasicFileAttributes.class).fileKey())
            .as("%s is the same file", f)
            .isEqualTo(inodes.get(f));
      }
    }
  }

  @Test
  void closedWithoutACommitLeavesTheOutputAsItWas() throws IOException {
    BundleWriter.write(OLD, out());
    try (BundleWriter.Pending p = BundleWriter.open(out())) {
      NEW.asMap().forEach(p::put); // e.g. the notes then forbid writing: no commit
    }
    assertThat(BundleWriter.read(out())).isEqualTo(written(OLD));
    assertThat(siblings()).containsExactly("out");

    // an output under directories that did not exist: they go too
    Path deep = tmp.resolve("a/b/out");
    try (BundleWriter.Pending p = BundleWriter.open(deep)) {
      NEW.asMap().forEach(p::put);
    }
    assertThat(tmp.resolve("a")).doesNotExist();
    assertThat(siblings()).containsExactly("out");
  }

  @Test
  void aBundleWithoutReviewIsNeverCommitted() throws IOException {
    try (BundleWriter.Pending p = BundleWriter.open(out())) {
      p.put("notes.json", "{}\n");
      assertThatThrownBy(p::commit).hasMessageContaining(BundleLayout.REVIEW);
    }
    assertThat(siblings()).isEmpty();
  }

  @Test
  void aStreamedFileWrittenFromAnotherThreadMeanwhile() throws Exception {
    Map<String, String> want = new TreeMap<>();
    for (int i = 0; i < 500; i++) {
      want.put("base/app-" + (i % 7) + "/object-" + i + ".yaml", "n: " + i + "\n");
    }
    String big = "x".repeat(1 << 20) + "\n";
    want.put("inventory.json", big);
    want.put(BundleLayout.REVIEW, "# review\n");
    for (int round = 0; round < 2; round++) { // written, then unchanged
      boolean changed;
      try (BundleWriter.Pending p = BundleWriter.open(out())) {
        byte[] bigBytes = big.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Thread other =
            new Thread(
                () ->
                    p.write(
                        "inventory.json",
                        o -> {
                          for (int k = 0; k < bigBytes.length; k += 4096) {
                            o.write(bigBytes, k, Math.min(4096, bigBytes.length - k));
                          }
                        }));
        other.start();
        want.forEach(
            (path, content) -> {
              if (!path.equals("inventory.json")) {
                p.put(path, content);
              }
            });
        other.join();
        changed = p.commit();
      }
      assertThat(changed).as("round %d", round).isEqualTo(round == 0);
      assertThat(BundleWriter.read(out())).isEqualTo(written(want));
      assertThat(siblings()).containsExactly("out");
    }
  }

  @Test
  void filesPutFromSeveralThreadsAtOnce() throws Exception {
    // the render stage writes each app's files on the core that made them
    Map<String, String> want = new TreeMap<>();
    for (int i = 0; i < 2_000; i++) {
      want.put("base/app-" + (i % 50) + "/object-" + i + ".yaml", "n: " + i + "\n");
    }
    want.put(BundleLayout.REVIEW, "# review\n");
    Map<String, String> changedOne = new TreeMap<>(want);
    changedOne.put("base/app-7/object-1907.yaml", "n: changed\n");
    List<Map<String, String>> rounds = List.of(want, want, changedOne);
    List<Boolean> expectChanged =
        List.of(true, false, true); // written, unchanged, one file differs
    for (int r = 0; r < rounds.size(); r++) {
      Map<String, String> round = rounds.get(r);
      boolean changed;
      try (BundleWriter.Pending p = BundleWriter.open(out())) {
        List<Map.Entry<String, String>> entries = new java.util.ArrayList<>(round.entrySet());
        List<Thread> threads = new java.util.ArrayList<>();
        for (int t = 0; t < 4; t++) {
          int first = t;
          threads.add(
              new Thread(
                  () -> {
                    for (int k = first; k < entries.size(); k += 4) {
                      p.put(entries.get(k).getKey(), entries.get(k).getValue());
                    }
                  }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
          t.join();
        }
        changed = p.commit();
      }
      assertThat(BundleWriter.read(out())).isEqualTo(written(round));
      assertThat(siblings()).containsExactly("out");
      assertThat(changed).as("round %d", r).isEqualTo(expectChanged.get(r));
    }
  }

  @Test
  void whereAHardLinkCannotBeMadeTheFileIsCopied() throws IOException {
    Path from = tmp.resolve("from.yaml");
    Files.writeString(from, "kind: X\n");
    List<Path> written = new java.util.ArrayList<>();
    BundleWriter.Io noLinks =
        new Failing(Integer.MAX_VALUE, Integer.MAX_VALUE) {
          @Override
          public void write(Path file, String content) throws IOException {
            written.add(file);
            super.write(file, content);
          }
        };
    // a link onto a file that does not exist fails as a cross-device link does: a
    // FileSystemException
    Path to = tmp.resolve("to.yaml");
    Path missing = tmp.resolve("missing.yaml");
    assertThatThrownBy(() -> noLinks.takeOver(missing, to)).isInstanceOf(IOException.class);
    // across file systems (when this machine has a second one at hand): copied through write
    Path shm = Path.of("/dev/shm");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm));
    Path other = Files.createTempDirectory(shm, "bundlewritertest");
    try {
      org.junit.jupiter.api.Assumptions.assumeFalse(
          Files.getFileStore(other).equals(Files.getFileStore(tmp)), "one file system");
      Path copy = other.resolve("to.yaml");
      noLinks.takeOver(from, copy);
      assertThat(Files.readString(copy)).isEqualTo("kind: X\n");
      assertThat(written).containsExactly(copy);
    } finally {
      BundleWriter.deleteTree(other);
    }
  }

  /** Real I/O that throws at the n-th file write and the m-th rename (0-based). */
  static class Failing implements BundleWriter.Io {
    final int failWrite;
    final int failMove;
    final AtomicInteger writes = new AtomicInteger();
    final AtomicInteger moves = new AtomicInteger();

    Failing(int failWrite, int failMove) {
      this.failWrite = failWrite;
      this.failMove = failMove;
    }

    @Override
    public void write(Path file, String content) throws IOException {
      if (writes.getAndIncrement() == failWrite) {
        // half a file, as a full disk would leave it
        Files.writeString(file, content.substring(0, content.length() / 2));
        throw new IOException("injected: no space left on device");
      }
      BundleWriter.REAL_IO.write(file, content);
    }

    @Override
    public void write(Path file, BundleSink.Body body) throws IOException {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      body.writeTo(bytes);
      write(file, bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public void move(Path from, Path to) throws IOException {
      if (moves.getAndIncrement() == failMove) {
        throw new IOException("injected: rename failed");
      }
      BundleWriter.REAL_IO.move(from, to);
    }
  }
}
