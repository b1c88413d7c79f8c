package io.canary2k8s.inventory;

/**
 * A Route53 hosted zone.
 *
 * @param id the bare zone id ({@code Z123...}, no {@code /hostedzone/})
 * @param name the normalised zone name (see {@link DnsNames#normalise(String)})
 */
public record HostedZone(String id, String name, boolean privateZone) {}
