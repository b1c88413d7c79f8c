package io.canary2k8s.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Finding the repository and external programs, and running them with a bounded wait. */
final class Tools {

  private Tools() {}

  /** Result of a finished process: exit code, stdout and stderr. */
  record Result(int exitCode, String stdout, String stderr) {}

  /**
   * The repository root: system property {@code repo.dir} (set by Surefire), else the nearest
   * directory at or above the working directory that contains {@code mvnw}.
   */
  static Path repoDir() {
    String prop = System.getProperty("repo.dir");
    if (prop != null && !prop.isBlank()) {
      return Path.of(prop).toAbsolutePath().normalize();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("mvnw"))) {
        return dir;
      }
    }
    throw new AssertionError(
        "cannot find the repository root: system property repo.dir is not set"
            + " and no directory above "
            + Path.of("").toAbsolutePath()
            + " contains mvnw");
  }

  /** The executable {@code name} on PATH, or an AssertionError saying what is missing. */
  static Path onPath(String name, String hint) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError(name + " not found on PATH (" + path + "); " + hint);
  }

  /**
   * Runs {@code command} with stdout and stderr captured (through temporary files, so neither pipe
   * can fill up), optionally feeding {@code stdin}; fails if it does not end within {@code
   * timeout}.
   */
  static Result run(List<String> command, Path workDir, Path stdin, Duration timeout) {
    Path out = null;
    Path err = null;
    try {
      out = Files.createTempFile("canary2k8s-out", ".txt");
      err = Files.createTempFile("canary2k8s-err", ".txt");
      ProcessBuilder pb =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      pb.redirectInput(
          stdin == null
              ? ProcessBuilder.Redirect.from(new File("/dev/null"))
              : ProcessBuilder.Redirect.from(stdin.toFile()));
      Process process = pb.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(
            String.join(" ", command)
                + " did not finish within "
                + timeout
                + "; stderr so far:\n"
                + Files.readString(err, StandardCharsets.UTF_8));
      }
      return new Result(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + String.join(" ", command), e);
    } finally {
      deleteQuietly(out);
      deleteQuietly(err);
    }
  }

  static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a leftover temporary file is harmless
      }
    }
  }
}
