package io.canary2k8s.testing;

import java.util.Random;

/**
 * A small seeded property harness (jqwik's licence rules it out): runs a property over random cases
 * from a fixed base seed, and on failure says which case seed reproduces it. Set {@code
 * -Dproperty.seed=N} to rerun one case, {@code -Dproperty.cases=N} to run N cases of every property
 * instead of its own number.
 */
public final class Seeded {
  private Seeded() {}

  /** One case of a property; it fails by throwing (an assertion, or any exception). */
  @FunctionalInterface
  public interface Property {
    void check(Random rnd) throws Exception;
  }

  public static void forAll(String name, int cases, Property property) {
    String only = System.getProperty("property.seed");
    if (only != null) {
      run(name, Long.parseLong(only), property);
      return;
    }
    long base = 0x5eed_c0de_2026L ^ name.hashCode();
    for (int i = 0, n = Integer.getInteger("property.cases", cases); i < n; i++) {
      run(name, base + i, property);
    }
  }

  private static void run(String name, long seed, Property property) {
    try {
      property.check(new Random(seed));
    } catch (AssertionError | Exception e) {
      throw new AssertionError(
          name
              + " failed for seed "
              + seed
              + " (rerun with -Dproperty.seed="
              + seed
              + "): "
              + e.getMessage(),
          e);
    }
  }
}
