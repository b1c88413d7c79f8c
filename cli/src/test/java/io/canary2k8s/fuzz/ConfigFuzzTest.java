package io.canary2k8s.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.canary2k8s.config.Config;
import io.canary2k8s.discover.CaptureReader;
import io.canary2k8s.input.InputException;
import io.canary2k8s.inventory.Inventory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The config reader over arbitrary bytes as canary2k8s.yaml: a config the pipeline then takes
 * (applied to samples/razorpay-myapp), or one clean {@link InputException} (exit 2). See
 * docs/fuzzing.md.
 */
class ConfigFuzzTest {
  static final Inventory INVENTORY =
      CaptureReader.read(
          Path.of(System.getProperty("samples.dir", "../samples"), "razorpay-myapp", "capture"));

  @FuzzTest(maxDuration = "6m")
  void configReader(byte[] input) throws IOException {
    Path file = Files.createTempFile("fuzz-canary2k8s", ".yaml");
    try {
      Files.write(file, input);
      Config config;
      try {
        config = Config.read(file);
      } catch (InputException e) {
        FuzzPipeline.assertClean(e, file.toString());
        return;
      }
      FuzzPipeline.assertValid(INVENTORY, config);
    } finally {
      Files.delete(file);
    }
  }
}
