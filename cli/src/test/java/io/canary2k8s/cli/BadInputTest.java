package io.canary2k8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Bad input exits 2 with one line naming the file and the problem, writes no bundle and prints no
 * stack trace (unless --stacktrace).
 */
class BadInputTest extends Rejections {

  void edit(Path file, Consumer<StringBuilder> change) throws IOException {
    StringBuilder sb = new StringBuilder(Files.readString(file));
    change.accept(sb);
    Files.writeString(file, sb.toString());
  }

  /** A fresh copy of the ALB sample capture, to break on purpose. */
  Path albCapture() throws IOException {
    Path dir = tmp.resolve("capture");
    copyTree(Samples.capture("alb-weighted"), dir);
    return dir;
  }

  @Test
  void albRuleForwardingToAnUnknownTargetGroup() throws IOException {
    Path c = albCapture();
    Path f = c.resolve("elbv2/rules/web-alb-443.json");
    String json =
        Files.readString(f)
            .replaceFirst(
                "web-stable/73e2d6bc24d8a067(\",\\s*\"Weight\": 50)",
                "web-gone/0000000000000000$1");
    assertThat(json).contains("web-gone");
    Files.writeString(f, json);
    assertRejected(
        migrate(c),
        "elbv2/rules/web-alb-443.json",
        "Rules[1].Actions[0].ForwardConfig.TargetGroups[0].TargetGroupArn",
        "web-gone",
        "not in elbv2/describe-target-groups.json");
  }

  @Test
  void albPlainForwardToAnUnknownTargetGroup() throws IOException {
    Path c = albCapture();
    Path f = c.resolve("elbv2/rules/web-alb-443.json");
    // the older shape: TargetGroupArn alone, no ForwardConfig
    String json =
        Files.readString(f)
            .replaceFirst(
                "\"TargetGroupArn\": \"([^\"]*)web-stable/73e2d6bc24d8a067\",\\s*\"Order\": 1,\\s*\"ForwardConfig\": \\{[^}]*\\}[^}]*\\}\\s*\\}",
                "\"TargetGroupArn\": \"$1web-gone/0\", \"Order\": 1");
    assertThat(json).contains("web-gone/0");
    Files.writeString(f, json);
    assertRejected(
        migrate(c),
        "elbv2/rules/web-alb-443.json",
        "Rules[0].Actions[0].TargetGroupArn",
        "web-gone");
  }

  @Test
  void asgFeedingAnUnknownTargetGroup() throws IOException {
    Path c = albCapture();
    Path f = c.resolve("autoscaling/describe-auto-scaling-groups.json");
    String json =
        Files.readString(f)
            .replaceFirst(
                "(\"TargetGroupARNs\": \\[\\s*\"[^\"]*targetgroup/)web-canary", "$1web-other");
    assertThat(json).contains("web-other");
    Files.writeString(f, json);
    assertRejected(
        migrate(c),
        "autoscaling/describe-auto-scaling-groups.json",
        "TargetGroupARNs[0]",
        "web-other");
  }

  @Test
  void albListenerRulesMissing() throws IOException {
    Path c = albCapture();
    Files.delete(c.resolve("elbv2/rules/web-alb-80.json"));
    assertRejected(migrate(c), "elbv2/rules/web-alb-80.json", "file not found", "describe-rules");
  }

  @Test
  void onePageOfAListingIsRefused() throws IOException {
    Path c = capture();
    Path f = c.resolve("autoscaling/describe-auto-scaling-groups.json");
    String json = Files.readString(f).strip();
    Files.writeString(
        f,
        json.substring(0, json.length() - 1)
            + ", \"NextToken\": \"eyJOZXh0VG9rZW4iOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAyfQ==\"}");
    assertRejected(
        migrate(c),
        "autoscaling/describe-auto-scaling-groups.json",
        "NextToken",
        "captured without auto-pagination",
        "rerun the AWS CLI without --max-items / --no-paginate");
  }

  @Test
  void anAlbOnlyCaptureNeedsNoClassicElbFile() throws IOException {
    Path c = albCapture();
    Files.delete(c.resolve("elb/describe-load-balancers.json"));
    Cli run = migrate(c);
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(Files.readString(out().resolve("REVIEW.md")))
        .contains("No classic load balancers captured");
  }

  @Test
  void requiredFileMissing() throws IOException {
    Path c = capture();
    Files.delete(c.resolve("autoscaling/describe-auto-scaling-groups.json"));
    assertRejected(migrate(c), "autoscaling/describe-auto-scaling-groups.json", "file not found");
  }

