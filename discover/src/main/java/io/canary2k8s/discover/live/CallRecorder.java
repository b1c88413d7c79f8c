package io.canary2k8s.discover.live;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Counts every AWS operation live discovery called, as the IAM action it needs ({@code
 * service:Operation}, e.g. {@code elasticloadbalancing:DescribeTags}). One call counts once however
 * often the SDK retried it. Thread-safe.
 */
public final class CallRecorder {
  private final SortedMap<String, Integer> counts = new TreeMap<>();

  synchronized void record(String action) {
    counts.merge(action, 1, Integer::sum);
  }

  /** The distinct actions called so far, sorted. */
  public synchronized java.util.SortedSet<String> actions() {
    return new TreeSet<>(counts.keySet());
  }

  /** Calls per action so far. */
  public synchronized Map<String, Integer> counts() {
    return Map.copyOf(counts);
  }

  public synchronized int total() {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }

  public synchronized void clear() {
    counts.clear();
  }
}
