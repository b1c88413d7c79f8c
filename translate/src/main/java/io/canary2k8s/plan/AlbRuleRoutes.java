package io.canary2k8s.plan;

import static io.canary2k8s.plan.ElbV2Planner.describe;
import static io.canary2k8s.plan.ElbV2Planner.finalAction;

import io.canary2k8s.inventory.ListenerRule;
import io.canary2k8s.inventory.ListenerV2;
import io.canary2k8s.inventory.RuleAction;
import io.canary2k8s.inventory.RuleCondition;
import io.canary2k8s.names.Names;
import io.canary2k8s.notes.Notifier;
import io.canary2k8s.split.ForwardSplit;
import io.canary2k8s.split.WeightBasis;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The rules of an ALB's main listener that become routes ahead of its default rule: those that
 * match on host names and paths the edge can express and forward to migrated instances; each other
 * rule is noted with why it is not migrated (and a rule that authenticates is an error).
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
   * @param hosts the host-header values, or empty for every host of the load balancer
   */
  record RuleRoute(
      ListenerV2 listener,
      ListenerRule rule,
      List<String> hosts,
      List<Route.PathMatch> paths,
      ForwardSplit.Result split) {}

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
        continue;
      }
      String label = ElbV2Planner.ruleLabel(l, r);
      String skipped = " Requests it matched fall through to the next rule that is migrated.";
      List<String> hosts = new ArrayList<>();
      List<Route.PathMatch> paths = new ArrayList<>();
      String unsupported = null;
      for (RuleCondition c : r.conditions()) {
        if (!c.regexValues().isEmpty()) {
          // a condition with regular expressions matches only what they (or its values) match: read
          // as no condition, it would take every request ahead of the default rule
          if (unsupported == null) {
            unsupported = condition(c);
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
                        + "' (only an exact path or one '*' at the end can be matched)";
              }
            }
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
      out.add(new RuleRoute(l, r, List.copyOf(new TreeSet<>(hosts)), paths, split));
    }
    return out;
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
   * An ALB path pattern as a path match: exact without wildcards, a prefix with one '*' at the end;
   * else null.
   */
  static Route.PathMatch pathMatch(String pattern) {
    if (!pattern.startsWith("/")) {
      return null;
    }
    String body = pattern.endsWith("*") ? pattern.substring(0, pattern.length() - 1) : pattern;
    if (body.contains("*")
        || body.contains("?")
        || body.isEmpty()
        || !body.matches("[A-Za-z0-9._~!$&'()+,;=:@%/-]+")) {
      return null;
    }
    return new Route.PathMatch(body, pattern.endsWith("*"));
  }
}
