package io.canary2k8s.discover;

import io.canary2k8s.concurrent.DaemonThreads;
import io.canary2k8s.concurrent.Futures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Parts of one capture read at once, each on a thread of its own and with {@link CaptureFiles} of
 * its own (so with result lists of its own). Closing stops the parts not joined, waits for their
 * threads to end and closes what they left open.
 *
 * <p>A thread per part, not per core: with one thread per core, a large part started last would run
 * on alone on one core after the small ones ended; a thread each shares the cores, so the parts end
 * about together (the read stage of {@code bench/scale/Stages.java} and {@code
 * StagesBench.discover} measure it).
 */
final class Sections implements AutoCloseable {
  private final Path dir;
  private final LongAdder items;
  private final DaemonThreads threads = new DaemonThreads("canary2k8s-read-");

  /** A new thread for each part started while the others still read. */
  private final ExecutorService pool = Executors.newCachedThreadPool(threads);

  private final List<Section<?>> started = new ArrayList<>();

  /** For reading parts of {@code dir}; every part counts what it reads into {@code items}. */
  Sections(Path dir, LongAdder items) {
    this.dir = dir;
    this.items = items;
  }

  /** Starts reading a part: {@code read} on files of its own. */
  <T> Section<T> start(Function<CaptureFiles, T> read) {
    CaptureFiles files = new CaptureFiles(dir, items);
    Section<T> s =
        new Section<>(files, CompletableFuture.supplyAsync(() -> read.apply(files), pool));
    started.add(s);
    return s;
  }

  @Override
  public void close() {
    pool.shutdownNow(); // a part still reading stops at its next element (ResultStream)
    threads.awaitEnd();
    for (Section<?> s : started) {
      s.files.closeOpen();
    }
  }

  /** One part being read. */
  static final class Section<T> {
    private final CaptureFiles files;
    private final CompletableFuture<T> result;

    private Section(CaptureFiles files, CompletableFuture<T> result) {
      this.files = files;
      this.result = result;
    }

    /**
     * What the part came to, failing as reading it on this thread would have: with the problem that
     * stopped it, after reading the rest of every file it still had open (a syntax error there
     * comes first).
     */
    T join() {
      return join(() -> {});
    }

    /**
     * As {@link #join()}; {@code madeEarlier} is a check of what the part had read before it
     * stopped, which reading on one thread made as it went: its problem comes before the part's,
     * but not before a syntax error in a file the part had open.
     */
    T join(Runnable madeEarlier) {
      RuntimeException failure = null;
      T value = null;
      try {
        value = Futures.join(result);
      } catch (RuntimeException e) {
        failure = e;
      }
      try {
        madeEarlier.run();
      } catch (RuntimeException e) {
        failure = e;
      }
      files.finishOpen();
      if (failure != null) {
        throw failure;
      }
      return value;
    }
  }
}
