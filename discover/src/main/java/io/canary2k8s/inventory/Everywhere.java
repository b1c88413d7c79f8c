package io.canary2k8s.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * The secrets {@link InventoryRedaction} replaces wherever they occur, found in a text in one pass
 * whatever their number (an estate may tag each of 20,000 groups with a password): a rolling hash
 * of the first {@value #PREFIX} characters, case-folded, picks the candidates at each place, which
 * are then compared ignoring case; the longest that matches is taken. Text inside a placeholder is
 * never matched.
 */
final class Everywhere {
  /** The length of the prefix hashed: the shortest secret replaced everywhere. */
  static final int PREFIX = InventoryRedaction.EVERYWHERE_LENGTH;

  private static final long BASE = 1_000_003L;

  /** {@code BASE^(PREFIX-1)}, to take the first character out of the rolling hash. */
  private static final long TOP;

  static {
    long t = 1;
    for (int i = 1; i < PREFIX; i++) {
      t *= BASE;
    }
    TOP = t;
  }

  /** Hash of the folded prefix → the secrets (folded) with it, longest first. */
  private final Map<Long, List<String>> byPrefix = new HashMap<>();

  /**
   * @param folded the secrets, case-folded ({@link InventoryRedaction#fold(String)}), each at least
   *     {@value #PREFIX} long
   */
  Everywhere(Collection<String> folded) {
    for (String s : folded) {
      byPrefix.computeIfAbsent(hash(s, 0), k -> new ArrayList<>()).add(s);
    }
    byPrefix
        .values()
        .forEach(
            l ->
                l.sort(
                    Comparator.comparingInt(String::length)
                        .reversed()
                        .thenComparing(Comparator.naturalOrder())));
  }

  /** {@code s} with each secret replaced by its placeholder; {@code s} itself when none occurs. */
  String replace(String s, InventoryRedaction.Placeholders placeholders) {
    if (byPrefix.isEmpty() || s.length() < PREFIX) {
      return s;
    }
    if (s.indexOf("<redacted") < 0) {
      return replace(s, 0, s.length(), placeholders, null);
    }
    StringBuilder out = new StringBuilder(s.length());
    Matcher m = SecretPatterns.placeholders(s);
    int at = 0;
    while (m.find()) {
      replace(s, at, m.start(), placeholders, out);
      out.append(m.group());
      at = m.end();
    }
    replace(s, at, s.length(), placeholders, out);
    String r = out.toString();
    return r.equals(s) ? s : r;
  }

  /**
   * The secrets in {@code s[from, to)} replaced, appended to {@code out}; without {@code out}, the
   * result ({@code s} itself when nothing was replaced and the range is all of it).
   */
  private String replace(
      String s, int from, int to, InventoryRedaction.Placeholders placeholders, StringBuilder out) {
    StringBuilder sb = out;
    int copied = from;
    int i = from;
    long h = to - from >= PREFIX ? hash(s, from) : 0;
    while (i + PREFIX <= to) {
      String hit = null;
      List<String> candidates = byPrefix.get(h);
      if (candidates != null) {
        for (String c : candidates) {
          if (i + c.length() <= to && s.regionMatches(true, i, c, 0, c.length())) {
            hit = c;
            break;
          }
        }
      }
      if (hit != null) {
        if (sb == null) {
          sb = new StringBuilder(s.length());
        }
        sb.append(s, copied, i);
        sb.append(placeholders.placeholder(hit, null));
        i += hit.length();
        copied = i;
        if (i + PREFIX <= to) {
          h = hash(s, i);
        }
        continue;
      }
      if (i + PREFIX < to) {
        h =
            (h - InventoryRedaction.fold(s.charAt(i)) * TOP) * BASE
                + InventoryRedaction.fold(s.charAt(i + PREFIX));
      }
      i++;
    }
    if (sb == null) {
      return s;
    }
    sb.append(s, copied, to);
    return out == null ? sb.toString() : null;
  }

  private static long hash(String s, int from) {
    long h = 0;
    for (int i = from; i < from + PREFIX; i++) {
      h = h * BASE + InventoryRedaction.fold(s.charAt(i));
    }
    return h;
  }
}