  @Test
  void zoneRecordsMissing() throws IOException {
    Path c = capture();
    try (var s = Files.list(c.resolve("route53/zones"))) {
      s.forEach(p -> p.toFile().delete());
    }
    assertRejected(migrate(c), "route53/zones/Z0417932KX4V6BZ2M5QGH.json", "file not found");
  }

  @Test
  void malformedJson() throws IOException {
    Path c = capture();
    Files.writeString(
        c.resolve("elb/describe-load-balancers.json"),
        "{ \"LoadBalancerDescriptions\": [ nope ] }");
    assertRejected(migrate(c), "elb/describe-load-balancers.json", "not valid JSON", "line 1");
  }

  @Test
  void truncatedJson() throws IOException {
    Path c = capture();
    Path f = c.resolve("autoscaling/describe-auto-scaling-groups.json");
    String s = Files.readString(f);
    Files.writeString(f, s.substring(0, s.length() / 2));
    assertRejected(migrate(c), "autoscaling/describe-auto-scaling-groups.json", "not valid JSON");
  }

  @Test
  void emptyFile() throws IOException {
    Path c = capture();
    Files.writeString(c.resolve("route53/list-hosted-zones.json"), "");
    assertRejected(migrate(c), "route53/list-hosted-zones.json", "empty");
  }

