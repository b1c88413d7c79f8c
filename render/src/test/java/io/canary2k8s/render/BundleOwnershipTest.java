package io.canary2k8s.render;

import static io.canary2k8s.render.BundleWriterTest.NEW;
import static io.canary2k8s.render.BundleWriterTest.OLD;
import static io.canary2k8s.render.BundleWriterTest.written;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.canary2k8s.input.InputException;
import io.canary2k8s.input.IoFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundle knows what it owns: a directory is a bundle only with a manifest, a rerun touches only
 * what the manifest lists, the user's entries stay (the same inodes), a manifest that points
 * outside is bad input, and one run at a time writes a bundle.
 */
class BundleOwnershipTest {
  @TempDir Path tmp;

  @AfterEach
  void realIo() {
    BundleWriter.io = BundleWriter.REAL_IO;
  }

  Path out() {
    return tmp.resolve("out");
  }

  /** Everything under {@code dir}, relative path → inode (or the content, without inodes). */
  static Map<String, Object> identities(Path dir) throws IOException {
    Map<String, Object> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        BasicFileAttributes a =
            Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        Object id = a.fileKey();
        if (id == null) {
          id = a.isRegularFile() ? Files.readString(p) : a.isDirectory() ? "dir" : "other";
        }
        m.put(dir.relativize(p).toString(), List.of(id, a.lastModifiedTime()));
      }
    }
    return m;
  }

  List<String> siblings() throws IOException {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aDirectoryThatMerelyHoldsAReviewIsNotABundle() throws IOException {
    // a repository root with a REVIEW.md of its own, or even one canary2k8s wrote
    Files.createDirectories(out().resolve("src/main"));
    Files.writeString(out().resolve("REVIEW.md"), "# canary2k8s review: 1 app to `traefik-v3`\n");
    Files.writeString(out().resolve("src/main/App.java"), "class App {}\n");
    Files.createDirectories(out().resolve(".git"));
    Files.writeString(out().resolve(".git/HEAD"), "ref: refs/heads/main\n");
    Map<String, Object> before = identities(out());

    assertThatThrownBy(() -> BundleWriter.write(NEW, out()))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(out() + ": is not empty and is not a canary2k8s bundle (no ")
        .hasMessageContaining(".git/ is not a file canary2k8s writes")
        .hasMessageNotContaining("\n");
    assertThat(identities(out())).isEqualTo(before);
    assertThat(siblings()).containsExactly(".out.lock", "out");
  }

  @Test
  void aBundleOfTheEarlierVersionIsRecognisedByItsFilesAndUpgradedOnce() throws IOException {
    Map<String, String> legacy = new TreeMap<>();
    legacy.put("REVIEW.md", "# canary2k8s review: 1 app to `traefik-v3`\n");
    legacy.put("notes.json", "{}\n");
    legacy.put("inventory.json", "{}\n");
    legacy.put("DIFF.md", "diff\n");
    legacy.put("base/kustomization.yaml", "resources: []\n");
    legacy.put("base/app/deployment-app.yaml", "kind: Deployment # new\n");
    legacy.put("base/_cluster/namespace-app.yaml", "kind: Namespace\n");
    legacy.put("overlays/promote/kustomization.yaml", "resources: []\n");
    legacy.put("dns/README.md", "dns\n");
    legacy.put("dns/Z1/01-weight-10.json", "{}\n");
    for (var e : legacy.entrySet()) {
      Files.createDirectories(out().resolve(e.getKey()).getParent());
      Files.writeString(out().resolve(e.getKey()), e.getValue());
    }
    Path same = out().resolve("base/app/deployment-app.yaml");
    Object inode = Files.readAttributes(same, BasicFileAttributes.class).fileKey();

    assertThat(BundleWriter.write(NEW, out())).isTrue();
    assertThat(BundleWriter.read(out())).isEqualTo(written(NEW));
    if (inode != null) {
      assertThat(Files.readAttributes(same, BasicFileAttributes.class).fileKey())
          .as("an equal file is taken over")
          .isEqualTo(inode);
    }
    // from now on the manifest says what the bundle is
    assertThat(BundleWriter.write(NEW, out())).isFalse();
    assertThat(siblings()).containsExactly(".out.lock", "out");
  }

  @Test
  void anEarlierBundleWithAnythingElseInItIsRefused() throws IOException {
    BundleWriter.write(OLD, out());
    Files.delete(out().resolve(BundleLayout.MANIFEST));
    Files.writeString(out().resolve(BundleLayout.REVIEW), "# canary2k8s review: 1 app\n");
    Files.writeString(out().resolve(BundleLayout.INVENTORY), "{}\n");
    Files.writeString(out().resolve("OWNERS"), "me\n");
    assertThatThrownBy(() -> BundleWriter.write(NEW, out()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("OWNERS is not a file canary2k8s writes");
    assertThat(out().resolve("OWNERS")).hasContent("me");
    // REVIEW.md as someone else begins it
    Files.delete(out().resolve("OWNERS"));
    Files.writeString(out().resolve(BundleLayout.REVIEW), "# Review\n");
    assertThatThrownBy(() -> BundleWriter.write(NEW, out()))
        .hasMessageContaining("is not a canary2k8s bundle (no " + BundleLayout.MANIFEST + ")");
  }

  @Test
  void theUsersEntriesStayTheSameFilesThroughARerunThatChangesEverything() throws IOException {
    BundleWriter.write(OLD, out());
    Files.createDirectories(out().resolve(".git/objects/4b"));
    Files.writeString(out().resolve(".git/objects/4b/825d"), "blob");
    Files.writeString(out().resolve("OWNERS"), "me\n");
    Files.writeString(out().resolve("base/app/README.md"), "the app's\n");
    Files.createSymbolicLink(out().resolve("current"), Path.of("overlays/promote"));
    Map<String, Object> users = identities(out());
    users.keySet().retainAll(List.of(".git", ".git/objects/4b/825d", "OWNERS", "current"));
    Map<String, Object> readme = identities(out().resolve("base/app"));
    readme.keySet().retainAll(List.of("README.md"));

    // the app's directory is gone from the new bundle: its README.md is still carried over
    Map<String, String> moved = new TreeMap<>(NEW.asMap());
    moved.remove("base/app/deployment-app.yaml");
    moved.put("base/other/deployment-other.yaml", "kind: Deployment\n");
    assertThat(BundleWriter.write(new Bundle(moved), out())).isTrue();

    Map<String, Object> after = identities(out());
    assertThat(after).containsAllEntriesOf(users);
    Map<String, Object> readmeAfter = identities(out().resolve("base/app"));
    readmeAfter.keySet().retainAll(List.of("README.md"));
    assertThat(readmeAfter).isEqualTo(readme);
    assertThat(out().resolve(BundleLayout.MANIFEST))
        .hasContent(BundleManifest.format(moved.keySet()).strip());
    assertThat(siblings()).containsExactly(".out.lock", "out");
    // and an unchanged rerun with them there is unchanged
    assertThat(BundleWriter.write(new Bundle(moved), out())).isFalse();
  }

  @Test
  void aUsersFileWhereTheNewBundleWritesOneIsNeverOverwritten() throws IOException {
    BundleWriter.write(OLD, out());
    Path mine = out().resolve("base/app/service-app.yaml");
    Files.writeString(mine, "kind: Service # hand-written\n");
    Map<String, Object> before = identities(out());
    Map<String, String> next = new TreeMap<>(NEW.asMap());
    next.put("base/app/service-app.yaml", "kind: Service # generated\n");

    assertThatThrownBy(() -> BundleWriter.write(new Bundle(next), out()))
        .isInstanceOf(InputException.class)
        .hasMessage(
            out()
                + "/base/app/service-app.yaml: is not a file of the bundle (not in "
                + BundleLayout.MANIFEST
                + "), and the new bundle has a file of that name: move it out of the way;"
                + " nothing was changed");
    assertThat(identities(out())).isEqualTo(before);
    assertThat(siblings()).containsExactly(".out.lock", "out");

    // the same bytes as the new bundle's file: it becomes the bundle's
    Files.writeString(mine, "kind: Service # generated\n");
    assertThat(BundleWriter.write(new Bundle(next), out())).isTrue();
    assertThat(BundleWriter.read(out())).isEqualTo(written(next));
    assertThat(siblings()).containsExactly(".out.lock", "out");
  }

  @Test
  void aManifestListingAPathOutsideTheBundleIsBadInput() throws IOException {
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("precious.yaml"), "keep\n");
    for (String bad :
        List.of(
            "../outside/precious.yaml",
            "/" + outside.resolve("precious.yaml"),
            "base/../../outside/precious.yaml",
            "base//x.yaml",
            "./x")) {
      BundleWriter.write(OLD, out());
      Files.writeString(
          out().resolve(BundleLayout.MANIFEST),
          BundleManifest.format(List.of(BundleLayout.REVIEW)) + bad + "\n");
      assertThatThrownBy(() -> BundleWriter.write(NEW, out()))
          .as(bad)
          .isInstanceOf(InputException.class)
          .hasMessageStartingWith(out() + "/" + BundleLayout.MANIFEST + ": line 4: ");
      assertThat(outside.resolve("precious.yaml")).hasContent("keep");
      BundleWriter.deleteTree(out());
    }
  }

  @Test
  void aManifestListingFilesThroughALinkIsBadInputAndNothingOutsideIsTouched() throws IOException {
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("deployment-app.yaml"), "keep\n");
    BundleWriter.write(OLD, out());
    // base/app/ replaced by a link to a directory elsewhere
    BundleWriter.deleteTree(out().resolve("base/app"));
    Files.createSymbolicLink(out().resolve("base/app"), outside);
    Map<String, Object> before = identities(outside);

    assertThatThrownBy(() -> BundleWriter.write(NEW, out()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("lists files under base/app, which is a symbolic link");
    assertThat(identities(outside)).isEqualTo(before);
    assertThat(outside.resolve("deployment-app.yaml")).hasContent("keep");
    assertThat(Files.isSymbolicLink(out().resolve("base/app"))).isTrue();

    // a link where the manifest lists a file
    BundleWriter.deleteTree(out());
    BundleWriter.write(OLD, out());
    Files.delete(out().resolve("notes.json"));
    Files.createSymbolicLink(out().resolve("notes.json"), outside.resolve("deployment-app.yaml"));
    assertThatThrownBy(() -> BundleWriter.write(NEW, out()))
        .hasMessageContaining("lists notes.json, which is a symbolic link");
    assertThat(outside.resolve("deployment-app.yaml")).hasContent("keep");
  }

  @Test
  void aLinkAsTheOutputDirectoryIsNamedAsOne() throws IOException {
    Path real = Files.createDirectories(tmp.resolve("real"));
    Files.createSymbolicLink(out(), real);
    assertThatThrownBy(() -> BundleWriter.write(NEW, out()))
        .isInstanceOf(InputException.class)
        .hasMessage(
            out()
                + ": is a symbolic link (to "
                + real
                + "): a bundle directory is replaced as a whole, so give the directory itself as"
                + " --out");
  }

  @Test
  void aNewBundleDirectoryHasTheUmasksModeAndARerunKeepsTheDirectorysMode() throws IOException {
    Path probe = Files.createDirectory(tmp.resolve("probe"));
    var umask = Files.getPosixFilePermissions(probe);
    BundleWriter.write(OLD, out());
    assertThat(Files.getPosixFilePermissions(out())).isEqualTo(umask);
    var chosen = PosixFilePermissions.fromString("rwxr-x---");
    Files.setPosixFilePermissions(out(), chosen);
    assertThat(BundleWriter.write(NEW, out())).isTrue();
    assertThat(Files.getPosixFilePermissions(out())).isEqualTo(chosen);
  }

  @Test
  void aSecondWriteOfTheSameBundleIsRefusedWhileTheFirstHoldsTheLock() throws IOException {
    try (BundleWriter.Pending first = BundleWriter.open(out())) {
      // another spelling of the same directory takes the same lock
      Path other = tmp.resolve("sub/../out");
      Files.createDirectories(tmp.resolve("sub"));
      assertThatThrownBy(() -> BundleWriter.open(other))
          .isInstanceOf(InputException.class)
          .hasMessage(
              other
                  + ": another canary2k8s run (pid "
                  + ProcessHandle.current().pid()
                  + ", this process) is writing this bundle; it holds the lock "
                  + tmp.toRealPath().resolve(".out.lock")
                  + " until it ends: nothing was written");
      NEW.asMap().forEach(first::put);
      first.commit();
    }
    // released
    assertThat(BundleWriter.write(NEW, out())).isFalse();
    assertThat(tmp.resolve(".out.lock")).isEmptyFile();
  }

  @Test
  void whatAKilledSwapCarriedAwayComesBack() throws IOException {
    BundleWriter.write(OLD, out());
    Files.writeString(out().resolve("OWNERS"), "me\n");
    Files.createDirectories(out().resolve(".git"));
    Files.writeString(out().resolve(".git/HEAD"), "ref\n");
    Map<String, Object> users = identities(out());
    users.keySet().retainAll(List.of("OWNERS", ".git", ".git/HEAD"));
    // killed after carrying the user's entries into the new bundle, before the renames: the new
    // bundle complete (with its manifest) in .out.tmp-N, the user's entries in it
    Path half = tmp.resolve(".out.tmp-42");
    BundleWriter.write(NEW, half);
    Files.delete(tmp.resolve("..out.tmp-42.lock"));
    Files.move(out().resolve("OWNERS"), half.resolve("OWNERS"));
    Files.move(out().resolve(".git"), half.resolve(".git"));

    assertThat(BundleWriter.write(OLD, out())).as("the previous bundle, as it was").isFalse();
    assertThat(identities(out())).containsAllEntriesOf(users);
    assertThat(siblings()).containsExactly(".out.lock", "out");

    // killed between the renames: out/ gone, the previous bundle aside, the user's in the new one
    Path aside = tmp.resolve(".out.old-7");
    Files.move(out(), aside);
    BundleWriter.write(NEW, half);
    Files.delete(tmp.resolve("..out.tmp-42.lock"));
    Files.move(aside.resolve("OWNERS"), half.resolve("OWNERS"));
    Files.move(aside.resolve(".git"), half.resolve(".git"));

    assertThat(BundleWriter.write(OLD, out())).isFalse();
    assertThat(identities(out())).containsAllEntriesOf(users);
    Map<String, String> files = BundleWriter.read(out());
    files.keySet().removeAll(List.of("OWNERS", ".git/HEAD"));
    assertThat(files).isEqualTo(written(OLD));
    assertThat(siblings()).containsExactly(".out.lock", "out");
  }

  @Test
  void anIoErrorSaysSoAndNamesThePath() throws IOException {
    BundleWriter.write(OLD, out());
    BundleWriter.io = new BundleWriterTest.Failing(1, Integer.MAX_VALUE);
    assertThatThrownBy(() -> BundleWriter.write(NEW, out()))
        .isInstanceOf(IoFailure.class)
        .hasMessageStartingWith("I/O error writing the bundle to " + out() + ": ")
        .hasMessageEndingWith("injected: no space left on device; " + out() + " is as it was");
    BundleWriter.io = BundleWriter.REAL_IO;
    Path locked = Files.createDirectories(tmp.resolve("locked"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-x------"));
    try {
      org.junit.jupiter.api.Assumptions.assumeFalse(
          Files.isWritable(locked), "running as a user who may write anywhere");
      assertThatThrownBy(() -> BundleWriter.write(NEW, locked.resolve("out")))
          .isInstanceOf(IoFailure.class)
          .hasMessageContaining(locked.toRealPath().resolve(".out.lock") + ": permission denied");
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
    }
  }
}
