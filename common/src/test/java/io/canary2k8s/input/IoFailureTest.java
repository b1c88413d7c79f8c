package io.canary2k8s.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** An I/O error in one line: what failed, the path, the system's reason, what is left. */
class IoFailureTest {
  @Test
  void namesThePathAndTheReason() {
    assertThat(IoFailure.describe(new AccessDeniedException("/srv/out/x.yaml")))
        .isEqualTo("/srv/out/x.yaml: permission denied");
    assertThat(IoFailure.describe(new NoSuchFileException("/srv/out")))
        .isEqualTo("/srv/out: no such file or directory");
    assertThat(
            IoFailure.describe(
                new FileSystemException("/srv/.out.tmp-1", "/srv/out", "Directory not empty")))
        .isEqualTo("/srv/.out.tmp-1 -> /srv/out: Directory not empty");
    assertThat(IoFailure.describe(new FileSystemException(null, null, "Read-only file system")))
        .isEqualTo("Read-only file system");
    assertThat(IoFailure.describe(new IOException("No space left on device\nmore")))
        .isEqualTo("No space left on device more");
    assertThat(IoFailure.describe(new IOException())).isEqualTo("IOException");
  }

  @Test
  void saysItIsAnIoErrorAndWhatIsLeft() {
    IoFailure f =
        new IoFailure(
            "writing the bundle to out",
            new FileSystemException("/srv/out/base/a.yaml", null, "No space left on device"),
            "out is as it was");
    assertThat(f)
        .hasMessage(
            "I/O error writing the bundle to out: /srv/out/base/a.yaml: No space left on device;"
                + " out is as it was");
    assertThat(new IoFailure("reading x", new IOException("gone"), null))
        .hasMessage("I/O error reading x: gone");
  }
}
