package io.canary2k8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.canary2k8s.cli.EstatePropertiesTest.App;
import io.canary2k8s.cli.EstatePropertiesTest.Group;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a large run says on stderr when it is not a terminal (as here: captured): no progress, and a
 * notes summary that fits on a screen whatever the size of the estate. Each of the 2,000 apps has
 * two placeholder images: 4,000 action items, which REVIEW.md lists and stderr only counts.
 */
class StderrTest {
  static final int APPS = 2_000;

  /** For the other levels: their lines do not depend on the estate's size. */
  static final int FEW = 150;

  @TempDir static Path tmp;
  static Path capture;
  static Path small;

  @BeforeAll
  static void estates() throws IOException {
    capture = EstatePropertiesTest.write(estate(APPS), tmp.resolve("capture"));
    small = EstatePropertiesTest.write(estate(FEW), tmp.resolve("small"));
  }

  static List<App> estate(int size) {
    List<App> apps = new ArrayList<>();
    List<String> zones = List.of("eu-west-1a", "eu-west-1b");
    for (int i = 0; i < size; i++) {
      String elb = "app-" + i;
      apps.add(
          new App(
              elb,
              elb + ".example.com",
              true,
              false,
              zones,
              List.of(
                  new Group(elb + "-main", 9, zones, "stable"),
                  new Group(elb + "-canary", 1, zones, null)),
              null));
    }
    return apps;
  }

  @Test
  void aLargeRunFitsOnAScreen() {
    Cli run = migrate(capture, "default");
    assertThat(run.exit()).as(run.err()).isZero();
    List<String> lines = run.err().lines().toList();
    assertThat(lines.size()).as(run.err()).isLessThanOrEqualTo(20);
    assertThat(run.err()).doesNotContain("\r").doesNotContain("\033[");
    assertThat(lines.get(0)).startsWith("notes: 0 errors, 4,001 action items, ");
    assertThat(lines.stream().filter(l -> l.startsWith("  ACTION "))).hasSize(NotesSummary.SHOWN);
    assertThat(run.err())
        .containsPattern(
            "  \\.\\.\\. and 3,991 action items, [0-9,]+ warnings? more in .*REVIEW\\.md")
        .contains("(--verbose prints every note)")
        .contains("wrote ");
  }

  @Test
  void verbosePrintsEveryNoteAndQuietOnlyErrors() {
    Cli verbose = migrate(small, "verbose", "--verbose");
    assertThat(verbose.exit()).isZero();
    assertThat(verbose.err().lines().filter(l -> l.startsWith("  ACTION "))).hasSize(2 * FEW + 1);
    assertThat(verbose.err()).contains("  INFO ").doesNotContain("more in");
    Cli quiet = migrate(small, "quiet", "-q");
    assertThat(quiet.exit()).isZero();
    assertThat(quiet.err()).isEmpty();
  }

  @Test
  void quietStillPrintsTheErrorsAndTheFailure() {
    // --strict makes the action items fail the run: nothing written, exit 3, the reason said
    Cli strict = migrate(small, "strict", "-q", "--strict");
    assertThat(strict.exit()).isEqualTo(3);
    assertThat(strict.err().strip())
        .isEqualTo(
            "canary2k8s: " + (2 * FEW + 1) + " action items under --strict; nothing written");
  }

  private static Cli migrate(Path capture, String out, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "migrate",
                "--from-aws-cli",
                capture.toString(),
                "--out",
                tmp.resolve(out).toString()));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }
}
