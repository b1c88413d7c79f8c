package io.canary2k8s.render.diff;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Two halves of a diff computed at once (2 cores), failing as one after the other would. */
final class Futures {
  private Futures() {}

  /** The value of {@code f}, or its failure as it was thrown (not wrapped). */
  static <T> T join(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error r) {
        throw r;
      }
      throw e;
    }
  }
}
