package io.canary2k8s.inventory;

import java.util.List;
import java.util.Map;

/**
 * An ELBv2 target group. Its Auto Scaling groups are those that name it in {@code TargetGroupARNs}.
 *
 * @param targetType {@code instance}, {@code ip}, {@code lambda} or {@code alb}
 * @param healthCheckPort {@code traffic-port} or a port number, as AWS sends it
 * @param attributes its target group attributes when captured, else empty (e.g. {@code
 *     load_balancing.cross_zone.enabled}, {@code stickiness.enabled})
 */
public record TargetGroup(
    String name,
    String arn,
    String protocol,
    Integer port,
    String targetType,
    List<String> loadBalancerArns,
    String healthCheckProtocol,
    String healthCheckPort,
    String healthCheckPath,
    Integer healthCheckIntervalSeconds,
    Integer healthCheckTimeoutSeconds,
    Integer healthyThresholdCount,
    Integer unhealthyThresholdCount,
    Map<String, String> attributes) {

  public TargetGroup {
    loadBalancerArns =
        Sorted.list(
            List.copyOf(
                new java.util.TreeSet<>(loadBalancerArns == null ? List.of() : loadBalancerArns)),
            java.util.Comparator.naturalOrder());
    attributes = Sorted.map(attributes);
  }
}