  @Test
  void anotherCommandsOutput() throws IOException {
    Path c = capture();
    Files.copy(
        c.resolve("elb/describe-tags.json"),
        c.resolve("elb/describe-load-balancers.json"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertRejected(
        migrate(c),
        "elb/describe-load-balancers.json",
        "LoadBalancerDescriptions",
        "aws elb describe-tags");
  }

  @Test
  void asgNamesAnUnknownElb() throws IOException {
    Path c = capture();
    edit(
        c.resolve("autoscaling/describe-auto-scaling-groups.json"),
        sb ->
            sb.replace(
                sb.indexOf("\"myapp-canary\"\n"),
                sb.indexOf("\"myapp-canary\"\n") + 14,
                "\"myapp-cnary\""));
    assertRejected(
        migrate(c),
        "autoscaling/describe-auto-scaling-groups.json",
        "LoadBalancerNames[1]",
        "myapp-cnary",
        "not in elb/describe-load-balancers.json");
  }

  @Test
  void duplicateKey() throws IOException {
    Path c = capture();
    edit(
        c.resolve("elb/attributes/myapp.json"),
        sb ->
            sb.insert(
                sb.indexOf("\"CrossZoneLoadBalancing\""),
                "\"CrossZoneLoadBalancing\": {\"Enabled\": false}, "));
    assertRejected(migrate(c), "elb/attributes/myapp.json", "Duplicate field");
  }

  @Test
  void numberOutOfRange() throws IOException {
    Path c = capture();
    edit(
        c.resolve("autoscaling/describe-auto-scaling-groups.json"),
        sb ->
            sb.replace(
                sb.indexOf("\"DesiredCapacity\": 9"),
                sb.indexOf("\"DesiredCapacity\": 9") + 20,
                "\"DesiredCapacity\": -9"));
    assertRejected(migrate(c), "AutoScalingGroups[0].DesiredCapacity", "out of range");
  }

  @Test
  void wrongType() throws IOException {
    Path c = capture();
    edit(
        c.resolve("elb/describe-load-balancers.json"),
        sb ->
            sb.replace(
                sb.indexOf("\"LoadBalancerPort\": 80"),
                sb.indexOf("\"LoadBalancerPort\": 80") + 22,
                "\"LoadBalancerPort\": \"80\""));
    assertRejected(
        migrate(c),
        "LoadBalancerDescriptions[0].ListenerDescriptions[0].Listener.LoadBalancerPort",
        "expected a whole number");
  }

  @Test
  void notADirectory() throws IOException {
    assertRejected(migrate(tmp.resolve("nowhere")), "nowhere", "not a directory");
  }

  @Test
  void configWithAnAlias() throws IOException {
    Path cfg = tmp.resolve("canary2k8s.yaml");
    Files.writeString(cfg, "apps:\n  myapp: &a\n    image: x/y:1\n  other: *a\n");
    assertRejected(
        migrate(capture(), "--config", cfg.toString()), "canary2k8s.yaml", "line 2", "anchors");
  }

  @Test
  void configWithAnUnknownKey() throws IOException {
    Path cfg = tmp.resolve("canary2k8s.yaml");
    Files.writeString(cfg, "apps:\n  myapp:\n    imag: x/y:1\n");
    assertRejected(
        migrate(capture(), "--config", cfg.toString()), "canary2k8s.yaml", "apps.myapp.imag");
  }

  @Test
  void configWithADuplicateKey() throws IOException {
    Path cfg = tmp.resolve("canary2k8s.yaml");
    Files.writeString(cfg, "apps:\n  myapp:\n    image: x/y:1\n    image: x/y:2\n");
    assertRejected(migrate(capture(), "--config", cfg.toString()), "canary2k8s.yaml");
  }

  @Test
  void badFlagValue() throws IOException {
    Path c = capture();
    assertRejected(migrate(c, "--target", "nginx"), "--target", "traefik-v3");
    assertRejected(migrate(c, "--steps", "10,abc"), "--steps", "abc");
    assertRejected(migrate(c, "--weight-basis", "max"), "--weight-basis", "in-service");
  }

  @Test
  void weightedAndSimpleRecordsOfOneNameContradictEachOther() throws IOException {
    Path c = capture();
    edit(
        c.resolve("route53/zones/Z0417932KX4V6BZ2M5QGH.json"),
        sb -> {
          String simple = "{\n            \"Name\": \"myapp.example.com.\",";
          int at = sb.indexOf(simple);
          sb.insert(
              at + simple.length() - "\"Name\": \"myapp.example.com.\",".length(),
              "\"SetIdentifier\": \"x\", \"Weight\": 10, \"Name\": \"myapp.example.com.\", \"Type\": \"CNAME\","
                  + " \"TTL\": 60, \"ResourceRecords\": [{\"Value\": \"elsewhere.example.net\"}]},\n        {");
        });
    assertRejected(
        migrate(c),
        "route53/zones/Z0417932KX4V6BZ2M5QGH.json",
        "Weight",
        "myapp.example.com CNAME has a weighted record set ('x') and a simple one",
        "does not mix routing policies");
  }

  @Test
  void anOutputThatCannotBeWrittenIsOneLine() throws IOException {
    Cli run =
        Cli.run(
            "migrate",
            "--from-aws-cli",
            capture().toString(),
            "--out",
            "/proc/canary2k8s-cannot/out");
    assertThat(run.exit()).as(run.err()).isEqualTo(2);
    String[] lines = run.err().strip().split("\n");
    assertThat(lines[lines.length - 1])
        .startsWith(
            "canary2k8s: I/O error creating the directory of /proc/canary2k8s-cannot/out: "
                + "/proc/canary2k8s-cannot: ")
        .endsWith("; nothing was written");
    assertThat(run.err()).doesNotContain("internal error").doesNotContain("\tat ");
  }

  @Test
  void stacktraceOnRequest() throws IOException {
    Path c = capture();
    Files.delete(c.resolve("elb/describe-load-balancers.json"));
    Cli run = migrate(c, "--stacktrace");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("\tat ");
  }

  @Test
  void strictRefusesActionItems() throws IOException {
    Cli run = migrate(capture(), "--strict");
    assertThat(run.exit()).as(run.err()).isEqualTo(3);
    assertThat(run.err()).contains("action item").contains("nothing written").contains("  ACTION ");
    // the summary (printed beside the commit) is whole before the refusal
    assertThat(run.err().indexOf("nothing written"))
        .isGreaterThan(run.err().lastIndexOf("  ACTION "))
        .isGreaterThan(run.err().indexOf("notes: "));
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void strictLeavesAPreviousBundleAndMissingParentsAsTheyWere() throws IOException {
    Path c = capture();
    Cli first = migrate(c);
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.err()).contains("  ACTION ");
    assertThat(first.err().indexOf("wrote ")).isGreaterThan(first.err().lastIndexOf("  ACTION "));
    Map<String, String> previous = io.canary2k8s.render.BundleWriter.read(out());
    // the bundle is written as it is made, into a temporary directory only a commit puts in place
    Cli strict = migrate(c, "--strict", "--target", "traefik-v1");
    assertThat(strict.exit()).as(strict.err()).isEqualTo(3);
    assertThat(io.canary2k8s.render.BundleWriter.read(out())).isEqualTo(previous);
    try (var s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("capture", "out", ".out.lock");
    }
    Cli deep =
        Cli.run(
            "migrate",
            "--from-aws-cli",
            c.toString(),
            "--out",
            tmp.resolve("new/dir/out").toString(),
            "--strict");
    assertThat(deep.exit()).as(deep.err()).isEqualTo(3);
    assertThat(tmp.resolve("new")).doesNotExist();
  }

  @Test
  void refusesToOverwriteAForeignDirectory() throws IOException {
    Files.createDirectories(tmp.resolve("out"));
    Files.writeString(tmp.resolve("out/precious.txt"), "keep me");
    Cli run = migrate(capture());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("not a canary2k8s bundle");
    assertThat(tmp.resolve("out/precious.txt")).hasContent("keep me");
  }

  static void copyTree(Path from, Path to) throws IOException {
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
  }
}
