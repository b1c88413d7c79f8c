package io.canary2k8s.plan;

/**
 * ALB condition patterns: {@code *} matches any run of characters (none, {@code /} and {@code .}
 * included), {@code ?} exactly one, anything else itself; the pattern matches the whole value.
 */
final class AwsGlob {
  private AwsGlob() {}

  /**
   * The pattern as an anchored RE2 regular expression: {@code /v?/beta/*} is {@code ^/v./beta/.*$}.
   */
  static String toRegex(String pattern) {
    StringBuilder b = new StringBuilder("^");
    for (char c : pattern.toCharArray()) {
      switch (c) {
        case '*' -> b.append(".*");
        case '?' -> b.append('.');
        default -> {
          if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
            b.append('\\');
          }
          b.append(c);
        }
      }
    }
    return b.append('$').toString();
  }
}
