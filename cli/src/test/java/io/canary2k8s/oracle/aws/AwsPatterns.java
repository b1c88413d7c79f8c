package io.canary2k8s.oracle.aws;

import java.util.Locale;

/**
 * ALB condition patterns: {@code *} matches any run of characters (also none, also {@code /} and
 * {@code .}), {@code ?} exactly one. Host headers compare case-insensitively, paths exactly (ALB
 * "path-pattern": "The comparison is case sensitive"; "host-header": "not case sensitive").
 */
public final class AwsPatterns {
  private AwsPatterns() {}

  public static boolean host(String pattern, String host) {
    return glob(pattern.toLowerCase(Locale.ROOT), 0, host.toLowerCase(Locale.ROOT), 0);
  }

  public static boolean path(String pattern, String path) {
    return glob(pattern, 0, path, 0);
  }

  private static boolean glob(String p, int i, String s, int j) {
    while (i < p.length()) {
      char c = p.charAt(i);
      if (c == '*') {
        for (int k = j; k <= s.length(); k++) {
          if (glob(p, i + 1, s, k)) {
            return true;
          }
        }
        return false;
      }
      if (j >= s.length() || (c != '?' && c != s.charAt(j))) {
        return false;
      }
      i++;
      j++;
    }
    return j == s.length();
  }
}
