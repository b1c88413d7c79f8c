package io.canary2k8s.cli;

import io.canary2k8s.render.BundleLayout;
import io.canary2k8s.render.BundleSink;
import io.canary2k8s.render.BundleWriter;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * The files of a bundle on their way to its sink, counted (for progress) and, for {@code
 * --exit-code}, compared with a previous bundle's: the bundle changed when a file's bytes differ, a
 * file is new, or a file of the previous bundle is not made any more. DIFF.md and diff.json do not
 * count: they describe the comparison, and a bundle committed with its own DIFF.md is the same
 * bundle re-rendered. Each file is compared as it goes by (a streamed one while it is written), so
 * the previous bundle may be the output directory itself, which is replaced only after every file
 * has gone by.
 */
final class BundleCheck implements BundleSink {
  private final BundleSink sink;
  private final LongAdder files = new LongAdder();
  private final Path previous;
  private final Set<String> previousFiles;
  private final Set<String> made = ConcurrentHashMap.newKeySet();
  private volatile boolean differs;

  /**
   * @param previous the previous bundle's directory, or null to count only
   */
  BundleCheck(BundleSink sink, Path previous) {
    this.sink = sink;
    this.previous = previous;
    this.previousFiles = previous == null ? Set.of() : filesOf(previous);
  }

  /** Files gone by so far. */
  long files() {
    return files.sum();
  }

  /** Whether the bundle differs from the previous one; valid once every file has gone by. */
  boolean changed() {
    return differs || !made.equals(previousFiles);
  }

  @Override
  public void put(String path, String content) {
    if (compared(path) && !differs) {
      byte[] want = content.getBytes(StandardCharsets.UTF_8);
      Path f = previous.resolve(path);
      try {
        if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)
            || Files.size(f) != want.length
            || !Arrays.equals(Files.readAllBytes(f), want)) {
          differs = true;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the previous bundle: " + e.getMessage(), e);
      }
    }
    sink.put(path, content);
    files.increment();
  }

  @Override
  public void write(String path, Body body) {
    if (!compared(path)) {
      sink.write(path, body);
      files.increment();
      return;
    }
    sink.write(
        path,
        out -> {
          if (differs) {
            body.writeTo(out);
            return;
          }
          try (Matching m = new Matching(out, previous.resolve(path))) {
            body.writeTo(m);
            if (!m.matchedToTheEnd()) {
              differs = true;
            }
          }
        });
    files.increment();
  }

  /** Whether {@code path} is compared (and recorded as made); false without a previous bundle. */
  private boolean compared(String path) {
    if (previous == null || path.equals(BundleLayout.DIFF) || path.equals(BundleLayout.DIFF_JSON)) {
      return false;
    }
    made.add(path);
    return true;
  }

  /**
   * The previous bundle's files: those its manifest lists (the user's files beside them are not the
   * bundle's), else every regular file but the manifest.
   */
  private static Set<String> filesOf(Path dir) {
    Set<String> owned = BundleWriter.owned(dir);
    if (owned != null) {
      Set<String> out = new TreeSet<>(owned);
      out.remove(BundleLayout.DIFF);
      out.remove(BundleLayout.DIFF_JSON);
      return out;
    }
    Set<String> out = new TreeSet<>();
    try (Stream<Path> s = Files.walk(dir)) {
      s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .map(p -> dir.relativize(p).toString().replace('\\', '/'))
          .filter(p -> !p.equals(BundleLayout.DIFF) && !p.equals(BundleLayout.DIFF_JSON))
          .filter(p -> !p.equals(BundleLayout.MANIFEST))
          .forEach(out::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the previous bundle: " + e.getMessage(), e);
    }
    return out;
  }

  /**
   * Passes every byte on and compares it with the next byte of a file; closing it leaves the stream
   * it writes to open.
   */
  private static final class Matching extends OutputStream {
    private final OutputStream out;
    private final InputStream expected;
    private final byte[] buf = new byte[1 << 16];
    private boolean same;

    Matching(OutputStream out, Path file) throws IOException {
      this.out = out;
      boolean there = Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
      this.expected = there ? new BufferedInputStream(Files.newInputStream(file), 1 << 16) : null;
      this.same = there;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      if (same && expected.read() != (b & 0xff)) {
        same = false;
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      int done = 0;
      while (same && done < len) {
        int n = expected.readNBytes(buf, 0, Math.min(buf.length, len - done));
        if (n < Math.min(buf.length, len - done)
            || !Arrays.equals(buf, 0, n, b, off + done, off + done + n)) {
          same = false;
        }
        done += n;
      }
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    /** Every byte matched and the file has no more. */
    boolean matchedToTheEnd() throws IOException {
      return same && expected.read() == -1;
    }

    @Override
    public void close() throws IOException {
      if (expected != null) {
        expected.close();
      }
    }
  }
}
