package io.canary2k8s.inventory;

/**
 * A classic ELB health check, as AWS reports it.
 *
 * @param target {@code PROTOCOL:PORT[PATH]}, e.g. {@code HTTP:80/health}
 */
public record HealthCheck(
    String target, int interval, int timeout, int healthyThreshold, int unhealthyThreshold) {}
