package io.canary2k8s.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The CLI, made to stop mid-write so that a test can kill it there: {@code PausingMain MODE MARKER
 * ARGS...} runs {@code canary2k8s ARGS...}, and where MODE says it creates the file MARKER and
 * sleeps until killed. MODE is {@code write:N} (before the N-th file of the temporary bundle,
 * 0-based) or {@code swap} (between moving the previous bundle away and moving the new one in).
 * Lives in the render package for {@link BundleWriter}'s package-private I/O seam, so the product
 * has no test switch of its own.
 */
public final class PausingMain {
  private PausingMain() {}

  public static void main(String[] args) {
    String mode = args[0];
    Path marker = Path.of(args[1]);
    AtomicInteger writes = new AtomicInteger();
    AtomicInteger moves = new AtomicInteger();
    BundleWriter.io =
        new BundleWriter.Io() {
          @Override
          public void write(Path file, String content) throws IOException {
            if (mode.equals("write:" + writes.getAndIncrement())) {
              pause(marker);
            }
            BundleWriter.REAL_IO.write(file, content);
          }

          @Override
          public void write(Path file, BundleSink.Body body) throws IOException {
            if (mode.equals("write:" + writes.getAndIncrement())) {
              pause(marker);
            }
            BundleWriter.REAL_IO.write(file, body);
          }

          @Override
          public void move(Path from, Path to) throws IOException {
            if (mode.equals("swap") && moves.getAndIncrement() == 1) {
              pause(marker);
            }
            BundleWriter.REAL_IO.move(from, to);
          }
        };
    io.canary2k8s.cli.Main.main(Arrays.copyOfRange(args, 2, args.length));
  }

  private static void pause(Path marker) throws IOException {
    Files.writeString(marker, "paused\n");
    try {
      Thread.sleep(Long.MAX_VALUE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
