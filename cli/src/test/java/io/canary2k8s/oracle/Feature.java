package io.canary2k8s.oracle;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The shapes the random estates may have beyond those every estate has (classic ELBs and ALBs on
 * HTTP:80 and HTTPS:443, cross-zone on and off, weighted and simple records, host and path rules
 * with exact paths or a trailing {@code *}, weighted forwards). A feature the product does not
 * handle yet is a {@link #KNOWN_GAPS known gap}: off in the default run, with the reason.
 */
enum Feature {
  /** A wildcard record next to explicit names, on the same or another load balancer. */
  WILDCARD_RECORDS,
  /** A failover pair: PRIMARY and SECONDARY on different load balancers. */
  FAILOVER_RECORDS,
  /** A private zone of the same name answering some names differently, and private-only names. */
  PRIVATE_ZONES,
  /** www alias to the app's name (in the zone), a CNAME to www. */
  ALIAS_CHAINS,
  /** TCP and SSL listeners on classic ELBs, an NLB with TCP and TLS listeners. */
  TCP_LISTENERS,
  /** A name weighted across a classic ELB and an ALB with path rules. */
  CROSS_LB_PATHS,
  /** A canary Auto Scaling group larger than the (tagged) stable one. */
  CANARY_LARGER,
  /** Desired capacity in units of several per instance. */
  CAPACITY_UNITS,
  /** Latency records across two load balancers (equal split assumed, with a warning). */
  LATENCY_RECORDS,
  /** ALB conditions with AWS wildcards the bundle cannot express exactly ({@code ?}, inner *). */
  ALB_WILDCARD_CONDITIONS,
  /** ALB rules the bundle does not migrate: header conditions, fixed responses. */
  ALB_UNMIGRATED_RULES,
  /** Probes {@code /x} for every path rule {@code /x/*} (which AWS does not match there). */
  TRAILING_SLASHLESS_PATHS,
  /** Weighted twins with different listeners: one name, HTTPS on only one of its ELBs. */
  UNEVEN_LISTENERS,
  /** A classic ELB without instances in its zones, weighted with others under one name. */
  EMPTY_TARGETS;

  /** What the product gets wrong today, per feature (measured with -Doracle.features=NAME). */
  static final Map<Feature, String> KNOWN_GAPS = gaps();

  private static Map<Feature, String> gaps() {
    Map<Feature, String> g = new TreeMap<>();
    return g;
  }

  /**
   * The features of this run: all but the known gaps, plus any named in {@code
   * -Doracle.features=A,B} ({@code ALL} for every one).
   */
  static Set<Feature> enabled() {
    Set<Feature> on = EnumSet.allOf(Feature.class);
    on.removeAll(KNOWN_GAPS.keySet());
    String extra = System.getProperty("oracle.features", "").trim();
    if (extra.equals("ALL")) {
      return EnumSet.allOf(Feature.class);
    }
    if (extra.startsWith("ONLY:")) {
      on.clear();
      extra = extra.substring(5);
    }
    for (String f : extra.split(",")) {
      if (!f.isBlank()) {
        on.add(Feature.valueOf(f.trim()));
      }
    }
    return on;
  }
}
