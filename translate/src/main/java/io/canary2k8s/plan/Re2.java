package io.canary2k8s.plan;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * ALB regular expressions as Traefik reads them: RE2, Go's syntax, which ALB's dialect shares but
 * for what ALB refuses anyway (lookaround, backreferences, atomic groups, possessive quantifiers,
 * recursion: neither has them) and a few escapes of PCRE that RE2 lacks ({@code \Z}); such a regex
 * is refused with why.
 */
final class Re2 {
  private Re2() {}

  /** Null when RE2 compiles {@code regex}; else why not, in words. */
  static String unsupported(String regex) {
    try {
      Pattern.compile(regex);
      return null;
    } catch (PatternSyntaxException e) {
      return "RE2, the syntax of Traefik's regular expressions, refuses it: " + e.getDescription();
    }
  }

  /** Whether {@code regex} finds a match in {@code value}, as Go's {@code MatchString}. */
  static boolean finds(String regex, String value, boolean ignoreCase) {
    return Pattern.compile(regex, ignoreCase ? Pattern.CASE_INSENSITIVE : 0).matcher(value).find();
  }
}
