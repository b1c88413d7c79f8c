package io.canary2k8s.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Runs a task for every index on up to a given number of threads, the calling thread one of them,
 * and returns when every index has run. The extra threads are daemons that end with the call.
 * Tasks keep their results where the caller reads them in order; which thread ran an index does
 * not show. A task's failure is thrown as it was thrown (after the other indices have run).
 */
final class Parallel {
  private Parallel() {}

  /** The threads a build uses: one per core. */
  static int cores() {
    return Runtime.getRuntime().availableProcessors();
  }

  static void forEachIndex(int n, int threads, IntConsumer task) {
    int workers = Math.min(threads, n);
    if (workers <= 1) {
      for (int i = 0; i < n; i++) {
        task.accept(i);
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable work = () -> {
      try {
        for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
          task.accept(i);
        }
      } catch (RuntimeException | Error e) {
        failure.compareAndSet(null, e);
        next.set(n); // the others stop at their next index
      }
    };
    List<Thread> started = new ArrayList<>();
    try {
      for (int w = 1; w < workers; w++) {
        Thread t = new Thread(work, "canary2k8s-plan-" + w);
        t.setDaemon(true);
        t.start();
        started.add(t);
      }
      work.run();
    } finally {
      joinAll(started);
    }
    Throwable t = failure.get();
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
  }

  /** Waits for every thread; an interrupt is kept for the caller, not lost, and does not cut the wait short. */
  private static void joinAll(List<Thread> threads) {
    boolean interrupted = false;
    for (Thread t : threads) {
      while (true) {
        try {
          t.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
