package io.canary2k8s.concurrent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Results of work done on another core, failing as the same work done on this thread would: the
 * cause as it was thrown, not wrapped.
 */
public final class Futures {
  private Futures() {}

  /** The value of {@code f}, or its failure as it was thrown. */
  public static <T> T join(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      throw unwrapped(e.getCause(), e);
    }
  }

  /** The value of {@code f}, or its failure as it was thrown; waiting may be interrupted. */
  public static <T> T get(Future<T> f) {
    try {
      return f.get();
    } catch (ExecutionException e) {
      throw unwrapped(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** The failure {@code e} reports as it was thrown (an {@link Error} is thrown here). */
  public static RuntimeException unwrapped(ExecutionException e) {
    return unwrapped(e.getCause(), new IllegalStateException(e.getCause()));
  }

  private static RuntimeException unwrapped(Throwable cause, RuntimeException otherwise) {
    if (cause instanceof RuntimeException r) {
      return r;
    }
    if (cause instanceof Error e) {
      throw e;
    }
    return otherwise;
  }
}
