package io.canary2k8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * The base of the bad-input tests: runs {@code migrate} on a copy of the razorpay-myapp capture in
 * the test's temporary directory, and checks the contract for bad input: exit 2, one line naming
 * the file and the problem, no stack trace, nothing written.
 */
abstract class Rejections {
  @TempDir Path tmp;

  /** A fresh copy of the sample capture, to break on purpose. */
  Path capture() throws IOException {
    Path dir = tmp.resolve("capture");
    BadInputTest.copyTree(Samples.capture("razorpay-myapp"), dir);
    return dir;
  }

  Path out() {
    return tmp.resolve("out");
  }

  Cli migrate(Path capture, String... extra) {
    String[] base = {"migrate", "--from-aws-cli", capture.toString(), "--out", out().toString()};
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return Cli.run(args);
  }

  void assertRejected(Cli run, String... mentions) {
    assertThat(run.exit()).as(run.err()).isEqualTo(2);
    String[] lines = run.err().strip().split("\n");
    assertThat(lines).as(run.err()).hasSize(1);
    assertThat(lines[0]).startsWith("canary2k8s: ").contains(mentions);
    assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(out()).doesNotExist();
    assertThat(run.out()).isEmpty();
  }
}
