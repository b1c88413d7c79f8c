package io.canary2k8s.inventory;

import java.util.Locale;

/** The one place DNS names are normalised for matching Route53 records to load balancers. */
public final class DnsNames {
  private DnsNames() {}

  /**
   * A Route53 record name as a host: {@code \ddd} octal escapes decoded ({@code \052} is {@code
   * *}), lower case, without the trailing dot.
   */
  public static String normalise(String name) {
    String decoded = decodeOctalEscapes(name.trim());
    String lower = decoded.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }

  /**
   * A load balancer DNS name as a match key: normalised, then without a leading {@code dualstack.}
   * or {@code ipv6.} label (both resolve to the same load balancer).
   */
  public static String loadBalancerKey(String dnsName) {
    String key = normalise(dnsName);
    for (String prefix : new String[] {"dualstack.", "ipv6."}) {
      if (key.startsWith(prefix)) {
        key = key.substring(prefix.length());
      }
    }
    return key;
  }

  static String decodeOctalEscapes(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\'
          && i + 3 < s.length()
          && isOctal(s.charAt(i + 1))
          && isOctal(s.charAt(i + 2))
          && isOctal(s.charAt(i + 3))) {
        out.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isOctal(char c) {
    return c >= '0' && c <= '7';
  }
}
