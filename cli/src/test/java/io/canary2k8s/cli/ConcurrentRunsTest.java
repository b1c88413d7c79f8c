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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One run at a time per bundle, between real processes: a run that finds another writing the same
 * bundle exits 2 naming the lock and the holder's pid and touches nothing (the holder's temporary
 * directory included); once the holder is gone (even killed) the lock is free.
 */
class ConcurrentRunsTest {
  @TempDir Path tmp;

  List<String> migrate(Path out, String target) {
    return List.of(
        "migrate",
        "--from-aws-cli",
        Samples.capture("razorpay-myapp").toString(),
        "--out",
        out.toString(),
        "--target",
        target);
  }

  @Test
  void aSecondRunWhileTheFirstWritesExitsTwoNamingTheLockAndItsHolder() throws Exception {
    Path work = Files.createDirectories(tmp.resolve("work"));
    Path out = work.resolve("out");
    Path marker = tmp.resolve("paused");
    Path log = tmp.resolve("child.log");
    List<String> args = new ArrayList<>(List.of("write:3", marker.toString()));
    args.addAll(migrate(out, "traefik-v3"));
    Process holder = ChildCli.start(List.of(), PausingMain.class.getName(), args, log);
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!Files.exists(marker)) {
        assertThat(holder.isAlive()).as("the holder ended: %s", Files.readString(log)).isTrue();
        assertThat(System.nanoTime()).as("the holder did not pause").isLessThan(deadline);
        Thread.sleep(20);
      }
      List<String> during = siblings(work);
      assertThat(during).anyMatch(n -> n.startsWith(".out.tmp-"));

      Cli second = Cli.run(migrate(out, "traefik-v1").toArray(String[]::new));

      assertThat(second.exit()).as(second.err()).isEqualTo(2);
      String[] lines = second.err().strip().split("\n");
      assertThat(lines[lines.length - 1])
          .isEqualTo(
              "canary2k8s: "
                  + out
                  + ": another canary2k8s run (pid "
                  + holder.pid()
                  + ") is writing this bundle; it holds the lock "
                  + work.toRealPath().resolve(".out.lock")
                  + " until it ends: nothing was written");
      assertThat(siblings(work)).as("the holder's files untouched").isEqualTo(during);
    } finally {
      holder.destroyForcibly(); // kill -9: the system releases the lock
      assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    Cli after = Cli.run(migrate(out, "traefik-v1").toArray(String[]::new));
    assertThat(after.exit()).as(after.err()).isZero();
    assertThat(siblings(work)).containsExactly(".out.lock", "out");
  }

  @Test
  void twoRunsStartedTogetherLeaveOneRunsBundle() throws Exception {
    Path work = Files.createDirectories(tmp.resolve("work"));
    Path v3 = tmp.resolve("v3");
    Path v1 = tmp.resolve("v1");
    // made as the runs below make theirs (a child JVM: the same version)
    assertThat(
            ChildCli.run(List.of(), tmp, migrate(v3, "traefik-v3").toArray(String[]::new)).exit())
        .isZero();
    assertThat(
            ChildCli.run(List.of(), tmp, migrate(v1, "traefik-v1").toArray(String[]::new)).exit())
        .isZero();
    Map<String, String> bundleV3 = BundleWriter.read(v3);
    Map<String, String> bundleV1 = BundleWriter.read(v1);
    Path out = work.resolve("out");
    for (int round = 0; round < 3; round++) {
      Process a = start(migrate(out, "traefik-v3"), tmp.resolve("a.log"));
      Process b = start(migrate(out, "traefik-v1"), tmp.resolve("b.log"));
      assertThat(a.waitFor(300, TimeUnit.SECONDS)).isTrue();
      assertThat(b.waitFor(300, TimeUnit.SECONDS)).isTrue();
      String logs = Files.readString(tmp.resolve("a.log")) + Files.readString(tmp.resolve("b.log"));
      assertThat(List.of(a.exitValue(), b.exitValue())).as(logs).contains(0).isSubsetOf(0, 2);
      if (a.exitValue() == 2 || b.exitValue() == 2) {
        assertThat(logs).contains("is writing this bundle; it holds the lock");
      }
      assertThat(BundleWriter.read(out)).as(logs).isIn(bundleV3, bundleV1);
      assertThat(siblings(work)).containsExactly(".out.lock", "out");
    }
  }

  private Process start(List<String> args, Path log) throws IOException {
    return ChildCli.start(List.of(), Main.class.getName(), args, log);
  }

  private static List<String> siblings(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
