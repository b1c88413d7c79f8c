package io.canary2k8s.cli;

import io.canary2k8s.discover.live.Progress;
import io.canary2k8s.text.Escape;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * One line on stderr, rewritten in place, for the stage under way: what it does, how many items so
 * far and how fast ({@code translating: 1,200 apps (2,400/s)}). The stages count from their own
 * threads into a counter; a daemon thread draws the line four times a second (a stage shorter than
 * that draws nothing). Off, it starts no thread and prints nothing: stderr that is not a terminal
 * gets no progress (a log is not a screen). {@link #close} clears the line, before anything else is
 * printed on stderr.
 */
final class ProgressLine implements Progress, AutoCloseable {
  private static final long PERIOD_MS = 250;

  private final PrintWriter err;
  private final boolean on;
  private ScheduledExecutorService ticker;
  private Stage current;
  private boolean shown;

  /** The count of the discovery stage under way. */
  private final AtomicLong discovered = new AtomicLong();

  private record Stage(String what, String unit, LongSupplier count, long started) {}

  ProgressLine(PrintWriter err, boolean on) {
    this.err = err;
    this.on = on;
  }

  /** A line that prints nothing. */
  static ProgressLine off(PrintWriter err) {
    return new ProgressLine(err, false);
  }

  /** Starts a stage that counts {@code unit} into the counter returned (from any thread). */
  LongAdder stage(String what, String unit) {
    LongAdder n = new LongAdder();
    stage(what, unit, n::sum);
    return n;
  }

  /** Starts a stage whose count is read from {@code count}; null: no count, the time only. */
  synchronized void stage(String what, String unit, LongSupplier count) {
    if (!on) {
      return;
    }
    current = new Stage(what, unit, count, System.nanoTime());
    draw(); // at once: the line says what runs from its start, however short the stage
    if (ticker == null) {
      ticker =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "canary2k8s-progress");
                t.setDaemon(true);
                return t;
              });
      ticker.scheduleAtFixedRate(this::draw, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
    }
  }

  /** Live discovery's progress: one stage per service and region. */
  @Override
  public synchronized void update(String service, String region, int itemsSoFar) {
    String what = "discovering " + service + " in " + region;
    if (current == null || !current.what().equals(what)) {
      stage(what, "items", discovered::get);
    }
    discovered.set(itemsSoFar);
  }

  /** Live discovery's call that has not answered for {@code seconds}: the line counts the wait. */
  @Override
  public synchronized void waiting(String action, String region, String endpoint, long seconds) {
    if (!on) {
      return;
    }
    String what =
        "waiting for "
            + action
            + " in "
            + region
            + (endpoint == null ? "" : " (" + Escape.terminal(endpoint) + ")");
    if (current == null || !current.what().equals(what)) {
      stage(what, null, null);
      // the wait began before the first report of it
      current = new Stage(what, null, null, System.nanoTime() - TimeUnit.SECONDS.toNanos(seconds));
    }
  }

  private synchronized void draw() {
    Stage s = current;
    if (s == null) {
      return;
    }
    double seconds = (System.nanoTime() - s.started()) / 1e9;
    String text;
    if (s.count() == null) {
      text = String.format(Locale.ROOT, "%s ... %.0f s", s.what(), seconds);
    } else {
      long n = s.count().getAsLong();
      // a rate once there is a quarter second to measure it over
      text =
          String.format(Locale.ROOT, "%s: %,d %s", s.what(), n, s.unit())
              + (seconds * 1000 < PERIOD_MS
                  ? ""
                  : String.format(Locale.ROOT, " (%,d/s)", Math.round(n / seconds)));
    }
    err.print("\r\033[K" + text);
    err.flush();
    shown = true;
  }

  /** Stops drawing and clears the line. */
  @Override
  public synchronized void close() {
    current = null;
    if (ticker != null) {
      ticker.shutdownNow();
      ticker = null;
    }
    if (shown) {
      err.print("\r\033[K");
      err.flush();
      shown = false;
    }
  }

  /** Whether stderr is a terminal (Linux: fd 2 is a tty device); else no progress by default. */
  static boolean stderrIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (Exception e) {
      return System.console() != null;
    }
  }
}
