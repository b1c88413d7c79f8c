package io.canary2k8s.discover.live;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.canary2k8s.discover.CaptureReader;
import io.canary2k8s.inventory.Inventory;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the rendered capture script with the real AWS CLI against moto and reads the result. */
final class CaptureRun {
  private CaptureRun() {}

  /**
   * Runs the script into {@code dir} (which must not exist yet) and reads it with CaptureReader.
   */
  static Inventory capture(URI endpoint, String region, Path dir) {
    assumeTrue(Moto.onPath("aws"), "the AWS CLI is not on PATH");
    try {
      Path script = Files.createTempFile("capture-", ".sh");
      Files.writeString(script, CaptureScript.render(), StandardCharsets.UTF_8);
      Path home = Files.createTempDirectory("aws-home");
      ProcessBuilder pb =
          new ProcessBuilder(
              List.of(
                  "bash",
                  script.toString(),
                  "--region",
                  region,
                  "--endpoint-url",
                  endpoint.toString(),
                  dir.toString()));
      Map<String, String> env = pb.environment();
      env.keySet().removeIf(k -> k.startsWith("AWS_"));
      env.put("AWS_ACCESS_KEY_ID", "testing");
      env.put("AWS_SECRET_ACCESS_KEY", "testing");
      env.put("AWS_DEFAULT_REGION", region);
      env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
      env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
      pb.redirectErrorStream(true);
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new AssertionError("capture script failed (" + p.exitValue() + "):\n" + out);
      }
      return CaptureReader.read(dir);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
