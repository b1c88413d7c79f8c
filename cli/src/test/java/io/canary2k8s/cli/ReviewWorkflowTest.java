package io.canary2k8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pull-request workflow as a reviewer meets it: the canary of the README's sample scaled to 3
 * with 1 instance in service. The split moves to 25 %, and a warning says it rests on instances
 * that are not in service: DIFF.md must open with that warning, not only show the new numbers; and
 * {@code --exit-code} tells CI whether the bundle changed.
 */
class ReviewWorkflowTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  Path before;
  Path after;
  Path bundle;

  @BeforeEach
  void captures() throws IOException {
    before = Samples.capture("razorpay-myapp");
    after = copy(before, tmp.resolve("after"));
    Path asgs = after.resolve("autoscaling/describe-auto-scaling-groups.json");
    JsonNode doc = JSON.readTree(asgs.toFile());
    for (JsonNode g : doc.get("AutoScalingGroups")) {
      if (g.get("AutoScalingGroupName").asText().equals("myapp-canary")) {
        ((ObjectNode) g).put("DesiredCapacity", 3).put("MaxSize", 3);
      }
    }
    Files.writeString(asgs, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
    bundle = tmp.resolve("bundle");
    Cli first = migrate(before, bundle);
    assertThat(first.exit()).as(first.err()).isZero();
  }

  @Test
  void theNewWarningOpensDiffMd() throws IOException {
    Path pr = tmp.resolve("pr");
    Cli run = migrate(after, pr, "--previous", bundle.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    String md = Files.readString(pr.resolve("DIFF.md"));
    assertNewWarningFirst(md);
    assertThat(run.err())
        .contains("DIFF.md: ## canary2k8s diff: 0 added, 2 changed")
        .contains("2 new warnings");
    JsonNode notes = JSON.readTree(pr.resolve("diff.json").toFile()).get("notes");
    assertThat(notes.get("added").findValuesAsText("subject")).contains("myapp-canary");

    // the same report from diff on the two bundles
    Cli diff = Cli.run("diff", bundle.toString(), pr.toString());
    assertThat(diff.exit()).isEqualTo(1);
    assertNewWarningFirst(diff.out());
    assertThat(diff.out()).contains("since `" + bundle + "`");
  }

  private static void assertNewWarningFirst(String md) {
    int warning = md.indexOf("| WARNING | new | `myapp-canary` | Desired capacity is 3 but 1");
    int traffic = md.indexOf("canary `myapp-canary` 10 % → 25 %");
    assertThat(warning).as(md).isPositive();
    assertThat(traffic).as(md).isGreaterThan(warning);
    assertThat(md.indexOf("> [!WARNING]")).isBetween(0, warning);
  }

  @Test
  void exitCodeGatesOnAnyChangeOfTheBundle() throws IOException {
    // unchanged: 0, whether into the same directory or another one
    Cli same = migrate(before, bundle, "--previous", bundle.toString(), "--exit-code");
    assertThat(same.exit()).as(same.err()).isZero();
    assertThat(same.err()).contains("the bundle is the same as --previous");
    Cli sameElsewhere =
        migrate(before, tmp.resolve("copy"), "--previous", bundle.toString(), "--exit-code");
    assertThat(sameElsewhere.exit()).as(sameElsewhere.err()).isZero();

    // a changed capture: 1, and the bundle is written
    Path pr = tmp.resolve("pr");
    Cli changed = migrate(after, pr, "--previous", bundle.toString(), "--exit-code");
    assertThat(changed.exit()).as(changed.err()).isEqualTo(1);
    assertThat(changed.err()).contains("the bundle differs from --previous");
    assertThat(pr.resolve("REVIEW.md")).exists();

    // a flag that changes only the overlays, and a hand edit of one file: 1 (stale)
    Cli steps =
        migrate(
            before,
            tmp.resolve("s"),
            "--previous",
            bundle.toString(),
            "--exit-code",
            "--steps",
            "10");
    assertThat(steps.exit()).as(steps.err()).isEqualTo(1);
    Path edited = copy(bundle, tmp.resolve("edited"));
    Files.writeString(
        edited.resolve("dns/README.md"), "edited\n", java.nio.file.StandardOpenOption.APPEND);
    Cli stale = migrate(before, tmp.resolve("e"), "--previous", edited.toString(), "--exit-code");
    assertThat(stale.exit()).isEqualTo(1);
    // a user's file beside the previous bundle's is not the bundle's: 0
    Path users = copy(bundle, tmp.resolve("users"));
    Files.writeString(users.resolve("NOTES.txt"), "kept by hand\n");
    assertThat(
            migrate(before, tmp.resolve("u"), "--previous", users.toString(), "--exit-code").exit())
        .isZero();
    // a file the previous bundle made (its manifest lists it) and this one does not: 1
    Path extra = copy(bundle, tmp.resolve("extra"));
    Files.writeString(extra.resolve("NOTES.txt"), "made by an older run\n");
    Path manifest = extra.resolve(".canary2k8s-bundle");
    List<String> lines = new ArrayList<>(Files.readAllLines(manifest));
    List<String> comments = lines.stream().filter(l -> l.startsWith("#")).toList();
    List<String> paths = new ArrayList<>(lines.stream().filter(l -> !l.startsWith("#")).toList());
    paths.add("NOTES.txt");
    Collections.sort(paths);
    List<String> rewritten = new ArrayList<>(comments);
    rewritten.addAll(paths);
    Files.write(manifest, rewritten);
    assertThat(
            migrate(before, tmp.resolve("x"), "--previous", extra.toString(), "--exit-code").exit())
        .isEqualTo(1);
    // and one missing from it
    Path missing = copy(bundle, tmp.resolve("missing"));
    Files.delete(missing.resolve("REVIEW.md"));
    Files.writeString(missing.resolve("REVIEW.md"), "");
    assertThat(
            migrate(before, tmp.resolve("m"), "--previous", missing.toString(), "--exit-code")
                .exit())
        .isEqualTo(1);

    // DIFF.md and diff.json of the previous bundle do not count: a bundle committed with its
    // report is the same bundle
    Path withReport = copy(pr, tmp.resolve("with-report"));
    assertThat(withReport.resolve("DIFF.md")).exists();
    Cli rerun =
        migrate(after, tmp.resolve("r"), "--previous", withReport.toString(), "--exit-code");
    assertThat(rerun.exit()).as(rerun.err()).isZero();

    // render too, and errors keep their codes
    Path inventory = pr.resolve("inventory.json");
    Cli render =
        Cli.run(
            "render",
            inventory.toString(),
            "--out",
            tmp.resolve("rendered").toString(),
            "--previous",
            bundle.toString(),
            "--exit-code");
    assertThat(render.exit()).as(render.err()).isEqualTo(1);
    Cli noPrevious = migrate(before, tmp.resolve("n"), "--exit-code");
    assertThat(noPrevious.exit()).isEqualTo(2);
    assertThat(noPrevious.err()).contains("--exit-code needs --previous");
    Cli strict =
        migrate(
            after, tmp.resolve("t"), "--previous", bundle.toString(), "--exit-code", "--strict");
    assertThat(strict.exit()).isEqualTo(3);
  }

  static Cli migrate(Path capture, Path out, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("migrate", "--from-aws-cli", capture.toString(), "--out", out.toString()));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  static Path copy(Path from, Path to) throws IOException {
    try (var s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
    return to;
  }
}
