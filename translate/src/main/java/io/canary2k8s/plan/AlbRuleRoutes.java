package io.canary2k8s.plan;

import static io.canary2k8s.plan.ElbV2Planner.describe;
import static io.canary2k8s.plan.ElbV2Planner.finalAction;

import io.canary2k8s.inventory.ListenerRule;
import io.canary2k8s.inventory.ListenerV2;
import io.canary2k8s.inventory.RuleAction;
import io.canary2k8s.inventory.RuleCondition;
import io.canary2k8s.inventory.RuleTransform;
import io.canary2k8s.names.Names;
import io.canary2k8s.notes.Notifier;
import io.canary2k8s.split.ForwardSplit;
import io.canary2k8s.split.WeightBasis;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The rules of an ALB's main listener that become routes ahead of its default rule: those that
 * match on host names and paths the edge can express (AWS patterns, and regular expressions that
 * RE2, Traefik's syntax, reads as AWS does) and forward to migrated instances; each other rule is
 * noted with why it is not migrated (and a rule that authenticates is an error).
 */
final class AlbRuleRoutes {
  private final ElbV2Planner v2;
  private final Notifier notes;

  AlbRuleRoutes(ElbV2Planner v2, Notifier notes) {
    this.v2 = v2;
    this.notes = notes;
  }

  /**
   * A non-default rule of the main listener that becomes a route.
   *
   * @param hosts the host-header values, or empty (with {@code hostRegexes} empty) for every host
   *     of the load balancer
   * @param hostRegexes the host-header regular expressions: the rule takes the load balancer's
   *     hosts in which one finds a match ({@link RoutePlanner} decides which)
   * @param rewrites the rule's transforms that its route carries ({@link #rewrites(String, String,
   *     ListenerRule)})
   */
  record RuleRoute(
      ListenerV2 listener,
      ListenerRule rule,
      List<String> hosts,
      List<String> hostRegexes,
      List<Route.PathMatch> paths,
      ForwardSplit.Result split,
      List<Route.Rewrite> rewrites) {
    RuleRoute {
      hosts = List.copyOf(hosts);
      hostRegexes = List.copyOf(hostRegexes);
      paths = List.copyOf(paths);
      rewrites = rewrites == null ? List.of() : List.copyOf(rewrites);
    }

    /**
     * Whether the rule takes every request for {@code host} (a Route53 name): it has no path
     * condition and its host condition names the host, covers it by a leading {@code *.} (any
     * labels, as AWS's {@code *} matches dots too), or has a regex that finds a match in it.
     */
    boolean takesWhole(String host) {
      if (!paths.isEmpty()) {
        return false;
      }
      for (String p : hosts) {
        if (p.equals(host)
            || p.startsWith("*.")
                && host.endsWith(p.substring(1))
                && host.length() > p.length() - 1) {
          return true;
        }
      }
      return !host.startsWith("*.")
          && hostRegexes.stream().anyMatch(re -> Re2.finds(re, host, false));
    }
  }

  /**
   * The non-default rules of the main listener that can be routes, in priority order; notes the
   * others.
   */
  List<RuleRoute> of(String lbName, WeightBasis basis) {
    ListenerV2 l = v2.mainListener(lbName);
    List<RuleRoute> out = new ArrayList<>();
    if (l == null || !ElbV2Planner.web(l)) {
      return out;
    }
    for (ListenerRule r : l.rules()) {
      if (r.isDefault()) {
        noteDefaultTransforms(lbName, ElbV2Planner.ruleLabel(l, r), r);
        continue;
      }
      String label = ElbV2Planner.ruleLabel(l, r);
      String skipped = " Requests it matched fall through to the next rule that is migrated.";
      List<String> hosts = new ArrayList<>();
      List<String> hostRegexes = new ArrayList<>();
      List<Route.PathMatch> paths = new ArrayList<>();
      String unsupported = null;
      for (RuleCondition c : r.conditions()) {
        // a condition with regular expressions matches only what they (or its values) match: read
        // as no condition, it would take every request ahead of the default rule
        String regexProblem = regexProblem(c);
        if (regexProblem != null) {
          if (unsupported == null) {
            unsupported = condition(c) + " (" + regexProblem + ")";
          }
          continue;
        }
        switch (c.field()) {
          case "host-header" -> {
            for (String v : c.values()) {
              String h = v.toLowerCase(Locale.ROOT);
              if (Names.isHost(h)) {
                hosts.add(h);
              } else if (unsupported == null) {
                unsupported =
                    "host pattern '"
                        + Names.printable(v)
                        + "' (only names and a leading '*.' can be matched)";
              }
            }
            hostRegexes.addAll(c.regexValues());
          }
          case "path-pattern" -> {
            for (String v : c.values()) {
              Route.PathMatch p = pathMatch(v);
              if (p != null) {
                paths.add(p);
              } else if (unsupported == null) {
                unsupported =
                    "path pattern '"
                        + Names.printable(v)
                        + "' (characters a path match cannot quote)";
              }
            }
            c.regexValues()
                .forEach(re -> paths.add(new Route.PathMatch(re, Route.PathMatch.Type.REGEX)));
          }
          default -> {
            if (unsupported == null) {
              unsupported = condition(c);
            }
          }
        }
      }
      if (unsupported != null) {
        notes.warn(
            lbName,
            label
                + " matches on "
                + unsupported
                + ", which the bundle does not express; the rule is not"
                + " migrated."
                + skipped);
        continue;
      }
      for (RuleAction a : r.actions()) {
        if (a.type().startsWith("authenticate") || a.type().equals("jwt-validation")) {
          notes.error(
              lbName,
              label
                  + " authenticates requests ("
                  + a.type()
                  + ") before it forwards; the bundle would"
                  + " serve them without authentication. Add authentication at the edge (e.g. a forwardAuth Middleware) or"
                  + " drop the rule, then run with --allow-errors.");
        }
      }
      RuleAction last = finalAction(r);
      if (!last.type().equals("forward")) {
        notes.warn(
            lbName,
            label
                + " answers with "
                + describe(last)
                + "; not migrated (the bundle routes only forwards)."
                + skipped);
        continue;
      }
      ForwardSplit.Result split = v2.split(lbName, l, r, basis);
      if (split.shares().empty()) {
        notes.warn(lbName, label + " forwards to no migrated instances; not migrated." + skipped);
        continue;
      }
      List<String> unanchored = new ArrayList<>();
      hostRegexes.stream().filter(re -> !anchored(re)).forEach(unanchored::add);
      paths.stream()
          .filter(p -> p.regex() && !anchored(p.value()))
          .forEach(p -> unanchored.add(p.value()));
      if (!unanchored.isEmpty()) {
        notes.warn(
            lbName,
            label
                + "'s regular expressions "
                + unanchored.stream().map(Names::printable).toList()
                + " are read as matching anywhere in the value, as the edge's matchers do; AWS"
                + " documents only anchored examples (^...$). Anchor them on AWS and here if they"
                + " must match the whole host or path.");
      }
      out.add(
          new RuleRoute(
              l,
              r,
              List.copyOf(new TreeSet<>(hosts)),
              hostRegexes,
              paths,
              split,
              rewrites(lbName, label, r)));
    }
    return out;
  }

  /**
   * The rewrites of a migrated rule's transforms, for its route (the emitters write what each
   * target can express, and an ERROR for the rest). A transform that no target can carry as AWS
   * applies it is an ERROR naming the rule here: a type this build does not know, more than one
   * rewrite in a transform (the edge's rewrites would each apply in turn, to the value the one
   * before wrote, which AWS does not document doing), a second transform of a type (AWS allows one
   * of each), or a regex RE2 refuses.
   */
  List<Route.Rewrite> rewrites(String lbName, String label, ListenerRule r) {
    List<Route.Rewrite> out = new ArrayList<>();
    for (RuleTransform t : r.transforms()) {
      Route.Rewrite.Kind kind =
          switch (t.type()) {
            case "url-rewrite" -> Route.Rewrite.Kind.PATH;
            case "host-header-rewrite" -> Route.Rewrite.Kind.HOST;
            default -> null;
          };
      String why;
      if (kind == null) {
        why = "a transform type this build does not know";
      } else if (t.rewrites().isEmpty()) {
        continue; // nothing to rewrite: AWS forwards the request unchanged
      } else if (t.rewrites().size() > 1) {
        why =
            "it has several rewrites, which the edge would apply each in turn to the value the one"
                + " before wrote; AWS documents no such chaining";
      } else if (out.stream().anyMatch(w -> w.kind() == kind)) {
        why = "a second " + t.type() + " transform of the rule (AWS allows one of each type)";
      } else {
        String regex = t.rewrites().get(0).regex();
        String re2 = Re2.unsupported(regex);
        why = re2 == null ? null : "its regex '" + Names.printable(regex) + "': " + re2;
      }
      if (why != null) {
        noteTransform(lbName, label, t, why);
        continue;
      }
      RuleTransform.Rewrite w = t.rewrites().get(0);
      out.add(new Route.Rewrite(kind, w.regex(), w.replace(), lbName + " " + label));
    }
    return out;
  }

  /**
   * An ERROR for a transform the bundle does not carry ({@code why}): its requests are forwarded
   * without rewriting the path or Host header, which the application behind may depend on.
   */
  private void noteTransform(String lbName, String label, RuleTransform t, String why) {
    notes.error(
        lbName,
        label
            + " rewrites requests before it forwards them ("
            + inWords(t)
            + "); the bundle forwards them unchanged ("
            + why
            + "). Rewrite them by hand (Traefik v3: a replacePathRegex or headers Middleware on the"
            + " rule's route; Gateway API: a URLRewrite filter; Traefik 1.7: a request-modifier"
            + " annotation) or in the application, then run with --allow-errors.");
  }

  /** A transform in words, for notes: {@code url-rewrite [^/v1/(.*)$ -> /api/$1]}. */
  static String inWords(RuleTransform t) {
    return t.type()
        + " "
        + t.rewrites().stream()
            .map(w -> Names.printable(w.regex()) + " -> " + Names.printable(w.replace()))
            .toList();
  }

  /**
   * An ERROR per transform of the default rule: AWS documents that a default rule has none, and the
   * bundle carries none for it.
   */
  private void noteDefaultTransforms(String lbName, String label, ListenerRule r) {
    for (RuleTransform t : r.transforms()) {
      noteTransform(
          lbName,
          label,
          t,
          "AWS documents that a default rule has no transforms; the bundle rewrites only for the"
              + " other rules");
    }
  }

  /**
   * A condition in words, for notes: its field, header name, values and regular expressions, e.g.
   * {@code path-pattern condition regex [^/v[0-9]+/]}.
   */
  static String condition(RuleCondition c) {
    return c.field()
        + " condition "
        + (c.key() == null ? "" : c.key() + " ")
        + (c.values().isEmpty() ? "" : c.values().stream().map(Names::printable).toList())
        + (c.values().isEmpty() || c.regexValues().isEmpty() ? "" : " ")
        + (c.regexValues().isEmpty()
            ? ""
            : "regex " + c.regexValues().stream().map(Names::printable).toList());
  }

  /**
   * Why the regular expressions of a condition cannot be carried over as they stand, or null (also
   * for a condition without any). Only path and host conditions are routed by regular expression;
   * RE2 must read each (AWS refuses lookaround, backreferences, atomic groups, possessive
   * quantifiers and recursion, which RE2 lacks too) and a Traefik rule must be able to quote it.
   */
  static String regexProblem(RuleCondition c) {
    if (c.regexValues().isEmpty()) {
      return null;
    }
    if (!c.field().equals("path-pattern") && !c.field().equals("host-header")) {
      return "the edge routes regular expressions of paths and hosts only";
    }
    for (String re : c.regexValues()) {
      String why = Re2.unsupported(re);
      if (why != null) {
        return "'" + Names.printable(re) + "': " + why;
      }
      if (re.indexOf('`') >= 0 || !PRINTABLE.matcher(re).matches()) {
        return "'" + Names.printable(re) + "' has a character a Traefik rule cannot quote";
      }
    }
    return null;
  }

  /** Whether a regular expression says where it starts and ends ({@code ^...$}). */
  static boolean anchored(String regex) {
    return regex.startsWith("^")
        && regex.endsWith("$")
        && !regex.endsWith("\\$")
        && !regex.contains("|");
  }

  /** Visible ASCII but the backtick: AWS applies rules to visible ASCII only. */
  private static final Pattern PRINTABLE = Pattern.compile("[\\x20-\\x5f\\x61-\\x7e]+");

  /** Path characters a rule can quote (RFC 3986 pchar and '/'), besides AWS's wildcards. */
  private static final Pattern PATH_CHARS = Pattern.compile("[A-Za-z0-9._~!$&'()+,;=:@%/*?-]+");

  /**
   * An ALB path pattern as a path match: exact without wildcards, a prefix with one '*' at the end,
   * else the anchored regular expression of the pattern ({@code *}: any characters, {@code ?}: one;
   * the whole path); null when it has characters a rule cannot quote.
   */
  static Route.PathMatch pathMatch(String pattern) {
    if (pattern.isEmpty() || !PATH_CHARS.matcher(pattern).matches()) {
      return null;
    }
    String body = pattern.endsWith("*") ? pattern.substring(0, pattern.length() - 1) : pattern;
    if (pattern.startsWith("/")
        && !body.isEmpty()
        && body.indexOf('*') < 0
        && body.indexOf('?') < 0) {
      return new Route.PathMatch(body, pattern.endsWith("*"));
    }
    return new Route.PathMatch(AwsGlob.toRegex(pattern), Route.PathMatch.Type.REGEX);
  }
}
