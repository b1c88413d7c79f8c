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
 * 0-based), {@code carry:N} (before the N-th of the user's entries is carried from the bundle
 * directory into the new one, 0-based) or {@code swap} (between moving the previous bundle away and
 * moving the new one in). Lives in the render package for {@link BundleWriter}'s package-private
 * I/O seam, so the product has no test switch of its own.
 */
public final class PausingMain {
  private PausingMain() {}

  public static void main(String[] args) {
    String mode = args[0];
    Path marker = Path.of(args[1]);
    AtomicInteger writes = new AtomicInteger();
    AtomicInteger carries = new AtomicInteger();
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
            boolean fromTmp = from.getFileName().toString().contains(".tmp-");
            boolean intoPlace = fromTmp && !to.getFileName().toString().startsWith(".");
            if (mode.equals("swap") && intoPlace) {
              pause(marker);
            }
            if (!inTmp(from) && inTmp(to) && mode.equals("carry:" + carries.getAndIncrement())) {
              pause(marker);
            }
            BundleWriter.REAL_IO.move(from, to);
          }
        };
    io.canary2k8s.cli.Main.main(Arrays.copyOfRange(args, 2, args.length));
  }

  /** Under a temporary bundle directory ({@code .<out>.tmp-N}). */
  private static boolean inTmp(Path p) {
    for (Path q = p.getParent(); q != null && q.getFileName() != null; q = q.getParent()) {
      if (q.getFileName().toString().contains(".tmp-")) {
        return true;
      }
    }
    return false;
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
