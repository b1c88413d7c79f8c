package io.canary2k8s.discover.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.canary2k8s.cli.Samples;
import io.canary2k8s.discover.CaptureReader;
import io.canary2k8s.inventory.Inventory;
import io.canary2k8s.render.BundleWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every sample, against moto: {@code migrate} by live discovery and {@code migrate} from the
 * capture that the capture script makes of the same estate give the same bundle. Only what names
 * the source differs: the REVIEW.md line saying where the inventory came from, and the provenance
 * in inventory.json (source; capture time).
 */
class LiveBundleTest {
  @TempDir static Path tmp;

  @BeforeAll
  static void credentials() {
    System.setProperty("aws.accessKeyId", "testing");
    System.setProperty("aws.secretAccessKey", "testing");
    System.setProperty("canary2k8s.version", "0.0.0-test");
  }

  @AfterAll
  static void clear() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
  }

  static Stream<String> samples() throws IOException {
    Path dir = Path.of(System.getProperty("samples.dir", "../samples"));
    try (Stream<Path> s = Files.list(dir)) {
      // a sample marked NOT-IN-AWS holds names AWS refuses (samples/odd-names), one marked
      // NOT-IN-MOTO shapes moto does not take (samples/alb-shapes): moto cannot hold it
      return s
          .filter(
              p ->
                  Files.isDirectory(p.resolve("capture")) && !Files.exists(p.resolve("NOT-IN-AWS")))
          .filter(p -> !Files.exists(p.resolve("NOT-IN-MOTO")))
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  static int cli(String... args) {
    StringWriter err = new StringWriter();
    int code =
        io.canary2k8s.cli.Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertThat(code).as(String.join(" ", args) + "\n" + err).isZero();
    return code;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void liveAndCapturedBundlesAreTheSame(String sample) throws IOException {
    URI endpoint = Moto.endpoint();
    Path capture = Path.of(System.getProperty("samples.dir", "../samples"), sample, "capture");
    Inventory estate = CaptureReader.read(capture);
    String region =
        estate.provenance().region() == null ? "us-east-1" : estate.provenance().region();
    Moto.reset();
    try (Seeder seeder = new Seeder(endpoint, region)) {
      seeder.seed(estate);
    }
    Path captured = tmp.resolve(sample + "-capture");
    CaptureRun.capture(endpoint, region, captured);
    for (String target : List.of("traefik-v3", "traefik-v1", "gateway-api")) {
      Path live = tmp.resolve(sample + "-" + target + "-live");
      Path fromCapture = tmp.resolve(sample + "-" + target + "-capture");
      // a target the sample has ERROR notes in by design is made with --allow-errors
      boolean errors = Samples.errorsExpected(sample, target);
      String allow = errors ? "--allow-errors" : "--no-progress";
      cli(
          "migrate",
          "--region",
          region,
          "--endpoint-url",
          endpoint.toString(),
          "--quiet",
          allow,
          "--out",
          live.toString(),
          "--target",
          target);
      cli(
          "migrate",
          "--from-aws-cli",
          captured.toString(),
          allow,
          "--out",
          fromCapture.toString(),
          "--target",
          target);
      Map<String, String> liveFiles = BundleWriter.read(live);
      if (!errors) {
        assertThat(liveFiles.keySet())
            .as("the live bundle routes the sample's app")
            .anyMatch(
                k ->
                    k.contains("/traefikservice-")
                        || k.contains("/ingress-")
                        || k.contains("/httproute-")
                        || k.contains("/ingressroutetcp-")
                        || k.contains("/tcproute-")
                        || k.contains("/tlsroute-"));
      }
      assertThat(withoutSource(liveFiles))
          .as(sample + " " + target)
          .isEqualTo(withoutSource(BundleWriter.read(fromCapture)));
    }
  }

  /** The bundle without the two places that say where the inventory came from. */
  static Map<String, String> withoutSource(Map<String, String> files) {
    Map<String, String> out = new TreeMap<>(files);
    out.computeIfPresent(
        "REVIEW.md", (k, v) -> v.replaceFirst("Generated by canary2k8s [^\\n]*\\n", ""));
    out.computeIfPresent(
        "inventory.json",
        (k, v) -> v.replaceFirst("\"provenance\": \\{[^}]*\\}", "\"provenance\": {}"));
    return out;
  }
}
