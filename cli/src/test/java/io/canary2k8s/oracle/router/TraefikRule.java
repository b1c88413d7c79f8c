package io.canary2k8s.oracle.router;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Traefik v3 router rule ({@code match}), parsed and evaluated: matchers {@code Host}, {@code
 * HostRegexp}, {@code Path}, {@code PathPrefix}, {@code PathRegexp}, {@code Method}, {@code
 * Header*}, {@code Query*}, {@code ClientIP} (HTTP) and {@code HostSNI}, {@code HostSNIRegexp},
 * {@code ALPN}, {@code ClientIP} (TCP); operators {@code !}, {@code &&} (binding tighter) and
 * {@code ||}; parentheses; arguments in backticks or double quotes. As in Traefik v3 each matcher
 * takes exactly one argument ({@code Header} and {@code Query} two), and regular expressions match
 * anywhere in the value unless anchored (Go's {@code MatchString}).
 */
public final class TraefikRule {

  /** What a rule sees of a request: the host (Host header or SNI), the path, TLS. */
  public record Request(String host, String path, boolean tls, String sni) {
    public static Request http(String host, String path, boolean tls) {
      return new Request(host, path, tls, tls ? host : null);
    }

    public static Request tcp(String sni) {
      return new Request(null, null, sni != null, sni);
    }
  }

  private interface Node {
    boolean eval(Request r);
  }

  private final String text;
  private final Node root;
  private final boolean tcp;

  private TraefikRule(String text, Node root, boolean tcp) {
    this.text = text;
    this.root = root;
    this.tcp = tcp;
  }

  /** An HTTP router rule; throws IllegalArgumentException saying why Traefik would reject it. */
  public static TraefikRule http(String rule) {
    return new TraefikRule(rule, new Parser(rule, false).parse(), false);
  }

  /** A TCP router rule. */
  public static TraefikRule tcp(String rule) {
    return new TraefikRule(rule, new Parser(rule, true).parse(), true);
  }

  public boolean matches(Request r) {
    return root.eval(r);
  }

  /** Traefik's default priority: the length of the rule. */
  public int defaultPriority() {
    return text.length();
  }

  @Override
  public String toString() {
    return (tcp ? "tcp " : "") + text;
  }

  // ---- parsing ---------------------------------------------------------------------------------

  private static final class Parser {
    private final String s;
    private final boolean tcp;
    private int i;

    Parser(String s, boolean tcp) {
      this.s = s;
      this.tcp = tcp;
    }

    Node parse() {
      Node n = or();
      skip();
      if (i != s.length()) {
        throw fail("unexpected '" + s.substring(i) + "'");
      }
      return n;
    }

    private Node or() {
      Node left = and();
      while (eat("||")) {
        Node l = left;
        Node r = and();
        left = q -> l.eval(q) || r.eval(q);
      }
      return left;
    }

    private Node and() {
      Node left = unary();
      while (eat("&&")) {
        Node l = left;
        Node r = unary();
        left = q -> l.eval(q) && r.eval(q);
      }
      return left;
    }

    private Node unary() {
      if (eat("!")) {
        Node n = unary();
        return q -> !n.eval(q);
      }
      if (eat("(")) {
        Node n = or();
        if (!eat(")")) {
          throw fail("missing ')'");
        }
        return n;
      }
      skip();
      int start = i;
      while (i < s.length() && Character.isLetter(s.charAt(i))) {
        i++;
      }
      String fn = s.substring(start, i);
      if (fn.isEmpty() || !eat("(")) {
        throw fail("expected a matcher at " + start);
      }
      List<String> args = new ArrayList<>();
      if (!eat(")")) {
        do {
          args.add(string());
        } while (eat(","));
        if (!eat(")")) {
          throw fail("missing ')' after the arguments of " + fn);
        }
      }
      return matcher(fn, args);
    }

    private String string() {
      skip();
      if (i >= s.length()) {
        throw fail("missing argument");
      }
      char q = s.charAt(i);
      if (q == '`') {
        int end = s.indexOf('`', i + 1);
        if (end < 0) {
          throw fail("unterminated `");
        }
        String v = s.substring(i + 1, end);
        i = end + 1;
        return v;
      }
      if (q == '"') {
        StringBuilder b = new StringBuilder();
        for (i++; i < s.length() && s.charAt(i) != '"'; i++) {
          char c = s.charAt(i);
          if (c == '\\' && i + 1 < s.length()) {
            char n = s.charAt(++i);
            b.append(
                switch (n) {
                  case 'n' -> '\n';
                  case 't' -> '\t';
                  default -> n;
                });
          } else {
            b.append(c);
          }
        }
        if (i >= s.length()) {
          throw fail("unterminated \"");
        }
        i++;
        return b.toString();
      }
      throw fail("expected a quoted argument at " + i);
    }

    private Node matcher(String fn, List<String> args) {
      int want = fn.startsWith("Header") || fn.startsWith("Query") ? 2 : 1;
      if (fn.startsWith("Query") && args.size() == 1) {
        want = 1;
      }
      if (args.size() != want) {
        throw fail(fn + " takes " + want + " argument(s), got " + args.size());
      }
      String a = args.get(0);
      if (tcp) {
        return switch (fn) {
          case "HostSNI" -> {
            String h = a.toLowerCase(Locale.ROOT);
            yield q -> h.equals("*") || (q.sni() != null && q.sni().equalsIgnoreCase(h));
          }
          case "HostSNIRegexp" -> {
            Pattern p = Pattern.compile(a);
            yield q -> q.sni() != null && p.matcher(q.sni()).find();
          }
          case "ALPN", "ClientIP" -> q -> false;
          default -> throw fail("unknown TCP matcher " + fn);
        };
      }
      return switch (fn) {
        case "Host" -> {
          String h = a.toLowerCase(Locale.ROOT);
          yield q ->
              h.equals("*")
                  || (q.host() != null && stripDot(q.host()).equalsIgnoreCase(stripDot(h)));
        }
        case "HostRegexp" -> {
          Pattern p = Pattern.compile(a);
          yield q -> q.host() != null && p.matcher(q.host().toLowerCase(Locale.ROOT)).find();
        }
        case "Path" -> q -> q.path() != null && q.path().equals(a);
        case "PathPrefix" -> q -> q.path() != null && q.path().startsWith(a);
        case "PathRegexp" -> {
          Pattern p = Pattern.compile(a);
          yield q -> q.path() != null && p.matcher(q.path()).find();
        }
        case "Method" -> {
          String m = a.toUpperCase(Locale.ROOT);
          yield q -> m.equals("GET");
        }
        case "Header", "HeaderRegexp", "Query", "QueryRegexp", "ClientIP" -> q -> false;
        default -> throw fail("unknown HTTP matcher " + fn);
      };
    }

    private static String stripDot(String h) {
      return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    private boolean eat(String token) {
      skip();
      if (s.startsWith(token, i)) {
        i += token.length();
        return true;
      }
      return false;
    }

    private void skip() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
    }

    private IllegalArgumentException fail(String why) {
      return new IllegalArgumentException("rule " + s + ": " + why);
    }
  }
}
