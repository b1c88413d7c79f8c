package io.canary2k8s.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The golden corpus: every directory under samples/ with a capture/. */
public final class Samples {
  static final List<String> TARGETS = List.of("traefik-v3", "traefik-v1", "gateway-api");

  private Samples() {}

  static Path dir() {
    return Path.of(System.getProperty("samples.dir", "../samples")).toAbsolutePath().normalize();
  }

  static List<String> names() {
    try (Stream<Path> s = Files.list(dir())) {
      return s.filter(p -> Files.isDirectory(p.resolve("capture")))
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path capture(String sample) {
    return dir().resolve(sample).resolve("capture");
  }

  static Path expected(String sample, String target) {
    return dir().resolve(sample).resolve("expected").resolve(target);
  }

  /** The sample's config file, when it has one. */
  static List<String> configArgs(String sample) {
    Path cfg = dir().resolve(sample).resolve("canary2k8s.yaml");
    return Files.isRegularFile(cfg) ? List.of("--config", cfg.toString()) : List.of();
  }

  /**
   * Whether the sample's bundle for {@code target} has ERROR notes by design: {@code
   * samples/<sample>/errors-expected} lists those targets, one a line (it is then made with {@code
   * --allow-errors}, after checking that the run without it exits 3).
   */
  public static boolean errorsExpected(String sample, String target) {
    Path f = dir().resolve(sample).resolve("errors-expected");
    try {
      return Files.isRegularFile(f)
          && Files.readAllLines(f).stream().map(String::strip).anyMatch(target::equals);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Stream<String> targets() {
    return TARGETS.stream();
  }

  static Stream<org.junit.jupiter.params.provider.Arguments> sampleTargets() {
    return names().stream()
        .flatMap(
            s -> TARGETS.stream().map(t -> org.junit.jupiter.params.provider.Arguments.of(s, t)));
  }
}
