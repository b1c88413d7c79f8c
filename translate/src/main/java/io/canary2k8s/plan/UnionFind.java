package io.canary2k8s.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Connected components over comparable keys: each component sorted, the components in the order of
 * their first key. Each key is hashed once, to a number; the finds and unions are on numbers. Which
 * key becomes a root does not show in the result.
 */
final class UnionFind<K extends Comparable<? super K>> {
  private final Map<K, Integer> ids = new HashMap<>();
  private final List<K> keys = new ArrayList<>();
  private int[] parent = new int[64];

  /** The number of {@code x}, added as a component of its own if new. */
  int add(K x) {
    Integer id = ids.get(Objects.requireNonNull(x));
    if (id != null) {
      return id;
    }
    int n = keys.size();
    ids.put(x, n);
    keys.add(x);
    if (n == parent.length) {
      parent = Arrays.copyOf(parent, 2 * n);
    }
    parent[n] = n;
    return n;
  }

  private int find(int x) {
    int root = x;
    while (parent[root] != root) {
      root = parent[root];
    }
    while (parent[x] != root) {
      int next = parent[x];
      parent[x] = root;
      x = next;
    }
    return root;
  }

  /** Joins the components of {@code a} and {@code b}, adding either if new. */
  void union(K a, K b) {
    int ra = find(add(a));
    int rb = find(add(b));
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }

  /** The components, each sorted and unmodifiable, in the order of their first key. */
  List<List<K>> components() {
    int n = keys.size();
    Map<Integer, List<K>> byRoot = new HashMap<>();
    for (int x = 0; x < n; x++) {
      byRoot.computeIfAbsent(find(x), k -> new ArrayList<>()).add(keys.get(x));
    }
    List<List<K>> out = new ArrayList<>(byRoot.size());
    for (List<K> c : byRoot.values()) {
      Collections.sort(c);
      out.add(Collections.unmodifiableList(c));
    }
    out.sort((a, b) -> a.get(0).compareTo(b.get(0)));
    return out;
  }
}
