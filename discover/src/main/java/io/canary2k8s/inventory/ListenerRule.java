package io.canary2k8s.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Comparator;
import java.util.List;

/**
 * One ELBv2 listener rule.
 *
 * @param priority {@code "1"}..{@code "50000"}, or {@code "default"} (AWS sends a string)
 * @param isDefault whether it is the listener's default rule (its default actions)
 * @param actions in the order AWS performs them ({@code Order}, lowest first)
 * @param transforms the rule's {@code Transforms} (host header and URL rewrites, applied before its
 *     actions), in AWS's order; empty (and left out of inventory.json) when it has none
 */
public record ListenerRule(
    String arn,
    String priority,
    boolean isDefault,
    List<RuleCondition> conditions,
    List<RuleAction> actions,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<RuleTransform> transforms) {

  /** Ascending numeric priority, the default rule last: how AWS evaluates them. */
  public static final Comparator<ListenerRule> EVALUATION_ORDER =
      Comparator.comparing(ListenerRule::isDefault)
          .thenComparingLong(ListenerRule::numericPriority)
          .thenComparing(r -> r.arn() == null ? "" : r.arn());

  public ListenerRule {
    conditions =
        Sorted.list(
            conditions,
            Comparator.comparing(RuleCondition::field)
                .thenComparing(c -> c.key() == null ? "" : c.key()));
    actions = Sorted.list(actions, Comparator.comparingInt(RuleAction::order));
    transforms = transforms == null ? List.of() : List.copyOf(transforms);
  }

  /** A rule without transforms. */
  public ListenerRule(
      String arn,
      String priority,
      boolean isDefault,
      List<RuleCondition> conditions,
      List<RuleAction> actions) {
    this(arn, priority, isDefault, conditions, actions, List.of());
  }

  /** The priority as a number; the default rule is {@link Long#MAX_VALUE}. */
  public long numericPriority() {
    if (isDefault) {
      return Long.MAX_VALUE;
    }
    try {
      return Long.parseLong(priority);
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE - 1;
    }
  }
}
