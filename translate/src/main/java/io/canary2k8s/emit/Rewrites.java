package io.canary2k8s.emit;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.canary2k8s.names.Names;
import io.canary2k8s.notes.Notifier;
import io.canary2k8s.plan.Route;
import java.util.List;

/**
 * What the dialects share about a route's rewrites ({@link Route#rewrites()}, an ALB rule's
 * transforms): AWS's replacement syntax in Go's, when a rewrite's result does not depend on the
 * request, and the notes. AWS replaces what the regex matches with the replacement, whose {@code
 * $1}, {@code $2} name the regex's groups (the only use of {@code $} AWS documents); a request in
 * which the regex finds no match passes unchanged, as with Go's {@code ReplaceAllString}.
 */
final class Rewrites {
  private Rewrites() {}

  /**
   * AWS's replacement in Go's {@code Regexp.Expand} syntax: each {@code $N} becomes {@code ${N}},
   * as Go reads {@code $1x} as the group named {@code 1x} (empty). Null when the replacement has a
   * {@code $} that is not followed by a digit: AWS documents no meaning for it, and Go would read a
   * name or {@code $$}.
   */
  static String goReplacement(String replace) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < replace.length()) {
      char c = replace.charAt(i);
      if (c != '$') {
        out.append(c);
        i++;
        continue;
      }
      int j = i + 1;
      while (j < replace.length() && Character.isDigit(replace.charAt(j))) {
        j++;
      }
      if (j == i + 1) {
        return null;
      }
      out.append("${").append(replace, i + 1, j).append('}');
      i = j;
    }
    return out.toString();
  }

  /** Visible ASCII and the space. */
  private static final Pattern VISIBLE = Pattern.compile("[\\x20-\\x7e]*");

  /** Whether a replacement is the same for every request: it names no group. */
  static boolean literal(String replace) {
    return replace.indexOf('$') < 0;
  }

  /**
   * Whether {@code regex} matches the whole of each of {@code hosts}, so that a literal replacement
   * gives every request of the route the same Host. A wildcard host stands for names the regex may
   * or may not match: never.
   */
  static boolean wholeOfEvery(String regex, List<String> hosts) {
    Pattern p = compile(regex);
    return p != null
        && !hosts.isEmpty()
        && hosts.stream().allMatch(h -> !h.startsWith("*.") && p.matches(h));
  }

  /** Whether {@code regex} matches the whole of {@code value}. */
  static boolean wholeOf(String regex, String value) {
    Pattern p = compile(regex);
    return p != null && p.matches(value);
  }

  private static Pattern compile(String regex) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      return null; // the plan refuses such a rewrite; never here
    }
  }

  /**
   * The text a regex matches, when it is only that text (characters, and punctuation escaped with a
   * backslash); null when it has any other syntax.
   */
  static String literalText(String regex) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        if (i + 1 == regex.length() || Character.isLetterOrDigit(regex.charAt(i + 1))) {
          return null; // a class (\d), an anchor (\A) or an escape of a letter: not a literal
        }
        out.append(regex.charAt(++i));
      } else if (".[]{}()*+?|^$".indexOf(c) >= 0) {
        return null;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Why a path rewrite cannot be Go's {@code replacePathRegex} (Traefik v3's Middleware and 1.7's
   * request modifier), or null. Both trim the regex and the replacement, and leave the path alone
   * when the replacement is empty; they rewrite the path only, never the query string.
   */
  static String replacePathRegexProblem(Route.Rewrite w) {
    if (!VISIBLE.matches(w.regex() + w.replace())) {
      return "its regex or replacement has a character outside visible ASCII, to which AWS applies"
          + " rules";
    }
    if (goReplacement(w.replace()) == null) {
      return "its replacement has a '$' that names no group ($1, $2, ...); AWS documents no other"
          + " use of '$'";
    }
    if (w.replace().isBlank()) {
      return "its replacement is empty, and replacePathRegex leaves a path alone when its"
          + " replacement is empty";
    }
    if (!w.replace().strip().equals(w.replace()) || !w.regex().strip().equals(w.regex())) {
      return "its regex or replacement begins or ends with a space, which replacePathRegex trims";
    }
    if (w.replace().indexOf('?') >= 0) {
      return "its replacement writes a query string, and replacePathRegex rewrites only the path";
    }
    return null;
  }

  /** The rewrite in words: {@code url-rewrite [^/v1/(.*)$ -> /api/$1]}. */
  static String describe(Route.Rewrite w) {
    return w.transform()
        + " ["
        + Names.printable(w.regex())
        + " -> "
        + Names.printable(w.replace())
        + "]";
  }

  /** The INFO for a rewrite that {@code object} carries, {@code how} in the dialect's words. */
  static void info(Notifier notes, String object, Route.Rewrite w, String how) {
    notes.info(
        object,
        w.rule()
            + "'s "
            + describe(w)
            + " becomes "
            + how
            + (w.kind() == Route.Rewrite.Kind.PATH
                ? "; it rewrites the path, the query string passes unchanged."
                : "."));
  }

  /**
   * The ERROR for a rewrite that {@code dialect} cannot express ({@code why}): the route forwards
   * its requests unchanged; {@code remedy} says what to do instead.
   */
  static void error(
      Notifier notes, String object, Route.Rewrite w, String dialect, String why, String remedy) {
    notes.error(
        object,
        w.rule()
            + " rewrites requests before it forwards them ("
            + describe(w)
            + "), which "
            + dialect
            + " cannot express here: "
            + why
            + ". The bundle forwards them unchanged. "
            + remedy
            + ", then run with --allow-errors.");
  }

  /**
   * A WARNING for a path regex not anchored at the start: Go replaces every match in the path; AWS
   * documents anchored examples only and says it replaces "the" match.
   */
  static void warnUnanchored(Notifier notes, String object, Route.Rewrite w) {
    if (!w.regex().startsWith("^")) {
      notes.warn(
          object,
          w.rule()
              + "'s "
              + describe(w)
              + " is not anchored (^): the edge replaces every match in the path, where AWS"
              + " may replace only the first. Anchor it on AWS and here if that matters.");
    }
  }
}
