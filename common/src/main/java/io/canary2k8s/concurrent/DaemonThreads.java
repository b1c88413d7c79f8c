package io.canary2k8s.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of a pool: daemons (a run that fails never waits for them to exit), named {@code
 * <prefix><n>} so that a profile or a thread dump says whose they are; remembered, so that their
 * owner can wait until every one has ended.
 */
public final class DaemonThreads implements ThreadFactory {
  private final String prefix;
  private final AtomicInteger count = new AtomicInteger();
  private final List<Thread> made = new ArrayList<>();

  public DaemonThreads(String prefix) {
    this.prefix = prefix;
  }

  @Override
  public Thread newThread(Runnable r) {
    Thread t = new Thread(r, prefix + count.incrementAndGet());
    t.setDaemon(true);
    synchronized (made) {
      made.add(t);
    }
    return t;
  }

  /**
   * Waits until every thread made so far has ended (stop their pool first), even when this thread
   * is interrupted meanwhile: the interrupt is set again afterwards.
   */
  public void awaitEnd() {
    List<Thread> threads;
    synchronized (made) {
      threads = List.copyOf(made);
    }
    boolean interrupted = false;
    for (Thread t : threads) {
      while (t.isAlive()) {
        try {
          t.join();
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
