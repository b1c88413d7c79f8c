package io.canary2k8s.inventory;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One action of a listener rule.
 *
 * @param type {@code forward}, {@code redirect}, {@code fixed-response}, {@code authenticate-oidc},
 *     ...
 * @param order AWS's {@code Order} (lowest first); the position in the list when absent
 * @param targetGroups a forward action's weighted target groups ({@code ForwardConfig}, else its
 *     {@code TargetGroupArn} with weight 1)
 * @param stickinessSeconds the forward config's target group stickiness duration when enabled, else
 *     null
 * @param config the redirect's or fixed response's fields as AWS names them ({@code Protocol},
 *     {@code Port}, {@code Host}, {@code Path}, {@code Query}, {@code StatusCode}, {@code
 *     ContentType}, {@code MessageBody}), else empty
 */
public record RuleAction(
    String type,
    int order,
    List<WeightedTargetGroup> targetGroups,
    Integer stickinessSeconds,
    Map<String, String> config) {

  public RuleAction {
    targetGroups =
        Sorted.list(targetGroups, Comparator.comparing(WeightedTargetGroup::targetGroupArn));
    config = Sorted.map(config);
  }

  /** A target group of a forward action and its weight (0..999). */
  public record WeightedTargetGroup(String targetGroupArn, int weight) {}
}
