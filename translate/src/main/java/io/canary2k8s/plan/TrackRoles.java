package io.canary2k8s.plan;

import io.canary2k8s.inventory.AutoScalingGroup;
import io.canary2k8s.notes.Notifier;
import io.canary2k8s.split.Capacity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which Auto Scaling group of an app is its stable track; the others are its canaries. The one
 * tagged {@code canary2k8s.io/track=stable}, else the largest by desired capacity (then by maximum
 * size, then the first by name), with a warning where the choice is a guess.
 *
 * <p>Every rule that decides a role belongs here (e.g. a {@code canary} in a group's name, between
 * the tag and the size): the app's name, its primary load balancer and its tracks follow from it.
 */
final class TrackRoles {
  private final Notifier notes;

  TrackRoles(Notifier notes) {
    this.notes = notes;
  }

  /** The stable group of {@code groups} (not empty). */
  AutoScalingGroup stable(List<AutoScalingGroup> groups) {
    List<AutoScalingGroup> tagged = new ArrayList<>(1);
    for (AutoScalingGroup g : groups) {
      if ("stable".equals(g.tags().get(PlanBuilder.TAG_TRACK))) {
        tagged.add(g);
      }
    }
    if (tagged.size() == 1) {
      return tagged.get(0);
    }
    if (tagged.size() > 1) {
      notes.warn(
          tagged.get(0).name(),
          "Several Auto Scaling groups are tagged "
              + PlanBuilder.TAG_TRACK
              + "=stable "
              + tagged.stream().map(AutoScalingGroup::name).toList()
              + "; the largest is taken as the stable track.");
    }
    AutoScalingGroup best =
        groups.stream()
            .max(
                Comparator.comparingInt(Capacity::desired)
                    .thenComparingInt(Capacity::max)
                    .thenComparing(AutoScalingGroup::name, Comparator.reverseOrder()))
            .orElseThrow();
    if (groups.size() > 1) {
      long same = 0;
      for (AutoScalingGroup g : groups) {
        if (Capacity.desired(g) == Capacity.desired(best)) {
          same++;
        }
      }
      if (same > 1) {
        notes.warn(
            best.name(),
            "Several Auto Scaling groups have the same desired capacity; "
                + best.name()
                + " is taken as the stable track (tag the right one "
                + PlanBuilder.TAG_TRACK
                + "=stable).");
      }
    }
    return best;
  }
}
