package io.canary2k8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.canary2k8s.render.BundleWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line contract: help with examples, version, completion, stdout carries only data. */
class CliTest {
  static final List<String> COMMANDS =
      List.of("discover", "capture-script", "translate", "render", "migrate", "diff", "completion");

  @Test
  void everyCommandHasHelpWithAnExample() {
    for (String c : COMMANDS) {
      Cli run = Cli.run(c, "--help");
      assertThat(run.exit()).as(c).isZero();
      assertThat(run.out())
          .as(c)
          .contains("Usage: canary2k8s " + c)
          .containsPattern("(?m)^Examples?:$");
    }
    assertThat(Cli.run("--help").out()).contains("Exit codes:");
  }

  @Test
  void versionAndCompletion() {
    assertThat(Cli.run("--version").out()).startsWith("canary2k8s ");
    Cli completion = Cli.run("completion");
    assertThat(completion.exit()).isZero();
    assertThat(completion.out()).contains("complete -F").contains("migrate").contains("traefik-v3");
  }

  @Test
  void noCommandIsAUsageError() {
    assertThat(Cli.run().exit()).isEqualTo(2);
    assertThat(Cli.run("frobnicate").exit()).isEqualTo(2);
  }

  @Test
  void discoverThenRenderEqualsMigrate(@TempDir Path tmp) throws IOException {
    String capture = Samples.capture("cross-zone-off").toString();
    Path inventory = tmp.resolve("inventory.json");
    Cli d = Cli.run("discover", "--from-aws-cli", capture, "--output", inventory.toString());
    assertThat(d.exit()).as(d.err()).isZero();
    assertThat(d.out()).isEmpty();
    Cli r =
        Cli.run(
            "render",
            inventory.toString(),
            "--out",
            tmp.resolve("a").toString(),
            "--target",
            "traefik-v1");
    assertThat(r.exit()).as(r.err()).isZero();
    Cli m =
        Cli.run(
            "migrate",
            "--from-aws-cli",
            capture,
            "--out",
            tmp.resolve("b").toString(),
            "--target",
            "traefik-v1");
    assertThat(m.exit()).as(m.err()).isZero();
    assertThat(BundleWriter.read(tmp.resolve("a"))).isEqualTo(BundleWriter.read(tmp.resolve("b")));
  }

  @Test
  void discoverToStdoutAndTranslateToStdoutCarryOnlyData(@TempDir Path tmp) throws IOException {
    Cli d = Cli.run("discover", "--from-aws-cli", Samples.capture("razorpay-myapp").toString());
    assertThat(d.exit()).isZero();
    assertThat(d.out()).startsWith("{\n  \"schemaVersion\": 1,");
    Path inventory = tmp.resolve("inventory.json");
    java.nio.file.Files.writeString(inventory, d.out());
    Cli t = Cli.run("translate", inventory.toString());
    assertThat(t.exit()).as(t.err()).isZero();
    assertThat(t.out()).startsWith("---\napiVersion: v1\nkind: Namespace\n");
    assertThat(t.out()).contains("kind: TraefikService").doesNotContain("notes:");
    assertThat(t.err()).contains("notes:");
    io.canary2k8s.testkit.ManifestValidator.validate(t.out(), "translate stdout");
  }

  @Test
  void configImagesReplaceThePlaceholders(@TempDir Path tmp) throws IOException {
    Path cfg = tmp.resolve("canary2k8s.yaml");
    java.nio.file.Files.writeString(
        cfg,
        """
        apps:
          search:
            image: registry.example.com/search:7.1.0
            tracks:
              search-canary:
                image: registry.example.com/search:7.2.0-rc1
        """);
    Cli run =
        Cli.run(
            "migrate",
            "--from-aws-cli",
            Samples.capture("canary-at-zero").toString(),
            "--out",
            tmp.resolve("out").toString(),
            "--config",
            cfg.toString(),
            "--strict",
            // without it the DNS batches hold a placeholder, an ACTION item that --strict refuses
            "--edge-dns-name",
            "edge-0123456789.elb.us-east-2.amazonaws.com");
    assertThat(run.exit()).as(run.err()).isZero();
    String deployment =
        java.nio.file.Files.readString(
            tmp.resolve("out/base/search/deployment-search-canary.yaml"));
    assertThat(deployment).contains("image: registry.example.com/search:7.2.0-rc1");
    // the track's image and where it came from are on the app's page of the review
    assertThat(java.nio.file.Files.readString(tmp.resolve("out/review/search.md")))
        .contains("canary2k8s.yaml apps.search.tracks.search-canary.image");
  }
}
