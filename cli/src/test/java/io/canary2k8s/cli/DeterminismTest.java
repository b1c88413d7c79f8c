package io.canary2k8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.canary2k8s.render.BundleWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Same input, same bytes: across runs, across the order AWS lists things in, and on rerun. */
class DeterminismTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.canary2k8s.cli.Samples#names")
  void shuffledInputGivesTheSameBundle(String sample, @TempDir Path tmp) throws IOException {
    Path shuffled = tmp.resolve("capture");
    BadInputTest.copyTree(Samples.capture(sample), shuffled);
    Random rnd = new Random(sample.hashCode());
    try (var s = Files.walk(shuffled)) {
      for (Path f : (Iterable<Path>) s::iterator) {
        if (f.toString().endsWith(".json")) {
          JsonNode tree = JSON.readTree(f.toFile());
          shuffle(tree, rnd);
          Files.writeString(f, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree));
        }
      }
    }
    Cli a =
        Cli.run(
            "migrate",
            "--allow-errors",
            "--from-aws-cli",
            Samples.capture(sample).toString(),
            "--out",
            tmp.resolve("a").toString());
    Cli b =
        Cli.run(
            "migrate",
            "--allow-errors",
            "--from-aws-cli",
            shuffled.toString(),
            "--out",
            tmp.resolve("b").toString());
    assertThat(a.exit()).as(a.err()).isZero();
    assertThat(b.exit()).as(b.err()).isZero();
    Map<String, String> first = BundleWriter.read(tmp.resolve("a"));
    assertThat(BundleWriter.read(tmp.resolve("b"))).isEqualTo(first);
    assertThat(first.keySet()).contains("REVIEW.md", "base/kustomization.yaml");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.canary2k8s.cli.Samples#names")
  void rerunRewritesNothing(String sample, @TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("out");
    String[] args = {
      "migrate",
      "--allow-errors",
      "--from-aws-cli",
      Samples.capture(sample).toString(),
      "--out",
      out.toString()
    };
    assertThat(Cli.run(args).exit()).isZero();
    Path review = out.resolve("REVIEW.md");
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(review, old);
    Map<String, String> before = BundleWriter.read(out);
    Cli again = Cli.run(args);
    assertThat(again.exit()).isZero();
    assertThat(again.err()).contains("unchanged");
    assertThat(Files.getLastModifiedTime(review)).isEqualTo(old);
    assertThat(BundleWriter.read(out)).isEqualTo(before);
  }

  /** Shuffles every array, recursively: AWS lists are sets, their order carries no meaning. */
  static void shuffle(JsonNode node, Random rnd) {
    if (node instanceof ArrayNode arr) {
      List<JsonNode> items = new ArrayList<>();
      arr.forEach(items::add);
      Collections.shuffle(items, rnd);
      arr.removeAll();
      items.forEach(arr::add);
      items.forEach(i -> shuffle(i, rnd));
    } else if (node instanceof ObjectNode obj) {
      obj.fields().forEachRemaining(e -> shuffle(e.getValue(), rnd));
    }
  }
}
