package io.canary2k8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scripts of the GitHub Actions example, run as the runner runs them ({@code bash -eo
 * pipefail}), in a workspace laid out as the workflow's checkouts lay it out: the user's repository
 * (a git repository with capture/ and bundle/) and canary2k8s in .canary2k8s (this checkout, whose
 * launcher runs the jar that package built). A fresh bundle passes; a stale one is reported, with
 * what rendering again changes; a pull request's report compares with the base branch.
 */
class CiExampleIT {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  Path ws;
  Path runnerTemp;
  Path output;
  Path summary;

  @BeforeEach
  void workspace() throws Exception {
    ws = Files.createDirectories(tmp.resolve("ws"));
    runnerTemp = Files.createDirectories(tmp.resolve("runner-temp"));
    output = Files.createFile(tmp.resolve("github-output"));
    summary = Files.createFile(tmp.resolve("step-summary"));
    Files.createSymbolicLink(
        ws.resolve(".canary2k8s"), Path.of(System.getProperty("repo.dir")).toAbsolutePath());
    ReviewWorkflowTest.copy(Samples.capture("razorpay-myapp"), ws.resolve("capture"));
    sh("./.canary2k8s/canary2k8s migrate --from-aws-cli capture --out bundle -q");
    git("init", "-q", "-b", "main");
    git("add", "capture", "bundle");
    git("commit", "-q", "-m", "the reviewed bundle");
  }

  /** The link goes first: the temporary directory's cleanup would warn about it. */
  @AfterEach
  void unlink() throws IOException {
    Files.deleteIfExists(ws.resolve(".canary2k8s"));
  }

  @Test
  void aFreshBundlePassesAndAStaleOneIsReported() throws Exception {
    Run fresh = step("fresh");
    assertThat(fresh.exit()).as(fresh.out()).isZero();
    assertThat(Files.readString(output)).doesNotContain("stale=true");

    scaleTheCanaryToThree();
    Run stale = step("fresh");
    assertThat(stale.exit()).as(stale.out()).isZero();
    assertThat(Files.readString(output)).contains("stale=true");
    String comment = Files.readString(runnerTemp.resolve("comment/DIFF.md"));
    assertThat(comment)
        .startsWith("<!-- canary2k8s:diff v1 -->\n> [!CAUTION]\n")
        .contains("`bundle/` is not what `capture/` renders to")
        .contains("| WARNING | new | `myapp-canary` |");
    Run report = step("report");
    assertThat(report.exit()).as(report.out()).isZero();
    assertThat(Files.readString(summary)).isEqualTo(comment);
    assertThat(Files.readString(runnerTemp.resolve("comment/pr-number")).strip()).isEqualTo("42");

    // bad input keeps its code and fails the step
    Files.writeString(ws.resolve("capture/autoscaling/describe-auto-scaling-groups.json"), "{");
    assertThat(step("fresh").exit()).isEqualTo(2);
  }

  @Test
  void aPullRequestIsComparedWithTheBaseBranch() throws Exception {
    String base = git("rev-parse", "HEAD").strip();
    scaleTheCanaryToThree();
    sh("./.canary2k8s/canary2k8s migrate --from-aws-cli capture --out bundle -q");
    git("commit", "-q", "-am", "the canary at 3");
    Run fresh = step("fresh");
    assertThat(fresh.exit()).as(fresh.out()).isZero();
    assertThat(Files.readString(output)).doesNotContain("stale=true");
    Run diff = step("base", Map.of("BASE_SHA", base));
    assertThat(diff.exit()).as(diff.out()).isZero();
    String comment = Files.readString(runnerTemp.resolve("comment/DIFF.md"));
    assertThat(comment)
        .startsWith("<!-- canary2k8s:diff v1 -->\n## canary2k8s diff: 0 added, 2 changed")
        .contains("Compared `base-branch/bundle` → `bundle`")
        .contains("| WARNING | new | `myapp-canary` | Desired capacity is 3")
        .contains("canary `myapp-canary` 10 % → 25 %");
  }

  private void scaleTheCanaryToThree() throws IOException {
    Path asgs = ws.resolve("capture/autoscaling/describe-auto-scaling-groups.json");
    JsonNode doc = JSON.readTree(asgs.toFile());
    for (JsonNode g : doc.get("AutoScalingGroups")) {
      if (g.get("AutoScalingGroupName").asText().equals("myapp-canary")) {
        ((ObjectNode) g).put("DesiredCapacity", 3).put("MaxSize", 3);
      }
    }
    Files.writeString(asgs, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
  }

  record Run(int exit, String out) {}

  /** The step of the review job with this id (or, for "base", the comparison with the base). */
  private Run step(String id) throws Exception {
    return step(id, Map.of());
  }

  private Run step(String id, Map<String, String> env) throws Exception {
    String script = null;
    for (JsonNode s : CiExampleTest.steps(CiExampleTest.REVIEW)) {
      boolean match =
          id.equals("base")
              ? s.path("name").asText().contains("against the base branch")
              : s.path("id").asText().equals(id);
      if (match) {
        script = s.get("run").asText();
      }
    }
    assertThat(script).as("step " + id).isNotNull();
    Path file = tmp.resolve("step.sh");
    Files.writeString(file, script);
    Map<String, String> vars = new TreeMap<>(env);
    vars.put("CAPTURE_DIR", "capture");
    vars.put("BUNDLE_DIR", "bundle");
    vars.put("RENDER_FLAGS", "");
    vars.put("RUNNER_TEMP", runnerTemp.toString());
    vars.put("GITHUB_OUTPUT", output.toString());
    vars.put("GITHUB_STEP_SUMMARY", summary.toString());
    vars.put("PR_NUMBER", "42");
    return run(List.of("bash", "--noprofile", "--norc", "-eo", "pipefail", file.toString()), vars);
  }

  private String sh(String command) throws Exception {
    Run r = run(List.of("bash", "-c", command), Map.of());
    assertThat(r.exit()).as(command + "\n" + r.out()).isZero();
    return r.out();
  }

  private String git(String... args) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of("git", "-c", "user.name=ci", "-c", "user.email=ci@example.invalid"));
    cmd.addAll(List.of(args));
    Run r = run(cmd, Map.of());
    assertThat(r.exit()).as(cmd + "\n" + r.out()).isZero();
    return r.out();
  }

  private Run run(List<String> cmd, Map<String, String> env) throws Exception {
    Path log = Files.createTempFile(tmp, "out", ".txt");
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(ws.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    pb.environment().putAll(env);
    Process p = pb.start();
    assertThat(p.waitFor(600, TimeUnit.SECONDS)).as(String.join(" ", cmd)).isTrue();
    return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }
}
