package io.canary2k8s.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.canary2k8s.testing.Seeded;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class UnionFindTest {
  @Test
  void components_sortedEachAndByFirstKey_singletonsKept() {
    UnionFind<String> uf = new UnionFind<>();
    uf.add("z");
    uf.union("m", "c");
    uf.union("x", "m");
    uf.union("b", "y");
    uf.union("b", "y");
    assertThat(uf.components())
        .containsExactly(List.of("b", "y"), List.of("c", "m", "x"), List.of("z"));
  }

  @Test
  void add_returnsOneNumberPerKey() {
    UnionFind<String> uf = new UnionFind<>();
    assertThat(uf.add("a")).isEqualTo(uf.add("a"));
    assertThat(uf.add("b")).isNotEqualTo(uf.add("a"));
  }

  /** Against a breadth-first search over the same random edges, past the first array growth. */
  @Test
  void components_areTheConnectedComponents() {
    Seeded.forAll(
        "union-find components",
        50,
        rnd -> {
          int n = 1 + rnd.nextInt(200);
          UnionFind<Integer> uf = new UnionFind<>();
          Map<Integer, List<Integer>> edges = new HashMap<>();
          for (int i = 0; i < n; i++) {
            uf.add(i);
            edges.put(i, new ArrayList<>());
          }
          for (int e = rnd.nextInt(n + 1); e > 0; e--) {
            int a = rnd.nextInt(n);
            int b = rnd.nextInt(n);
            uf.union(a, b);
            edges.get(a).add(b);
            edges.get(b).add(a);
          }
          List<List<Integer>> expected = new ArrayList<>();
          Set<Integer> seen = new TreeSet<>();
          for (int i = 0; i < n; i++) {
            if (seen.add(i)) {
              Set<Integer> c = new TreeSet<>(List.of(i));
              Deque<Integer> todo = new ArrayDeque<>(List.of(i));
              while (!todo.isEmpty()) {
                for (int next : edges.get(todo.pop())) {
                  if (seen.add(next)) {
                    c.add(next);
                    todo.push(next);
                  }
                }
              }
              expected.add(List.copyOf(c));
            }
          }
          expected.sort(Comparator.comparing(c -> c.get(0)));
          assertThat(uf.components()).isEqualTo(expected);
        });
  }
}
