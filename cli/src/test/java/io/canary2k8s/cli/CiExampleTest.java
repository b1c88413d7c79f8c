package io.canary2k8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.canary2k8s.testkit.WorkflowLinters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitHub Actions example of docs/ as a user copies it: clean under both workflow linters and
 * shellcheck; every third-party action pinned to a full commit; canary2k8s run through its
 * launcher, with the Maven repository cached; the committed bundle checked with --exit-code; and
 * safe for a pull request from a fork (the pull request's run has a read-only token and no secrets,
 * the comment is posted by a workflow_run workflow that runs nothing of the pull request).
 */
class CiExampleTest {
  static final YAMLMapper YAML = new YAMLMapper();
  static final Pattern PINNED = Pattern.compile("[\\w.-]+/[\\w./-]+@[0-9a-f]{40}");
  static final Pattern USES_LINE = Pattern.compile("(?m)^\\s*(?:- )?uses: (\\S+)(.*)$");

  static Path docs() {
    return Path.of(System.getProperty("repo.dir", "..")).resolve("docs");
  }

  static final Path REVIEW = docs().resolve("github-actions-example.yml");
  static final Path COMMENT = docs().resolve("github-actions-comment.yml");

  @Test
  void bothLintersPass() {
    WorkflowLinters.Report r = WorkflowLinters.lint(REVIEW, COMMENT);
    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(r.output()).contains("ok: 2 workflow files");
  }

  /** The linters do look: a job key that does not exist fails both. */
  @Test
  void theLintersCatchAMistake(@TempDir Path tmp) throws IOException {
    Path broken = tmp.resolve("broken.yml");
    Files.writeString(
        broken,
        Files.readString(REVIEW)
            .replace(
                "    runs-on: ubuntu-latest\n", "    runs-on: ubuntu-latest\n    run-on: x\n"));
    WorkflowLinters.Report r = WorkflowLinters.lint(broken);
    assertThat(r.exitCode()).as(r.output()).isEqualTo(1);
    assertThat(r.output()).contains("[actionlint syntax-check]").contains("[action-validator]");
  }

  @Test
  void everyScriptPassesShellcheck() throws IOException {
    for (Path f : List.of(REVIEW, COMMENT)) {
      for (JsonNode step : steps(f)) {
        if (step.has("run")) {
          WorkflowLinters.Report r = WorkflowLinters.shellcheck(step.get("run").asText());
          assertThat(r.exitCode()).as(f + ": " + step.get("name") + "\n" + r.output()).isZero();
        }
      }
    }
  }

  @Test
  void everyActionIsPinnedToAFullCommitWithItsVersionNamed() throws IOException {
    int pinned = 0;
    for (Path f : List.of(REVIEW, COMMENT)) {
      Matcher m = USES_LINE.matcher(Files.readString(f));
      while (m.find()) {
        String action = m.group(1);
        if (action.startsWith("./")) {
          continue; // an action of the repository itself
        }
        assertThat(action).as(f.getFileName() + ": " + m.group()).matches(PINNED);
        assertThat(m.group(2)).as(f.getFileName() + ": " + m.group()).matches(" # v\\d+(\\.\\d+)*");
        pinned++;
      }
    }
    assertThat(pinned).isGreaterThanOrEqualTo(5);
  }

  @Test
  void runsTheLauncherWithAMavenCacheAndGatesOnExitCode() throws IOException {
    String scripts = String.join("\n", runs(REVIEW));
    assertThat(scripts).contains("./.canary2k8s/canary2k8s migrate").doesNotContain("java -jar");
    assertThat(scripts).containsPattern("--previous \"\\$BUNDLE_DIR\" --exit-code");
    assertThat(scripts).contains("./.canary2k8s/canary2k8s diff");
    JsonNode setupJava =
        steps(REVIEW).stream()
            .filter(s -> s.path("uses").asText().startsWith("actions/setup-java@"))
            .findFirst()
            .orElseThrow();
    assertThat(setupJava.at("/with/cache").asText()).isEqualTo("maven");
    assertThat(setupJava.at("/with/java-version").asText()).isEqualTo("17");
  }

  @Test
  void aPullRequestFromAForkRunsNothingWithAWriteToken() throws IOException {
    JsonNode review = YAML.readTree(REVIEW.toFile());
    JsonNode on = review.has("on") ? review.get("on") : review.get("true");
    assertThat(on.has("pull_request")).isTrue();
    assertThat(on.has("pull_request_target")).isFalse();
    assertThat(review.get("permissions").toString()).isEqualTo("{\"contents\":\"read\"}");
    assertThat(review.at("/jobs/review/permissions").isMissingNode()).isTrue();
    assertThat(Files.readString(REVIEW))
        .doesNotContainPattern("\\$\\{\\{[^}]*(secrets|github\\.token)")
        .doesNotContain("GH_TOKEN");

    JsonNode comment = YAML.readTree(COMMENT.toFile());
    JsonNode trigger = comment.has("on") ? comment.get("on") : comment.get("true");
    assertThat(trigger.at("/workflow_run/workflows/0").asText())
        .isEqualTo(review.get("name").asText());
    assertThat(comment.get("permissions").toString()).isEqualTo("{}");
    assertThat(comment.at("/jobs/comment/permissions/pull-requests").asText()).isEqualTo("write");
    String text = Files.readString(COMMENT);
    // no code of the pull request: nothing checked out, nothing of the artifact run
    assertThat(text).doesNotContain("actions/checkout").doesNotContain("actions/setup-");
    for (String run : runs(COMMENT)) {
      assertThat(run)
          .doesNotContainPattern("(?m)(^|[;&|(]\\s*)(bash|sh|source|\\.|eval|chmod)\\s")
          .contains("[[ $pr =~ ^[0-9]+$ ]]")
          .contains("\"$head\" != \"$HEAD_SHA\"");
    }
  }

  static List<JsonNode> steps(Path workflow) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    YAML.readTree(workflow.toFile()).get("jobs").forEach(job -> job.get("steps").forEach(out::add));
    return out;
  }

  static List<String> runs(Path workflow) throws IOException {
    return steps(workflow).stream()
        .filter(s -> s.has("run"))
        .map(s -> s.get("run").asText())
        .toList();
  }
}
