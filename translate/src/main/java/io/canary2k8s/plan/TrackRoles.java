package io.canary2k8s.plan;

import io.canary2k8s.inventory.AutoScalingGroup;
import io.canary2k8s.notes.Notifier;
import io.canary2k8s.split.Capacity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which Auto Scaling group of an app is its stable track; the others are its canaries. The rules,
 * in order, each deciding among the groups the one before left open:
 *
 * <ol>
 *   <li>the {@code canary2k8s.io/track} tag: the one group whose value is {@code stable} (trimmed,
 *       any case) is the stable track; any other non-blank value makes a group a canary (the value
 *       names its track). With no group tagged {@code stable}, the stable track is one of the
 *       groups without the tag; when exactly one has none, it is. Several groups tagged {@code
 *       stable} (or every group tagged as a canary) contradict each other: the next rules choose
 *       among them, with a warning;
 *   <li>the names: a group whose name has {@code canary} as a word (separated by {@code -}, {@code
 *       _} or {@code .}, any case) is a canary when another group left open has no such word; the
 *       stable track is one of those others (when all or none say {@code canary}, the names do not
 *       tell);
 *   <li>size: the largest by desired instances ({@link Capacity}), then by maximum size, then the
 *       first by name; a guess, so a warning asks for the tag.
 * </ol>
 *
 * <p>An app of one group has it as its stable track. A canary larger than its stable track stays a
 * canary whenever a tag or the names say so: only the size rule takes the larger one.
 */
final class TrackRoles {
  private final Notifier notes;

  TrackRoles(Notifier notes) {
    this.notes = notes;
  }

  /**
   * The roles of an app's groups.
   *
   * @param stable the stable track's group; every other group is a canary
   * @param rule which rules decided, for REVIEW.md, e.g. {@code the names}, {@code the
   *     canary2k8s.io/track tag, then size}
   */
  record Decision(AutoScalingGroup stable, String rule) {}

  /** Whether a {@code canary2k8s.io/track} value marks the stable track. */
  static boolean isStableTag(String value) {
    return value != null && value.trim().toLowerCase(Locale.ROOT).equals("stable");
  }

  /**
   * Whether {@code name} has {@code canary} as a {@code -}, {@code _} or {@code .} separated word.
   */
  static boolean namesCanary(String name) {
    for (String word : name.toLowerCase(Locale.ROOT).split("[-_.]")) {
      if (word.equals("canary")) {
        return true;
      }
    }
    return false;
  }

  private static String tag(AutoScalingGroup g) {
    String t = g.tags().get(PlanBuilder.TAG_TRACK);
    return t == null || t.isBlank() ? null : t;
  }

  /** The stable group of {@code groups} (not empty). */
  AutoScalingGroup stable(List<AutoScalingGroup> groups) {
    return decide(groups).stable();
  }

  /** The roles of {@code groups} (not empty), with the notes that say what was guessed. */
  Decision decide(List<AutoScalingGroup> groups) {
    List<AutoScalingGroup> sorted =
        groups.stream().sorted(Comparator.comparing(AutoScalingGroup::name)).toList();
    if (sorted.size() == 1) {
      return new Decision(sorted.get(0), "one Auto Scaling group");
    }
    List<AutoScalingGroup> taggedStable = new ArrayList<>();
    List<AutoScalingGroup> taggedCanary = new ArrayList<>();
    List<AutoScalingGroup> untagged = new ArrayList<>();
    for (AutoScalingGroup g : sorted) {
      String t = tag(g);
      (t == null ? untagged : isStableTag(t) ? taggedStable : taggedCanary).add(g);
    }
    String tagRule = "the " + PlanBuilder.TAG_TRACK + " tag";
    if (taggedStable.size() == 1) {
      return new Decision(taggedStable.get(0), tagRule);
    }
    List<AutoScalingGroup> open;
    List<String> rules = new ArrayList<>();
    String conflict = null;
    if (taggedStable.size() > 1) {
      open = taggedStable;
      rules.add(tagRule + " (several groups say stable)");
      conflict =
          "Several Auto Scaling groups are tagged "
              + PlanBuilder.TAG_TRACK
              + "=stable "
              + names(taggedStable);
    } else if (!taggedCanary.isEmpty() && untagged.size() == 1) {
      return new Decision(untagged.get(0), tagRule + " (the other groups are tagged canaries)");
    } else if (!taggedCanary.isEmpty() && untagged.isEmpty()) {
      open = sorted;
      rules.add(tagRule + " (every group is tagged as a canary)");
      conflict =
          "Every Auto Scaling group of the app is tagged "
              + PlanBuilder.TAG_TRACK
              + " with a value other than stable "
              + names(taggedCanary);
    } else {
      open = untagged;
      if (!taggedCanary.isEmpty()) {
        rules.add(tagRule + " (canaries " + names(taggedCanary) + ")");
      }
    }
    List<AutoScalingGroup> plain = open.stream().filter(g -> !namesCanary(g.name())).toList();
    List<AutoScalingGroup> byName = List.of();
    if (!plain.isEmpty() && plain.size() < open.size()) {
      byName = open.stream().filter(g -> namesCanary(g.name())).toList();
      rules.add("the names (canary in " + names(byName) + ")");
      open = plain;
    }
    AutoScalingGroup stable;
    if (open.size() == 1) {
      stable = open.get(0);
    } else {
      Map<AutoScalingGroup, Capacity> size = new IdentityHashMap<>();
      open.forEach(g -> size.put(g, Capacity.of(g)));
      stable =
          open.stream()
              .max(
                  Comparator.comparingInt((AutoScalingGroup g) -> size.get(g).desired())
                      .thenComparingInt(g -> size.get(g).max())
                      .thenComparing(AutoScalingGroup::name, Comparator.reverseOrder()))
              .orElseThrow();
      rules.add("size (the largest by desired instances)");
      int most = size.get(stable).desired();
      long same = open.stream().filter(g -> size.get(g).desired() == most).count();
      notes.warn(
          stable.name(),
          (conflict == null ? "" : conflict + "; ")
              + "Auto Scaling group "
              + stable.name()
              + " is taken as the stable track, being the largest of "
              + names(open)
              + " by desired instances"
              + (same > 1 ? " (a tie: the first by name)" : " (" + most + ")")
              + ": a guess. Tag the stable group "
              + PlanBuilder.TAG_TRACK
              + "=stable to say which it is.");
      return new Decision(stable, String.join(", then ", rules));
    }
    if (conflict == null) {
      notes.info(
          stable.name(),
          "Roles from the names: "
              + names(byName)
              + " named as a canary, so "
              + stable.name()
              + " is the stable track (tag it "
              + PlanBuilder.TAG_TRACK
              + "=stable to say so).");
    } else {
      notes.warn(
          stable.name(),
          conflict
              + "; "
              + stable.name()
              + " is taken as the stable track by its name, the others are canaries. Tag only the"
              + " stable group "
              + PlanBuilder.TAG_TRACK
              + "=stable.");
    }
    return new Decision(stable, String.join(", then ", rules));
  }

  private static String names(List<AutoScalingGroup> groups) {
    return groups.stream().map(AutoScalingGroup::name).toList().toString();
  }
}
