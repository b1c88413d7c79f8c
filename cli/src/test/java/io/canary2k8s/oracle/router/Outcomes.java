package io.canary2k8s.oracle.router;

import io.canary2k8s.oracle.router.Routed.Broken;
import io.canary2k8s.oracle.router.Routed.Redirected;
import io.canary2k8s.oracle.router.Routed.Served;
import io.canary2k8s.split.Fraction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

/** Choosing among matching routes, and the share arithmetic every model shares. */
final class Outcomes {
  private Outcomes() {}

  /**
   * The outcome of the highest-priority candidates (by {@code priority}); when several share the
   * highest priority and do different things the proxy's choice among them is not defined by the
   * manifests: {@link Broken}. Null when there is no candidate.
   */
  static <T> Routed best(
      List<T> matching,
      ToIntFunction<T> priority,
      java.util.function.Function<T, Routed> outcome,
      java.util.function.Function<T, String> id) {
    if (matching.isEmpty()) {
      return null;
    }
    int top = matching.stream().mapToInt(priority).max().orElseThrow();
    List<T> tied =
        new ArrayList<>(matching.stream().filter(m -> priority.applyAsInt(m) == top).toList());
    tied.sort(Comparator.comparing(id));
    Routed first = outcome.apply(tied.get(0));
    for (T other : tied.subList(1, tied.size())) {
      if (!same(first, outcome.apply(other))) {
        return new Broken(
            "routes "
                + tied.stream().map(id).toList()
                + " tie at priority "
                + top
                + " and do different things");
      }
    }
    return first;
  }

  /** Whether two outcomes do the same to a request (their descriptions aside). */
  static boolean same(Routed a, Routed b) {
    if (a instanceof Served x && b instanceof Served y) {
      return x.shares().equals(y.shares());
    }
    if (a instanceof Redirected x && b instanceof Redirected y) {
      return x.scheme().equals(y.scheme())
          && x.host().equals(y.host())
          && x.port() == y.port()
          && x.path().equals(y.path());
    }
    return a.equals(b);
  }

  /** Pods by group as shares of the whole. */
  static Map<String, Fraction> byPods(Map<String, Integer> pods) {
    int total = pods.values().stream().mapToInt(Integer::intValue).sum();
    Map<String, Fraction> out = new TreeMap<>();
    if (total > 0) {
      pods.forEach((g, n) -> out.put(g, Fraction.of(n, total)));
    }
    return out;
  }

  /** {@code into += weight · shares}. */
  static void add(Map<String, Fraction> into, Fraction weight, Map<String, Fraction> shares) {
    shares.forEach((g, s) -> into.merge(g, weight.times(s), Fraction::plus));
  }
}
