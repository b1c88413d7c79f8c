package io.canary2k8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.canary2k8s.render.BundleWriter;
import io.canary2k8s.render.PausingMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CLI killed (SIGKILL, no shutdown hooks) in the middle of writing a bundle, in a child JVM,
 * with the user's files in the bundle directory: the previous bundle is still there, or is put back
 * by the next run; what the killed run left is never taken for a bundle, the next run cleans it up,
 * and the user's files are where they were, the same files, whenever the kill came.
 */
class KillMidWriteTest {
  @TempDir Path tmp;

  static final List<String> USERS = List.of(".git/HEAD", "OWNERS", "base/OWNERS");

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"write:7", "carry:1", "swap"})
  void killedMidWriteLeavesThePreviousBundle(String where) throws Exception {
    Path work = Files.createDirectories(tmp.resolve("work"));
    Path out = work.resolve("out");
    String capture = Samples.capture("razorpay-myapp").toString();
    List<String> v3 = List.of("migrate", "--from-aws-cli", capture, "--out", out.toString());
    List<String> v1 = new ArrayList<>(v3);
    v1.addAll(List.of("--target", "traefik-v1"));

    Cli first = Cli.run(v3.toArray(String[]::new));
    assertThat(first.exit()).as(first.err()).isZero();
    Map<String, String> previous = BundleWriter.read(out);
    for (String u : USERS) {
      Files.createDirectories(out.resolve(u).getParent());
      Files.writeString(out.resolve(u), "the user's " + u + "\n");
    }
    Map<String, Object> users = identities(out);

    // a second run that would change the bundle, killed where asked
    Path marker = tmp.resolve("paused");
    Path log = tmp.resolve("child.log");
    List<String> args = new ArrayList<>(List.of(where, marker.toString()));
    args.addAll(v1);
    Process child = ChildCli.start(List.of(), PausingMain.class.getName(), args, log);
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!Files.exists(marker)) {
        assertThat(child.isAlive()).as("the child ended before pausing: %s", output(log)).isTrue();
        assertThat(System.nanoTime())
            .as("the child did not pause within 60 s")
            .isLessThan(deadline);
        Thread.sleep(20);
      }
    } finally {
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    List<String> left = siblings();
    if (where.equals("swap")) {
      // killed between the two renames: out/ is gone, the previous bundle waits beside it
      assertThat(left).doesNotContain("out").anyMatch(n -> n.startsWith(".out.old-"));
    } else {
      assertThat(bundleOnly(out)).as("previous bundle after the kill").isEqualTo(previous);
      assertThat(left).anyMatch(n -> n.startsWith(".out.tmp-"));
    }
    // a half-written temporary directory never looks like a bundle (its manifest comes last)
    for (String n : left) {
      if (n.startsWith(".out.tmp-") && where.startsWith("write:")) {
        assertThat(work.resolve(n).resolve(".canary2k8s-bundle")).doesNotExist();
      }
    }

    // the same input as before: the previous bundle is (back) in place and nothing is rewritten
    Cli again = Cli.run(v3.toArray(String[]::new));
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.err()).contains("unchanged");
    assertThat(bundleOnly(out)).isEqualTo(previous);
    assertThat(siblings()).containsExactly(".out.lock", "out");
    assertThat(identities(out)).as("the user's files").isEqualTo(users);

    // and the interrupted change goes through, the user's files with it
    Cli change = Cli.run(v1.toArray(String[]::new));
    assertThat(change.exit()).as(change.err()).isZero();
    assertThat(bundleOnly(out)).isNotEqualTo(previous).containsKey("REVIEW.md");
    assertThat(siblings()).containsExactly(".out.lock", "out");
    assertThat(identities(out)).as("the user's files").isEqualTo(users);
  }

  /** The bundle's files: every file but the user's. */
  static Map<String, String> bundleOnly(Path out) throws IOException {
    Map<String, String> m = BundleWriter.read(out);
    m.keySet().removeAll(USERS);
    return m;
  }

  /** The user's files: path → inode and modification time. */
  static Map<String, Object> identities(Path out) throws IOException {
    Map<String, Object> m = new TreeMap<>();
    for (String u : USERS) {
      BasicFileAttributes a =
          Files.readAttributes(
              out.resolve(u), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      m.put(
          u,
          List.of(
              String.valueOf(a.fileKey()), a.lastModifiedTime(), Files.readString(out.resolve(u))));
    }
    return m;
  }

  private List<String> siblings() throws IOException {
    try (Stream<Path> s = Files.list(tmp.resolve("work"))) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static String output(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no output)";
    }
  }
}
