package io.canary2k8s.testing;

import java.util.Random;
import java.util.function.Consumer;

/**
 * A small seeded property harness (jqwik's licence rules it out): runs a property over random
 * cases from a fixed base seed, and on failure says which case seed reproduces it. Set
 * {@code -Dproperty.seed=N} to rerun one case.
 */
public final class Seeded {
  private Seeded() {}

  public static void forAll(String name, int cases, Consumer<Random> property) {
    String only = System.getProperty("property.seed");
    if (only != null) {
      run(name, Long.parseLong(only), property);
      return;
    }
    long base = 0x5eed_c0de_2026L ^ name.hashCode();
    for (int i = 0; i < cases; i++) {
      run(name, base + i, property);
    }
  }

  private static void run(String name, long seed, Consumer<Random> property) {
    try {
      property.accept(new Random(seed));
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError(
          name + " failed for seed " + seed + " (rerun with -Dproperty.seed=" + seed + "): "
              + e.getMessage(),
          e);
    }
  }
}
