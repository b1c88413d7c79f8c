package io.canary2k8s.plan;

import io.canary2k8s.inventory.AutoScalingGroup;
import io.canary2k8s.inventory.DnsNames;
import io.canary2k8s.inventory.Inventory;
import io.canary2k8s.inventory.ListenerRule;
import io.canary2k8s.inventory.ListenerV2;
import io.canary2k8s.inventory.LoadBalancerV2;
import io.canary2k8s.inventory.RuleAction;
import io.canary2k8s.inventory.RuleCondition;
import io.canary2k8s.inventory.TargetGroup;
import io.canary2k8s.names.Names;
import io.canary2k8s.notes.Notifier;
import io.canary2k8s.split.ForwardSplit;
import io.canary2k8s.split.WeightBasis;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The ELBv2 (ALB/NLB) half of the plan: which Auto Scaling groups are behind each load balancer
 * (through the target groups its rules forward to and the groups' {@code TargetGroupARNs}), the
 * split of a listener rule (aws-semantics §2.4), which listener and rules become routes, and the
 * target group details a track needs. {@link PlanBuilder} calls it where a classic ELB would be.
 */
final class ElbV2Planner {
  private final Notifier notes;

  /**
   * Name → load balancer, for the load balancers that are migrated, in name order. The maps of the
   * plan are looked up for every track and rule: hashed (a TreeMap compares the 60-character common
   * prefix of two ARNs at every step), and iterated in a fixed order where they are.
   */
  private final Map<String, LoadBalancerV2> lbs;

  /** ARN → target group. */
  private final Map<String, TargetGroup> tgs = new HashMap<>();

  /** Target group ARN → the Auto Scaling groups that name it. */
  private final Map<String, List<AutoScalingGroup>> groupsOfTg = new HashMap<>();

  ElbV2Planner(Inventory inventory, Set<String> classicNames, Notifier notes) {
    this.notes = notes;
    inventory.targetGroups().forEach(t -> tgs.put(t.arn(), t));
    for (AutoScalingGroup g : inventory.autoScalingGroups()) {
      for (String tg : g.targetGroupArns()) {
        groupsOfTg.computeIfAbsent(tg, k -> new ArrayList<>()).add(g);
      }
    }
    Map<String, LoadBalancerV2> lbs = new TreeMap<>();
    for (LoadBalancerV2 lb : inventory.loadBalancersV2()) {
      if (classicNames.contains(lb.name())) {
        notes.warn(
            lb.arn(),
            "A classic ELB has the same name as this "
                + lb.type()
                + " load balancer; names identify load balancers in the bundle, so this one is not migrated.");
      } else if (!lb.type().equals("application") && !lb.type().equals("network")) {
        notes.warn(
            lb.arn(),
            "Load balancer of type "
                + lb.type()
                + " is not migrated (only application and"
                + " network load balancers are).");
      } else {
        lbs.put(lb.name(), lb);
      }
    }
    this.lbs = new LinkedHashMap<>(lbs);
    for (TargetGroup tg : inventory.targetGroups()) {
      if (!groupsOfTg.containsKey(tg.arn())) {
        notes.warn(
            tg.arn(),
            "Target group "
                + tg.name()
                + " (target type "
                + tg.targetType()
                + ") is fed by no"
                + " Auto Scaling group; its targets are not migrated, and the weight rules give it reaches no"
                + " track.");
      }
    }
  }

  Map<String, LoadBalancerV2> loadBalancers() {
    return lbs;
  }

  boolean isV2(String name) {
    return lbs.containsKey(name);
  }

  /** DNS key (see {@link DnsNames#loadBalancerKey}) → load balancer name. */
  Map<String, String> byDnsKey() {
    Map<String, String> out = new TreeMap<>();
    lbs.values().forEach(lb -> out.put(DnsNames.loadBalancerKey(lb.dnsName()), lb.name()));
    return out;
  }

  /** The target groups the load balancer's rules forward to, in the order its rules name them. */
  Set<String> targetGroupsOf(String lbName) {
    Set<String> out = new LinkedHashSet<>();
    LoadBalancerV2 lb = lbs.get(lbName);
    for (ListenerV2 l : lb.listeners()) {
      for (ListenerRule r : l.rules()) {
        for (RuleAction a : r.actions()) {
          a.targetGroups().forEach(t -> out.add(t.targetGroupArn()));
        }
      }
    }
    return out;
  }

  /**
   * The Auto Scaling groups behind the load balancer: those that feed a target group it forwards
   * to.
   */
  Set<String> groupsBehind(String lbName) {
    Set<String> out = new TreeSet<>();
    for (String tg : targetGroupsOf(lbName)) {
      groupsOfTg.getOrDefault(tg, List.of()).forEach(g -> out.add(g.name()));
    }
    return out;
  }

  // ---- listeners -----------------------------------------------------------------------------

  private static boolean web(ListenerV2 l) {
    return l.protocol().equals("HTTP") || l.protocol().equals("HTTPS");
  }

  /**
   * The action that decides where a rule's requests go: the last one (authentication comes first).
   */
  private static RuleAction finalAction(ListenerRule r) {
    return r.actions().get(r.actions().size() - 1);
  }

  private static boolean forwards(ListenerRule r) {
    return r != null && finalAction(r).type().equals("forward");
  }

  private ListenerV2 listener(LoadBalancerV2 lb, String protocol, int port) {
    return lb.listeners().stream()
        .filter(l -> l.protocol().equals(protocol) && l.port() == port)
        .findFirst()
        .orElse(null);
  }

  /**
   * The listener whose default rule is the load balancer's split: HTTPS:443, else HTTP:80, else
   * another HTTP(S) listener, else any listener, that forwards; null when none forwards.
   */
  ListenerV2 mainListener(String lbName) {
    LoadBalancerV2 lb = lbs.get(lbName);
    List<ListenerV2> order = new ArrayList<>();
    ListenerV2 https = listener(lb, "HTTPS", 443);
    ListenerV2 http = listener(lb, "HTTP", 80);
    if (https != null) {
      order.add(https);
    }
    if (http != null) {
      order.add(http);
    }
    lb.listeners().stream().filter(ElbV2Planner::web).forEach(order::add);
    order.addAll(lb.listeners());
    return order.stream().filter(l -> forwards(l.defaultRule())).findFirst().orElse(null);
  }

  /** HTTPS:443 forwards: the load balancer serves HTTPS. */
  boolean servesHttps(String lbName) {
    ListenerV2 l = listener(lbs.get(lbName), "HTTPS", 443);
    return l != null && forwards(l.defaultRule());
  }

  /** HTTP:80 forwards, or redirects to HTTPS. */
  boolean servesHttp(String lbName) {
    ListenerV2 l = listener(lbs.get(lbName), "HTTP", 80);
    return l != null && (forwards(l.defaultRule()) || redirectsToHttps(l.defaultRule()));
  }

  /**
   * HTTP:80's default rule redirects to HTTPS on 443 (or the same port, {@code #{port}}, which AWS
   * keeps).
   */
  boolean httpRedirects(String lbName) {
    ListenerV2 l = listener(lbs.get(lbName), "HTTP", 80);
    return l != null && redirectsToHttps(l.defaultRule());
  }

  private static boolean redirectsToHttps(ListenerRule r) {
    if (r == null) {
      return false;
    }
    RuleAction a = finalAction(r);
    if (!a.type().equals("redirect")) {
      return false;
    }
    Map<String, String> c = a.config();
    return "HTTPS".equalsIgnoreCase(c.get("Protocol"))
        && "443".equals(c.getOrDefault("Port", "443"))
        && "#{host}".equals(c.getOrDefault("Host", "#{host}"))
        && "/#{path}".equals(c.getOrDefault("Path", "/#{path}"))
        && "#{query}".equals(c.getOrDefault("Query", "#{query}"));
  }

  String certificateArn(String lbName) {
    ListenerV2 l = listener(lbs.get(lbName), "HTTPS", 443);
    return l == null || l.certificateArns().isEmpty() ? null : l.certificateArns().get(0);
  }

  /**
   * Notes for what the load balancer's listeners do that the bundle does not: called once per load
   * balancer.
   */
  void checkListeners(String lbName) {
    LoadBalancerV2 lb = lbs.get(lbName);
    ListenerV2 main = mainListener(lbName);
    for (ListenerV2 l : lb.listeners()) {
      String name = l.protocol() + ":" + l.port();
      boolean web =
          l.protocol().equals("HTTP") && l.port() == 80
              || l.protocol().equals("HTTPS") && l.port() == 443;
      if (!web) {
        notes.warn(
            lbName,
            "Listener "
                + name
                + " is not mapped: the edge serves HTTP on 80 and HTTPS on 443 only"
                + (web(l)
                    ? "."
                    : " (TCP/TLS/UDP listeners would need an IngressRouteTCP or IngressRouteUDP)."));
        continue;
      }
      ListenerRule def = l.defaultRule();
      if (l != main && !forwards(def) && !(l.protocol().equals("HTTP") && redirectsToHttps(def))) {
        notes.warn(
            lbName,
            "The default action of listener "
                + name
                + " is "
                + describe(finalAction(def))
                + "; it is not mapped, and the edge routes "
                + name
                + " like "
                + (main == null ? "nothing" : main.protocol() + ":" + main.port())
                + ".");
      }
      if (l != main && main != null && forwards(def) && !sameForward(def, main.defaultRule())) {
        notes.warn(
            lbName,
            "Listener "
                + name
                + " forwards by other weights than "
                + main.protocol()
                + ":"
                + main.port()
                + "; the bundle gives both the split of "
                + main.protocol()
                + ":"
                + main.port()
                + ".");
      }
      if (l != main && l.rules().size() > 1) {
        notes.warn(
            lbName,
            "The "
                + (l.rules().size() - 1)
                + " non-default rule(s) of listener "
                + name
                + " are not migrated; the bundle gives "
                + name
                + " the rules of "
                + (main == null ? "no listener" : main.protocol() + ":" + main.port())
                + ".");
      }
    }
    if (lb.type().equals("network") && lb.listeners().stream().noneMatch(ElbV2Planner::web)) {
      notes.info(
          lbName,
          "Network Load Balancer: its split is recovered (REVIEW.md) but it has no HTTP listener to route.");
    }
  }

  private static boolean sameForward(ListenerRule a, ListenerRule b) {
    return finalAction(a).targetGroups().equals(finalAction(b).targetGroups());
  }

  private static String describe(RuleAction a) {
    return switch (a.type()) {
      case "redirect" ->
          "a redirect ("
              + a.config().getOrDefault("StatusCode", "")
              + " to "
              + a.config().getOrDefault("Protocol", "#{protocol}")
              + "://"
              + a.config().getOrDefault("Host", "#{host}")
              + ":"
              + a.config().getOrDefault("Port", "#{port}")
              + a.config().getOrDefault("Path", "/#{path}")
              + ")";
      case "fixed-response" -> "a fixed response " + a.config().getOrDefault("StatusCode", "");
      default -> a.type();
    };
  }

  // ---- splits --------------------------------------------------------------------------------

  /**
   * The cross-zone setting of the load balancer itself: ALB always on, NLB off unless its attribute
   * says on.
   */
  private static boolean lbCrossZone(LoadBalancerV2 lb) {
    if (lb.type().equals("application")) {
      return true;
    }
    return "true".equals(lb.attributes().get("load_balancing.cross_zone.enabled"));
  }

  /**
   * The label of a rule in notes and REVIEW.md: {@code HTTPS:443 rule 10} or {@code HTTPS:443
   * default rule}.
   */
  static String ruleLabel(ListenerV2 l, ListenerRule r) {
    return l.protocol()
        + ":"
        + l.port()
        + (r.isDefault() ? " default rule" : " rule " + r.priority());
  }

  /**
   * The split of a forward rule of {@code lbName}, over {@code groups} (the app's groups). Notes
   * what is left out when {@code note} is true (the basis in use).
   */
  ForwardSplit.Result split(
      String lbName, ListenerV2 l, ListenerRule rule, WeightBasis basis, boolean note) {
    LoadBalancerV2 lb = lbs.get(lbName);
    boolean lbCz = lbCrossZone(lb);
    String label = ruleLabel(l, rule);
    List<ForwardSplit.Member> members = new ArrayList<>();
    for (RuleAction.WeightedTargetGroup w : finalAction(rule).targetGroups()) {
      TargetGroup tg = tgs.get(w.targetGroupArn());
      String attr = tg.attributes().get("load_balancing.cross_zone.enabled");
      boolean cz;
      String source;
      if ("true".equals(attr) || "false".equals(attr)) {
        cz = attr.equals("true");
        source = "target group attribute";
      } else {
        cz = lbCz;
        source =
            lb.type().equals("application")
                ? "the load balancer's: always on for an ALB"
                : lb.attributes().containsKey("load_balancing.cross_zone.enabled")
                    ? "load balancer attribute"
                    : lb.attributes().isEmpty()
                        ? "NLB default: attributes not captured"
                        : "NLB default";
      }
      members.add(
          new ForwardSplit.Member(
              tg.name(), w.weight(), groupsOfTg.getOrDefault(tg.arn(), List.of()), cz, source));
    }
    ForwardSplit.Result result =
        ForwardSplit.of(lbName, lb.availabilityZones(), label, members, basis, lbCz);
    if (note) {
      if (result.allZero()) {
        notes.warn(
            lbName,
            label
                + " forwards with every target group at weight 0, so no target group is chosen"
                + " for its requests; no split can be read from it and nothing is routed for it. Check what the load"
                + " balancer does with these requests and set weights in canary2k8s before migrating.");
      } else if (!result.unserved().isZero()) {
        List<String> empty = new ArrayList<>();
        result
            .shares()
            .targetGroups()
            .forEach(
                t -> {
                  if (t.weight() > 0 && t.inGroup().isEmpty()) {
                    empty.add(t.targetGroup());
                  }
                });
        notes.warn(
            lbName,
            label
                + " gives "
                + result.unserved().describe()
                + " of its requests to target group(s) "
                + empty
                + " with no instances of a migrated Auto Scaling group (under "
                + basis.flag()
                + "); AWS"
                + " answers those with an error today. The bundle divides the rest in its ratio.");
      }
      for (ForwardSplit.Member m : members) {
        if (m.weight() == 0) {
          notes.info(
              lbName,
              label
                  + " gives target group "
                  + m.targetGroup()
                  + " weight 0: it gets none of these requests.");
        }
      }
      RuleAction fwd = finalAction(rule);
      if (fwd.stickinessSeconds() != null) {
        notes.warn(
            lbName,
            label
                + " keeps clients on one target group for "
                + fwd.stickinessSeconds()
                + " s (target group stickiness); not mapped, Traefik weights apply per request.");
      }
    }
    return result;
  }

  /** Notes for what target groups do that the bundle does not: called once per target group ARN. */
  void checkTargetGroup(String arn) {
    TargetGroup tg = tgs.get(arn);
    Map<String, String> a = tg.attributes();
    if ("true".equals(a.get("stickiness.enabled"))) {
      notes.warn(
          tg.arn(),
          "Target group "
              + tg.name()
              + " has stickiness ("
              + a.getOrDefault("stickiness.type", "?")
              + "); not mapped, Traefik weights apply per request.");
    }
    String algorithm = a.get("load_balancing.algorithm.type");
    if (algorithm != null && !algorithm.equals("round_robin")) {
      notes.info(
          tg.arn(),
          "Target group "
              + tg.name()
              + " balances by "
              + algorithm
              + "; Kubernetes Services balance over pods by their own rules.");
    }
    String slowStart = a.get("slow_start.duration_seconds");
    if (slowStart != null && !slowStart.equals("0")) {
      notes.info(
          tg.arn(),
          "Target group "
              + tg.name()
              + " ramps new targets up over "
              + slowStart
              + " s (slow start); not mapped.");
    }
    if (a.isEmpty()) {
      notes.info(
          tg.arn(),
          "Attributes of target group "
              + tg.name()
              + " were not captured; its cross-zone setting is"
              + " taken from the load balancer.");
    }
  }

  // ---- rules as routes ------------------------------------------------------------------------

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
  List<RuleRoute> ruleRoutes(String lbName, WeightBasis basis) {
    ListenerV2 l = mainListener(lbName);
    List<RuleRoute> out = new ArrayList<>();
    if (l == null || !web(l)) {
      return out;
    }
    for (ListenerRule r : l.rules()) {
      if (r.isDefault()) {
        continue;
      }
      String label = ruleLabel(l, r);
      String skipped = " Requests it matched fall through to the next rule that is migrated.";
      List<String> hosts = new ArrayList<>();
      List<Route.PathMatch> paths = new ArrayList<>();
      String unsupported = null;
      for (RuleCondition c : r.conditions()) {
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
              unsupported =
                  c.field() + " condition " + (c.key() == null ? "" : c.key() + " ") + c.values();
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
      ForwardSplit.Result split = split(lbName, l, r, basis, true);
      if (split.shares().empty()) {
        notes.warn(lbName, label + " forwards to no migrated instances; not migrated." + skipped);
        continue;
      }
      out.add(new RuleRoute(l, r, List.copyOf(new TreeSet<>(hosts)), paths, split));
    }
    return out;
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

  // ---- tracks --------------------------------------------------------------------------------

  /** The target groups of {@code g} that {@code lbNames} forward to. */
  List<TargetGroup> targetGroups(AutoScalingGroup g, List<String> lbNames) {
    if (g.targetGroupArns().isEmpty()) {
      return List.of(); // a group behind classic ELBs only: nothing to look for
    }
    Set<String> used = new HashSet<>();
    lbNames.stream().filter(this::isV2).forEach(lb -> used.addAll(targetGroupsOf(lb)));
    return g.targetGroupArns().stream().filter(used::contains).map(tgs::get).toList();
  }

  /** The port of {@code g}'s target group that rule {@code rule} forwards to, or null. */
  Integer port(AutoScalingGroup g, ListenerRule rule) {
    for (RuleAction.WeightedTargetGroup w : finalAction(rule).targetGroups()) {
      if (g.targetGroupArns().contains(w.targetGroupArn())) {
        return tgs.get(w.targetGroupArn()).port();
      }
    }
    return null;
  }

  /** The port of {@code g}'s first target group behind {@code lbName}, or null. */
  Integer port(AutoScalingGroup g, String lbName) {
    ListenerV2 l = mainListener(lbName);
    if (l != null) {
      Integer p = port(g, l.defaultRule());
      if (p != null) {
        return p;
      }
    }
    return targetGroups(g, List.of(lbName)).stream()
        .map(TargetGroup::port)
        .filter(java.util.Objects::nonNull)
        .findFirst()
        .orElse(null);
  }
}
