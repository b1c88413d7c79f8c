package io.canary2k8s.render;

import io.canary2k8s.concurrent.Futures;
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
 * flight. The consumer (writing files) overlaps the mapping (making them).
 */
final class InOrder {
  /** Results in flight per core: enough to keep the cores busy while the consumer waits on I/O. */
  static final int WINDOW_PER_CORE = 64;

  private InOrder() {}

  static <T, R> void forEach(List<T> items, Function<T, R> map, Consumer<R> consumer) {
    int cores = Runtime.getRuntime().availableProcessors();
    int window = WINDOW_PER_CORE * cores;
    ExecutorService pool = Executors.newFixedThreadPool(cores, r -> {
      Thread t = new Thread(r, "canary2k8s-render");
      t.setDaemon(true);
      return t;
    });
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
    }
  }
}
