package io.canary2k8s.inventory;

/**
 * One scaling policy of an Auto Scaling group.
 *
 * @param policyType SimpleScaling, StepScaling, TargetTrackingScaling or PredictiveScaling
 * @param metric the predefined metric of a target-tracking policy, else null
 * @param targetValue the target of a target-tracking policy, else null
 */
public record ScalingPolicy(
    String policyName, String policyType, String metric, Double targetValue, boolean enabled) {}
