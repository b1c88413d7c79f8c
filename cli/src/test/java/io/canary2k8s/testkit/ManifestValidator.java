package io.canary2k8s.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks Kubernetes manifests with {@code tools/validate/validate.mjs}: every document must be a
 * known apiVersion/kind (core Kubernetes, Traefik or Gateway API) that passes kubernetes-models'
 * validation and, for Traefik and Gateway API objects, the vendored CRD schemas in {@code
 * schemas/}.
 */
public final class ManifestValidator {

  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final String INSTALL_HINT = "run scripts/test or npm ci --prefix tools/validate";
  private static final Pattern OK = Pattern.compile("(?m)^ok: (\\d+) documents$");

  private ManifestValidator() {}

  /**
   * Validates multi-document YAML held in memory; {@code label} names it in failure messages.
   *
   * @return the number of documents validated
   * @throws AssertionError with the validator's output when any document is invalid
   */
  public static int validate(String yaml, String label) {
    Path input = null;
    try {
      input = Files.createTempFile("canary2k8s-manifest", ".yaml");
      Files.writeString(input, yaml, StandardCharsets.UTF_8);
      return run(List.of("-"), input, label);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      Tools.deleteQuietly(input);
    }
  }

  /** Validates a multi-document YAML file; see {@link #validate(String, String)}. */
  public static int validate(Path file) {
    return run(List.of(file.toAbsolutePath().toString()), null, file.toString());
  }

  private static int run(List<String> args, Path stdin, String label) {
    Path repo = Tools.repoDir();
    Path toolDir = repo.resolve("tools/validate");
    Path script = toolDir.resolve("validate.mjs");
    if (!Files.isRegularFile(script)) {
      throw new AssertionError("validator script not found: " + script);
    }
    if (!Files.isDirectory(toolDir.resolve("node_modules"))) {
      throw new AssertionError(
          "the manifest validator's dependencies are not installed ("
              + toolDir.resolve("node_modules")
              + " is missing): "
              + INSTALL_HINT);
    }
    Path node = Tools.onPath("node", "install Node.js 20 or newer, then " + INSTALL_HINT);

    List<String> command = new ArrayList<>(List.of(node.toString(), script.toString()));
    command.addAll(args);
    Tools.Result result = Tools.run(command, repo, stdin, TIMEOUT);
    // For stdin the validator names the input "-"; name it by the caller's label instead.
    String output = (result.stdout() + result.stderr()).strip();
    if (stdin != null) {
      output = output.replaceAll("(?m)^-: ", Matcher.quoteReplacement(label) + ": ");
    }
    switch (result.exitCode()) {
      case 0 -> {
        Matcher ok = OK.matcher(result.stdout());
        if (!ok.find()) {
          throw new AssertionError(
              "validator exited 0 without its summary line for " + label + ":\n" + output);
        }
        return Integer.parseInt(ok.group(1));
      }
      case 1 ->
          throw new AssertionError("invalid Kubernetes manifest(s) in " + label + ":\n" + output);
      default ->
          throw new AssertionError(
              "manifest validator could not check "
                  + label
                  + " (exit "
                  + result.exitCode()
                  + "; if dependencies are missing, "
                  + INSTALL_HINT
                  + "):\n"
                  + output);
    }
  }
}
