package io.canary2k8s.plan;

import io.canary2k8s.inventory.AutoScalingGroup;
import io.canary2k8s.inventory.DnsNames;
import io.canary2k8s.inventory.Inventory;
import io.canary2k8s.inventory.ListenerRule;
import io.canary2k8s.inventory.ListenerV2;
import io.canary2k8s.inventory.LoadBalancerV2;
import io.canary2k8s.inventory.RuleAction;
import io.canary2k8s.inventory.TargetGroup;
import io.canary2k8s.notes.Notifier;
import io.canary2k8s.split.ForwardSplit;
import io.canary2k8s.split.WeightBasis;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The ELBv2 (ALB/NLB) half of the plan: which Auto Scaling groups are behind each load balancer
 * (through the target groups its rules forward to and the groups' {@code TargetGroupARNs}), what
 * its listeners serve, the split of a listener rule (docs/design.md, "Behind an ALB or NLB"), and
 * the target group details a track needs. {@link ElbV2Checks} notes what it does that the bundle
 * does not, {@link AlbRuleRoutes} reads the rules that become routes. The pieces of the plan call
 * it where a classic ELB would be.
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
        notes.error(
            lb.arn(),
            "A classic ELB has the same name as this "
                + lb.type()
                + " load balancer "
                + lb.name()
                + "; names identify load balancers in the bundle, so this one is not migrated"
                + listenersNotRouted(lb));
      } else if (!lb.type().equals("application") && !lb.type().equals("network")) {
        notes.error(
            lb.arn(),
            "Load balancer "
                + lb.name()
                + " of type "
                + lb.type()
                + " is not migrated (only application and network load balancers are)"
                + listenersNotRouted(lb));
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

  /** {@code : its listeners GENEVE:6081 are routed nowhere.}, or a full stop when it has none. */
  private static String listenersNotRouted(LoadBalancerV2 lb) {
    if (lb.listeners().isEmpty()) {
      return ".";
    }
    return ": its listeners "
        + String.join(
            ", ", lb.listeners().stream().map(l -> l.protocol() + ":" + l.port()).toList())
        + " are routed nowhere.";
  }

  Map<String, LoadBalancerV2> loadBalancers() {
    return lbs;
  }

  /** The target group of that ARN. */
  TargetGroup targetGroup(String arn) {
    return tgs.get(arn);
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

  static boolean web(ListenerV2 l) {
    return l.protocol().equals("HTTP") || l.protocol().equals("HTTPS");
  }

  /**
   * The action that decides where a rule's requests go: the last one (authentication comes first).
   */
  static RuleAction finalAction(ListenerRule r) {
    return r.actions().get(r.actions().size() - 1);
  }

  static boolean forwards(ListenerRule r) {
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
   * another HTTP(S) listener, else a TCP or TLS one, else any listener, that forwards; null when
   * none forwards.
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
    lb.listeners().stream().filter(ListenerRoutes::isTcp).forEach(order::add);
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

  static boolean redirectsToHttps(ListenerRule r) {
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

  /** A rule's action in words, for notes: its type, with the target of a redirect. */
  static String describe(RuleAction a) {
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
   * The split of a forward rule of {@code lbName} under the basis in use, noting what is left out
   * (target groups at weight 0 or without instances, stickiness).
   */
  ForwardSplit.Result split(String lbName, ListenerV2 l, ListenerRule rule, WeightBasis basis) {
    return split(lbName, l, rule, basis, true);
  }

  /**
   * The split of a forward rule of {@code lbName} under another basis, for REVIEW.md: noted once,
   * under the basis in use, by {@link #split(String, ListenerV2, ListenerRule, WeightBasis)}.
   */
  ForwardSplit.Result splitWithoutNotes(
      String lbName, ListenerV2 l, ListenerRule rule, WeightBasis basis) {
    return split(lbName, l, rule, basis, false);
  }

  private ForwardSplit.Result split(
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
