package io.canary2k8s.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Builds a kustomization the way a user would, with {@code kubectl kustomize}. */
public final class Kustomize {

  private static final Duration TIMEOUT = Duration.ofSeconds(120);

  private Kustomize() {}

  /**
   * Runs {@code kubectl kustomize dir} and returns the rendered multi-document YAML.
   *
   * @throws AssertionError naming {@code dir} and kubectl's stderr when the build fails, or saying
   *     so when kubectl is not installed
   */
  public static String build(Path dir) {
    Path absolute = dir.toAbsolutePath().normalize();
    if (!Files.isDirectory(absolute)) {
      throw new AssertionError("kustomize: " + absolute + " is not a directory");
    }
    Path kubectl =
        Tools.onPath(
            "kubectl",
            "install kubectl (it includes kustomize), e.g. run scripts/test or apt-get install kubectl");
    Tools.Result result =
        Tools.run(
            List.of(kubectl.toString(), "kustomize", absolute.toString()), absolute, null, TIMEOUT);
    if (result.exitCode() != 0) {
      throw new AssertionError(
          "kubectl kustomize "
              + absolute
              + " failed (exit "
              + result.exitCode()
              + "):\n"
              + result.stderr().strip());
    }
    return result.stdout();
  }
}
