package io.canary2k8s.concurrent;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A pipeline whose memory does not grow with its input: items are mapped on every core, and the
 * results handed to a consumer on the calling thread in item order, with a bounded number in
 * flight. The consumer (writing files, passing notes on) overlaps the mapping. A failure of the map
 * is thrown at its item's turn, as it was thrown: what the consumer saw before it is what a
 * one-thread loop would have done. When {@code forEach} returns or throws, no map is running any
 * more (a map may write files: nothing writes into an output its caller is cleaning up).
 */
public final class InOrder {
  /** Results in flight per core: enough to keep the cores busy while the consumer waits on I/O. */
  static final int WINDOW_PER_CORE = 64;

  private InOrder() {}

  /** {@link #forEach(List, int, Function, Consumer)} on one thread per core. */
  public static <T, R> void forEach(List<T> items, Function<T, R> map, Consumer<R> consumer) {
    forEach(items, Runtime.getRuntime().availableProcessors(), map, consumer);
  }

  /** Maps {@code items} on {@code threads} threads (on this one alone when one is enough). */
  public static <T, R> void forEach(
      List<T> items, int threads, Function<T, R> map, Consumer<R> consumer) {
    if (threads <= 1 || items.size() <= 1) {
      for (T item : items) {
        consumer.accept(map.apply(item));
      }
      return;
    }
    int window = WINDOW_PER_CORE * threads;
    DaemonThreads workers = new DaemonThreads("canary2k8s-worker-");
    ExecutorService pool = Executors.newFixedThreadPool(threads, workers);
    try {
      ArrayDeque<Future<R>> inFlight = new ArrayDeque<>();
      int next = 0;
      while (next < items.size() || !inFlight.isEmpty()) {
        while (next < items.size() && inFlight.size() < window) {
          T item = items.get(next++);
          inFlight.add(pool.submit(() -> map.apply(item)));
        }
        consumer.accept(Futures.get(inFlight.poll()));
      }
    } finally {
      pool.shutdownNow();
      workers.awaitEnd();
    }
  }
}
