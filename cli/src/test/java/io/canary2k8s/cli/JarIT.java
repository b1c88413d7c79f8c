package io.canary2k8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar, run as users run it (the README's first command): a separate JVM with only the
 * jar on its class path, so a dependency missing from the jar fails here.
 */
class JarIT {
  record Run(int exit, String out, String err) {}

  static Run java(String... args) throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("cli.jar"));
    assertThat(jar).as("the shaded jar (built by package)").exists();
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString()));
    cmd.addAll(List.of(args));
    Process p =
        new ProcessBuilder(cmd)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    var out = p.getInputStream().readAllBytes();
    var err = p.getErrorStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(
        p.exitValue(),
        new String(out, StandardCharsets.UTF_8),
        new String(err, StandardCharsets.UTF_8));
  }

  @Test
  void theReadmeFirstCommandRoutesNinetyTen(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("razorpay-myapp");
    Run r =
        java(
            "migrate",
            "--from-aws-cli",
            Samples.capture("razorpay-myapp").toString(),
            "--out",
            out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).doesNotContain("SLF4J").doesNotContain("Exception");
    // stderr is a pipe here: no progress
    assertThat(r.err()).doesNotContain("\r").doesNotContain("\033[");
    String wrr = Files.readString(out.resolve("base/myapp/traefikservice-myapp-wrr.yaml"));
    assertThat(wrr)
        .contains("name: myapp\n        port: 8080\n        weight: 9")
        .contains("name: myapp-canary\n        port: 8080\n        weight: 1");
    assertThat(Files.readString(out.resolve("review/myapp.md")))
        .contains("ASG `myapp-main` 90 % (9/10), ASG `myapp-canary` 10 % (1/10)");
  }

  /**
   * On a terminal, each stage of an offline run shows a progress line (what it does, a count), and
   * the line is cleared before the summary. Run in a pseudo-terminal made by python3's pty module,
   * the way a user's terminal runs it.
   */
  @Test
  void aTerminalShowsProgressForEveryStage(@TempDir Path tmp) throws Exception {
    Path jar = Path.of(System.getProperty("cli.jar"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String pty =
        String.join(
            "\n",
            "import os, pty, sys",
            "pid, fd = pty.fork()",
            "if pid == 0:",
            "    os.execv(sys.argv[1], sys.argv[1:])",
            "out = b''",
            "while True:",
            "    try:",
            "        chunk = os.read(fd, 65536)",
            "    except OSError:",
            "        break",
            "    if not chunk:",
            "        break",
            "    out += chunk",
            "sys.stdout.buffer.write(out)",
            "sys.exit(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))");
    Path out = tmp.resolve("out");
    Process p =
        new ProcessBuilder(
                "python3",
                "-c",
                pty,
                java,
                "-jar",
                jar.toString(),
                "migrate",
                "--from-aws-cli",
                Samples.capture("alb-weighted").toString(),
                "--out",
                out.toString())
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    String screen = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(screen).isZero();
    assertThat(screen)
        .contains("\r\033[Kreading " + Samples.capture("alb-weighted") + ": ")
        .contains("\r\033[Ktranslating: ")
        .contains("\r\033[Kwriting " + out + ": ")
        .containsPattern("\\d+ items")
        .containsPattern("\\d+ files");
    // cleared before the summary, which starts on a clean line
    assertThat(screen).contains("\r\033[Knotes: ");
    // the same run with stderr not a terminal and --progress: forced on; --no-progress: off
    Run forced =
        java(
            "migrate",
            "--from-aws-cli",
            Samples.capture("alb-weighted").toString(),
            "--out",
            tmp.resolve("forced").toString(),
            "--progress");
    assertThat(forced.err()).contains("\r\033[Ktranslating: ");
  }

  @Test
  void everyCommandStartsFromTheJar() throws Exception {
    assertThat(java("--version").out()).startsWith("canary2k8s ");
    for (String c :
        List.of("discover", "capture-script", "translate", "render", "migrate", "completion")) {
      Run r = java(c, "--help");
      assertThat(r.exit()).as(c + ": " + r.err()).isZero();
    }
    Run bad = java("migrate", "--from-aws-cli", "/nonexistent", "--out", "/tmp/never");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err().strip()).isEqualTo("canary2k8s: /nonexistent: not a directory");
  }
}
