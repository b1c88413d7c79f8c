package io.canary2k8s.inventory;

/**
 * The target of a Route53 alias record.
 *
 * @param dnsName the target's DNS name as Route53 reports it
 */
public record AliasTarget(String dnsName, String hostedZoneId, boolean evaluateTargetHealth) {}
