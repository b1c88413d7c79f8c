package io.canary2k8s.oracle.aws;

import io.canary2k8s.split.Fraction;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What AWS does today with one request or connection: each Auto Scaling group's share (zero shares
 * left out; the rest, up to 1, is served by no group: a fixed response, an empty target group, a
 * name outside the estate), whether any of it reached a load balancer listener at all, and the AWS
 * items it passed through (names, load balancers, target groups, listeners and rules as {@code
 * "<lb> <item>"}), which a note may name to excuse a difference.
 */
public record Answer(
    Map<String, Fraction> shares,
    boolean reached,
    Set<String> names,
    Set<String> loadBalancers,
    Set<String> targetGroups,
    Set<String> items) {

  public Answer {
    shares = Map.copyOf(new TreeMap<>(shares));
    names = Set.copyOf(new TreeSet<>(names));
    loadBalancers = Set.copyOf(new TreeSet<>(loadBalancers));
    targetGroups = Set.copyOf(new TreeSet<>(targetGroups));
    items = Set.copyOf(new TreeSet<>(items));
  }

  public Fraction served() {
    return shares.values().stream().reduce(Fraction.ZERO, Fraction::plus);
  }

  /** Accumulates answers of the branches of a request, each with its probability. */
  static final class Builder {
    final Map<String, Fraction> shares = new TreeMap<>();
    boolean reached;
    final Set<String> names = new TreeSet<>();
    final Set<String> lbs = new TreeSet<>();
    final Set<String> tgs = new TreeSet<>();
    final Set<String> items = new TreeSet<>();

    Builder add(Fraction p, Answer a) {
      if (p.isZero()) {
        return this;
      }
      a.shares().forEach((g, s) -> shares.merge(g, p.times(s), Fraction::plus));
      reached |= a.reached();
      names.addAll(a.names());
      lbs.addAll(a.loadBalancers());
      tgs.addAll(a.targetGroups());
      items.addAll(a.items());
      return this;
    }

    Answer build() {
      return new Answer(shares, reached, names, lbs, tgs, items);
    }
  }
}
