package io.canary2k8s.inventory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Immutable, sorted copies for the compact constructors of the inventory records. */
final class Sorted {
  private Sorted() {}

  static <T> List<T> list(List<T> in, Comparator<? super T> order) {
    if (in == null) {
      return List.of();
    }
    List<T> copy = new ArrayList<>(in);
    copy.sort(order);
    return List.copyOf(copy);
  }

  static List<String> strings(List<String> in) {
    return list(in, Comparator.naturalOrder());
  }

  static Map<String, String> map(Map<String, String> in) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(in == null ? Map.of() : in));
  }
}
