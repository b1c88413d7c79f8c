package io.canary2k8s.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.canary2k8s.config.Config;
import io.canary2k8s.discover.CaptureReader;
import io.canary2k8s.input.InputException;
import io.canary2k8s.inventory.Inventory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The capture reader over arbitrary bytes: one file of a valid capture (samples/razorpay-myapp) is
 * replaced by the input; the last input byte picks which. The result must be an inventory that the
 * whole pipeline takes, or one clean {@link InputException} (exit 2). See docs/fuzzing.md.
 */
class CaptureReaderFuzzTest {
  static final Path BASE = baseCapture();
  static final List<String> FILES = files(BASE);

  @FuzzTest(maxDuration = "6m")
  void captureReader(FuzzedDataProvider data) throws IOException {
    String rel = FILES.get(data.consumeInt(0, FILES.size() - 1));
    byte[] content = data.consumeRemainingAsBytes();
    Path file = BASE.resolve(rel);
    byte[] original = Files.readAllBytes(file);
    Files.write(file, content);
    try {
      Inventory inventory;
      try {
        inventory = CaptureReader.read(BASE);
      } catch (InputException e) {
        FuzzPipeline.assertClean(e, BASE.toString());
        return;
      }
      FuzzPipeline.assertValid(inventory, Config.EMPTY);
    } finally {
      Files.write(file, original);
    }
  }

  private static Path baseCapture() {
    try {
      Path from =
          Path.of(System.getProperty("samples.dir", "../samples"), "razorpay-myapp", "capture");
      Path to = Files.createTempDirectory("fuzz-capture");
      try (Stream<Path> s = Files.walk(from)) {
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
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> files(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .map(p -> dir.relativize(p).toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
