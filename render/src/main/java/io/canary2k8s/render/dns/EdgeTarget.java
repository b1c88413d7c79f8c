package io.canary2k8s.render.dns;

import java.util.regex.Pattern;

/**
 * Where the DNS names move to: the DNS name of the load balancer in front of the Kubernetes edge,
 * and (for alias A/AAAA records) that load balancer's canonical hosted zone id. Either may be
 * unknown when the bundle is made; then a clearly fake placeholder is used and an ACTION note says
 * so.
 */
public record EdgeTarget(String dnsName, String hostedZoneId) {
  /** A reserved TLD (RFC 2606): can never resolve, so a batch applied by mistake breaks loudly. */
  public static final String PLACEHOLDER_DNS_NAME = "edge-load-balancer.replace-me.invalid";

  public static final String PLACEHOLDER_ZONE_ID = "ZREPLACEWITHEDGEZONEID";
  private static final Pattern DNS =
      Pattern.compile(
          "(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+\\.?");
  private static final Pattern ZONE = Pattern.compile("[A-Z0-9]{1,32}");

  public static final EdgeTarget UNKNOWN = new EdgeTarget(null, null);

  /** Checks the forms; returns the problem, or null when both are acceptable. */
  public static String problem(String dnsName, String hostedZoneId) {
    if (dnsName != null && (dnsName.length() > 253 || !DNS.matcher(dnsName).matches())) {
      return "'"
          + dnsName
          + "' is not a DNS name (e.g. k8s-edge-0123456789.elb.us-east-1.amazonaws.com)";
    }
    if (hostedZoneId != null && !ZONE.matcher(hostedZoneId).matches()) {
      return "'" + hostedZoneId + "' is not a hosted zone id (e.g. Z35SXDOTRQ7X7K)";
    }
    return null;
  }

  /** The DNS name to point at, without a trailing dot (placeholder when unknown). */
  public String name() {
    String n = dnsName == null ? PLACEHOLDER_DNS_NAME : dnsName;
    return (n.endsWith(".") ? n.substring(0, n.length() - 1) : n)
        .toLowerCase(java.util.Locale.ROOT);
  }

  public String zoneId() {
    return hostedZoneId == null ? PLACEHOLDER_ZONE_ID : hostedZoneId;
  }
}
