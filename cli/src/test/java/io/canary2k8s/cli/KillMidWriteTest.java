package io.canary2k8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.canary2k8s.render.BundleWriter;
import io.canary2k8s.render.PausingMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CLI killed (SIGKILL, no shutdown hooks) in the middle of writing a bundle, in a child JVM:
 * the previous bundle is still there, or is put back by the next run; what the killed run left is
 * never taken for a bundle, and the next run cleans it up.
 */
class KillMidWriteTest {
  @TempDir Path tmp;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"write:7", "swap"})
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

    // a second run that would change the bundle, killed where asked
    String mode = where;
    Path marker = tmp.resolve("paused");
    Path log = tmp.resolve("child.log");
    Process child = launch(mode, marker, log, v1);
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
      assertThat(BundleWriter.read(out)).as("previous bundle after the kill").isEqualTo(previous);
      assertThat(left).anyMatch(n -> n.startsWith(".out.tmp-"));
    }
    // a half-written temporary directory never looks like a bundle (REVIEW.md comes last); at
    // the swap it is complete but hidden, and the next run deletes it and puts the old one back
    for (String n : left) {
      if (n.startsWith(".out.tmp-") && !where.equals("swap")) {
        assertThat(work.resolve(n).resolve("REVIEW.md")).doesNotExist();
      }
    }

    // the same input as before: the previous bundle is (back) in place and nothing is rewritten
    Cli again = Cli.run(v3.toArray(String[]::new));
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.err()).contains("unchanged");
    assertThat(BundleWriter.read(out)).isEqualTo(previous);
    assertThat(siblings()).containsExactly("out");

    // and the interrupted change goes through
    Cli change = Cli.run(v1.toArray(String[]::new));
    assertThat(change.exit()).as(change.err()).isZero();
    assertThat(BundleWriter.read(out)).isNotEqualTo(previous).containsKey("REVIEW.md");
    assertThat(siblings()).containsExactly("out");
  }

  private List<String> siblings() throws IOException {
    try (Stream<Path> s = Files.list(tmp.resolve("work"))) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static Process launch(String mode, Path marker, Path log, List<String> cliArgs)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("-Dcanary2k8s.version=0.0.0-test");
    cmd.add(PausingMain.class.getName());
    cmd.add(mode);
    cmd.add(marker.toString());
    cmd.addAll(cliArgs);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    return pb.start();
  }

  private static String output(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no output)";
    }
  }
}
