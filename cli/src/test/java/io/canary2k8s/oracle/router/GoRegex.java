package io.canary2k8s.oracle.router;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go's {@code regexp.ReplaceAllString}, which Traefik's redirect middlewares use: {@code $name}
 * takes the longest run of letters, digits and underscores as the group's name or number ({@code
 * $1x} is the group named {@code 1x}, which does not exist and expands to nothing), {@code ${1}}
 * delimits it, {@code $$} is a dollar sign.
 */
public final class GoRegex {
  private GoRegex() {}

  public static String replaceAll(Pattern re, String input, String template) {
    Matcher m = re.matcher(input);
    StringBuilder out = new StringBuilder();
    int last = 0;
    while (m.find()) {
      out.append(input, last, m.start());
      out.append(expand(m, template));
      last = m.end();
    }
    out.append(input, last, input.length());
    return out.toString();
  }

  static String expand(Matcher m, String t) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c != '$' || i + 1 >= t.length()) {
        b.append(c);
        continue;
      }
      char n = t.charAt(i + 1);
      if (n == '$') {
        b.append('$');
        i++;
        continue;
      }
      String name;
      int end;
      if (n == '{') {
        end = t.indexOf('}', i + 2);
        if (end < 0) {
          b.append(c);
          continue;
        }
        name = t.substring(i + 2, end);
        end++;
      } else {
        end = i + 1;
        while (end < t.length()
            && (Character.isLetterOrDigit(t.charAt(end)) || t.charAt(end) == '_')) {
          end++;
        }
        name = t.substring(i + 1, end);
        if (name.isEmpty()) {
          b.append(c);
          continue;
        }
      }
      b.append(group(m, name));
      i = end - 1;
    }
    return b.toString();
  }

  private static String group(Matcher m, String name) {
    String v;
    if (name.chars().allMatch(Character::isDigit)) {
      int g = Integer.parseInt(name);
      v = g <= m.groupCount() ? m.group(g) : null;
    } else {
      try {
        v = m.group(name);
      } catch (IllegalArgumentException e) {
        v = null;
      }
    }
    return v == null ? "" : v;
  }
}
