package io.canary2k8s.oracle.estate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The region every estate lives in, and the names derived from it. */
public final class Zones {
  public static final String REGION = "eu-west-1";
  public static final String ACCOUNT = "123456789012";

  private Zones() {}

  /** {@code "a"} is {@code eu-west-1a}; a full zone name stays as it is. */
  public static List<String> full(String... zones) {
    List<String> out = new ArrayList<>();
    for (String z : zones) {
      out.add(z.length() == 1 ? REGION + z : z);
    }
    return List.copyOf(out);
  }

  /** A stable, made-up instance id for the {@code i}-th instance of a group. */
  static String instanceId(String group, int i) {
    return String.format(Locale.ROOT, "i-%08x%08x", group.hashCode(), i);
  }

  /** A DNS-safe form of a load balancer name, as AWS derives DNS names from it. */
  static String dnsLabel(String name) {
    String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    return s.length() > 32 ? s.substring(0, 32) : s;
  }

  /** Sixteen hex digits derived from a name, for ARNs. */
  static String hex(String name) {
    return String.format(Locale.ROOT, "%016x", (long) name.hashCode() * 0x9E3779B97F4A7C15L);
  }
}
