package io.canary2k8s.discover.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The capture script itself, without AWS: syntax, quoting, argument handling. */
class CaptureScriptTest {
  @TempDir Path tmp;

  @Test
  void isStrictBashThatReadsOnly() throws Exception {
    String script = CaptureScript.render();
    assertThat(script).startsWith("#!/usr/bin/env bash\n").contains("\nset -euo pipefail\n");
    assertThat(script)
        .doesNotContainIgnoringCase("launch-configuration")
        .doesNotContainIgnoringCase("launch-template");
    assertThat(script).doesNotContain("jq ").doesNotContain("python");
    for (String mutating :
        List.of(
            " create-",
            " delete-",
            " modify-",
            " put-",
            " update-",
            " change-",
            " set-",
            " register-")) {
      assertThat(script).doesNotContain(mutating);
    }
    assertThat(run(List.of("bash", "-n", write(script)), null).exit).isZero();
  }

  @Test
  void bakedDefaultsAreQuotedAndArgumentsWin() throws Exception {
    String odd = "it's \"odd\" $(touch pwned) `x` ; $HOME";
    String script = CaptureScript.render("eu-west-1", odd, "http://127.0.0.1:1");
    Path bin = tmp.resolve("bin");
    Files.createDirectories(bin);
    Path log = tmp.resolve("aws.log");
    // a fake aws that logs its arguments one a line, then fails like a denied call
    Path fake = bin.resolve("aws");
    Files.writeString(
        fake,
        "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\" >> '" + log + "'\necho denied >&2\nexit 255\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));

    Result r = run(List.of("bash", write(script), tmp.resolve("out").toString()), bin);
    assertThat(r.exit).isNotZero();
    List<String> args = Files.readAllLines(log);
    assertThat(args)
        .containsSequence("--profile", odd)
        .containsSequence("--region", "eu-west-1")
        .containsSequence("--endpoint-url", "http://127.0.0.1:1");
    assertThat(tmp.resolve("pwned")).doesNotExist();

    Files.delete(log);
    r =
        run(
            List.of(
                "bash",
                write(script),
                "--region",
                "ap-south-1",
                "--profile=p2",
                tmp.resolve("out2").toString()),
            bin);
    args = Files.readAllLines(log);
    assertThat(args).containsSequence("--region", "ap-south-1").containsSequence("--profile", "p2");
  }

  @Test
  void refusesANonEmptyDirectoryAndBadUsage() throws Exception {
    Path full = tmp.resolve("full");
    Files.createDirectories(full);
    Files.writeString(full.resolve("x"), "x");
    Result r =
        run(
            List.of("bash", write(CaptureScript.render("eu-west-1", null, null)), full.toString()),
            null);
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.output).contains("is not empty");
    r = run(List.of("bash", write(CaptureScript.render()), "--bogus"), null);
    assertThat(r.exit).isEqualTo(2);
    r = run(List.of("bash", write(CaptureScript.render())), null);
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.output).contains("usage:");
  }

  @Test
  void shellQuoteRoundTrips() {
    assertThat(CaptureScript.shellQuote(null)).isEqualTo("''");
    assertThat(CaptureScript.shellQuote("a'b")).isEqualTo("'a'\\''b'");
  }

  record Result(int exit, String output) {}

  private String write(String script) throws IOException {
    Path p = Files.createTempFile(tmp, "capture", ".sh");
    Files.writeString(p, script, StandardCharsets.UTF_8);
    return p.toString();
  }

  private Result run(List<String> command, Path pathFirst) throws Exception {
    assumeTrue(Moto.onPath("bash"), "bash is not on PATH");
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectErrorStream(true).directory(tmp.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
    if (pathFirst != null) {
      pb.environment().put("PATH", pathFirst + ":" + System.getenv("PATH"));
    }
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), out);
  }
}
