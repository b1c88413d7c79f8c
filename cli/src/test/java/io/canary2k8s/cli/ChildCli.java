package io.canary2k8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The CLI in a child JVM on the test class path: another process (its own pid, its own locks, its
 * own default locale), started with {@code jvmOptions} and a main class.
 */
final class ChildCli {
  private ChildCli() {}

  /** What a finished child printed and returned. */
  record Result(int exit, String out, String err) {}

  /** Starts {@code main} with {@code args}; stdout and stderr go to {@code log}. */
  static Process start(List<String> jvmOptions, String main, List<String> args, Path log)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("-Dcanary2k8s.version=0.0.0-test");
    cmd.add(main);
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    pb.redirectOutput(log.toFile());
    return pb.start();
  }

  /** {@code canary2k8s args...} in a child JVM with {@code jvmOptions}, to its end. */
  static Result run(List<String> jvmOptions, Path work, String... args)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile(work, "child", ".out");
    Path err = Files.createTempFile(work, "child", ".err");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("-Dcanary2k8s.version=0.0.0-test");
    cmd.add(Main.class.getName());
    cmd.addAll(List.of(args));
    Process p =
        new ProcessBuilder(cmd)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("the child ended").isTrue();
    Result r =
        new Result(
            p.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return r;
  }
}
