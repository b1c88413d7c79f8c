package io.canary2k8s.split;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One target group of an ALB/NLB forward action and what it contributes: {@code (w / Σw) ·
 * share_in_TG} to each Auto Scaling group behind it.
 *
 * @param weight its weight in the forward action (0..999)
 * @param weightShare {@code w / Σw}
 * @param crossZone the cross-zone setting used inside the target group
 * @param crossZoneSource where that setting came from, e.g. {@code target group attribute} or
 *     {@code load balancer (ALB: always on)}
 * @param inGroup each Auto Scaling group's share inside the target group; empty when none has
 *     instances (then the target group's weight reaches no migrated track)
 */
public record TargetGroupShare(
    String targetGroup,
    int weight,
    Fraction weightShare,
    boolean crossZone,
    String crossZoneSource,
    SortedMap<String, Fraction> inGroup) {

  public TargetGroupShare {
    inGroup = Collections.unmodifiableSortedMap(new TreeMap<>(inGroup));
  }
}
