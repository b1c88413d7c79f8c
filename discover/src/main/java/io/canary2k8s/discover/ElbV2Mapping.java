package io.canary2k8s.discover;

import com.fasterxml.jackson.databind.JsonNode;
import io.canary2k8s.input.Node;
import io.canary2k8s.inventory.ListenerRule;
import io.canary2k8s.inventory.ListenerV2;
import io.canary2k8s.inventory.LoadBalancerV2;
import io.canary2k8s.inventory.RuleAction;
import io.canary2k8s.inventory.RuleCondition;
import io.canary2k8s.inventory.RuleTransform;
import io.canary2k8s.inventory.TargetGroup;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * ELBv2 answers ({@code aws elbv2 describe-target-groups}, {@code describe-load-balancers}, {@code
 * describe-listeners}, {@code describe-rules} and the attribute calls) into inventory records: the
 * one mapping of these shapes, for a capture's JSON and for live discovery's SDK answers turned
 * into the same JSON (see {@link ElbMapping}). Target groups are mapped first: a rule may only
 * forward to one of them.
 */
public final class ElbV2Mapping {
  /** Where the parts of a load balancer kept apart from its description come from. */
  public interface Source {
    /** Told each load balancer's name as soon as it is read (and found not to be a duplicate). */
    void named(Node lb, String name);

    /** The {@code Listeners} of a load balancer. */
    Iterable<Node> listeners(Node lb, String name);

    /** The {@code Rules} of a listener of the load balancer {@code name}. */
    Iterable<Node> rules(Node listener, String name, int port);

    /** Told the rules of a listener, once read (e.g. to check that one is the default rule). */
    void rulesRead(String name, int port, List<ListenerRule> rules);

    /** The load balancer's attributes, or empty when there are none; asked last. */
    Map<String, String> attributes(String name, String arn);

    /**
     * A target group's attributes, or empty when there are none; asked as soon as its name and ARN
     * are read.
     */
    Map<String, String> targetGroupAttributes(Node tg, String name, String arn);

    /** Where the target groups were listed, to name in a complaint about a missing one. */
    String targetGroupListing();
  }

  private final Source source;
  private final Set<String> tgArns = new HashSet<>();
  private final Set<String> lbNames = new HashSet<>();

  public ElbV2Mapping(Source source) {
    this.source = source;
  }

  /** One element of {@code TargetGroups}. Two target groups of one ARN are refused. */
  public TargetGroup targetGroup(Node tg) {
    String name = tg.text("TargetGroupName");
    String arn = tg.text("TargetGroupArn");
    if (!tgArns.add(arn)) {
      throw tg.problem("TargetGroupArn", "duplicate target group '" + arn + "'");
    }
    Map<String, String> attributes = source.targetGroupAttributes(tg, name, arn);
    return new TargetGroup(
        name,
        arn,
        tg.optText("Protocol"),
        tg.optInt("Port", 1, 65535),
        tg.has("TargetType") ? tg.text("TargetType") : "instance",
        tg.strings("LoadBalancerArns"),
        tg.optText("HealthCheckProtocol"),
        tg.optText("HealthCheckPort"),
        tg.optText("HealthCheckPath"),
        tg.optInt("HealthCheckIntervalSeconds", 1, 3600),
        tg.optInt("HealthCheckTimeoutSeconds", 1, 3600),
        tg.optInt("HealthyThresholdCount", 1, 100),
        tg.optInt("UnhealthyThresholdCount", 1, 100),
        attributes);
  }

  /**
   * One element of {@code LoadBalancers}, with its listeners and their rules. Two load balancers of
   * one name, or two listeners of one on one port, are refused.
   */
  public LoadBalancerV2 loadBalancer(Node lb) {
    String name = lb.text("LoadBalancerName");
    if (!lbNames.add(name)) {
      throw lb.problem("LoadBalancerName", "duplicate load balancer '" + name + "'");
    }
    source.named(lb, name);
    List<String> zones = new ArrayList<>();
    for (Node z : lb.optArray("AvailabilityZones")) {
      zones.add(z.text("ZoneName"));
    }
    List<ListenerV2> listeners = new ArrayList<>();
    Set<Integer> ports = new TreeSet<>();
    for (Node l : source.listeners(lb, name)) {
      int port = l.intValue("Port", 1, 65535);
      if (!ports.add(port)) {
        throw l.problem("Port", "two listeners on port " + port);
      }
      List<String> certs = new ArrayList<>();
      for (Node c : l.optArray("Certificates")) {
        certs.add(c.text("CertificateArn"));
      }
      List<ListenerRule> rules = new ArrayList<>();
      for (Node r : source.rules(l, name, port)) {
        rules.add(rule(r));
      }
      source.rulesRead(name, port, rules);
      listeners.add(
          new ListenerV2(
              l.optText("ListenerArn"),
              l.text("Protocol").toUpperCase(Locale.ROOT),
              port,
              certs,
              rules));
    }
    String arn = lb.text("LoadBalancerArn");
    String type = lb.has("Type") ? lb.text("Type") : "application";
    String dnsName = lb.text("DNSName");
    String scheme = lb.optText("Scheme");
    return new LoadBalancerV2(
        name, arn, type, dnsName, scheme, zones, listeners, source.attributes(name, arn));
  }

  /** {@code {"Attributes": [{"Key": ..., "Value": ...}]}}'s list as a map. */
  public static Map<String, String> attributes(Iterable<Node> attributes) {
    Map<String, String> out = new TreeMap<>();
    for (Node a : attributes) {
      out.put(a.text("Key"), a.has("Value") ? a.get("Value").asText() : "");
    }
    return out;
  }

  private ListenerRule rule(Node r) {
    boolean isDefault = r.bool("IsDefault", false);
    String priority =
        r.has("Priority") ? r.get("Priority").raw().asText() : isDefault ? "default" : null;
    if (priority == null) {
      throw r.problem("Priority", "missing");
    }
    if (!isDefault && !priority.matches("[0-9]{1,5}")) {
      throw r.problem(
          "Priority", "'" + priority + "' is not a rule priority (1..50000 or default)");
    }
    List<RuleCondition> conditions = new ArrayList<>();
    for (Node c : r.optArray("Conditions")) {
      conditions.add(condition(c));
    }
    List<RuleAction> actions = new ArrayList<>();
    List<Node> actionNodes = r.optArray("Actions");
    if (actionNodes.isEmpty()) {
      throw r.problem("Actions", "a rule needs at least one action");
    }
    for (int i = 0; i < actionNodes.size(); i++) {
      actions.add(action(actionNodes.get(i), i + 1));
    }
    String arn = r.optText("RuleArn");
    List<RuleTransform> transforms = new ArrayList<>();
    for (Node t : r.optArray("Transforms")) {
      transforms.add(transform(t));
    }
    return new ListenerRule(arn, priority, isDefault, conditions, actions, transforms);
  }

  private static RuleCondition condition(Node c) {
    String field = c.text("Field");
    Set<String> values = new TreeSet<>(c.strings("Values"));
    List<String> regexValues = new ArrayList<>();
    String key = null;
    String config =
        switch (field) {
          case "host-header" -> "HostHeaderConfig";
          case "path-pattern" -> "PathPatternConfig";
          case "http-header" -> "HttpHeaderConfig";
          case "http-request-method" -> "HttpRequestMethodConfig";
          case "query-string" -> "QueryStringConfig";
          case "source-ip" -> "SourceIpConfig";
          default -> throw c.problem("Field", "unknown condition field '" + field + "'");
        };
    Node typed = c.optObject(config);
    if (typed != null) {
      if (field.equals("query-string")) {
        for (Node kv : typed.optArray("Values")) {
          values.add((kv.has("Key") ? kv.text("Key") : "") + "=" + kv.text("Value"));
        }
      } else {
        values.addAll(typed.strings("Values"));
        // the service model allows regular expressions in these three configs only
        if (field.equals("host-header")
            || field.equals("path-pattern")
            || field.equals("http-header")) {
          regexValues.addAll(typed.strings("RegexValues"));
        }
      }
      if (field.equals("http-header")) {
        key = typed.text("HttpHeaderName");
      }
    }
    regexValues.addAll(c.strings("RegexValues"));
    if (values.isEmpty() && regexValues.isEmpty()) {
      throw c.problem("Values", "a " + field + " condition needs at least one value");
    }
    return new RuleCondition(
        field, key, List.copyOf(values), List.copyOf(new TreeSet<>(regexValues)));
  }

  /** One element of a rule's {@code Transforms}. */
  private static RuleTransform transform(Node t) {
    String type = t.text("Type");
    String config =
        switch (type) {
          case "host-header-rewrite" -> "HostHeaderRewriteConfig";
          case "url-rewrite" -> "UrlRewriteConfig";
          default -> null; // a kind this build does not know: kept by its type, for a note
        };
    List<RuleTransform.Rewrite> rewrites = new ArrayList<>();
    Node c = config == null ? null : t.optObject(config);
    if (c != null) {
      for (Node w : c.optArray("Rewrites")) {
        rewrites.add(
            new RuleTransform.Rewrite(
                w.text("Regex"), w.has("Replace") ? w.get("Replace").asText() : ""));
      }
    }
    return new RuleTransform(type, rewrites);
  }

  private RuleAction action(Node a, int position) {
    String type = a.text("Type");
    int order = a.has("Order") ? a.intValue("Order", 1, 50000) : position;
    List<RuleAction.WeightedTargetGroup> tgs = new ArrayList<>();
    Integer stickiness = null;
    Map<String, String> config = new TreeMap<>();
    if (type.equals("forward")) {
      Node fc = a.optObject("ForwardConfig");
      List<Node> tuples = fc == null ? List.of() : fc.optArray("TargetGroups");
      if (!tuples.isEmpty()) {
        for (Node t : tuples) {
          tgs.add(
              new RuleAction.WeightedTargetGroup(
                  knownTargetGroup(t), t.has("Weight") ? t.intValue("Weight", 0, 999) : 1));
        }
        Node sc = fc.optObject("TargetGroupStickinessConfig");
        if (sc != null && sc.bool("Enabled", false)) {
          stickiness = sc.has("DurationSeconds") ? sc.intValue("DurationSeconds", 1, 604800) : 0;
        }
      } else {
        tgs.add(new RuleAction.WeightedTargetGroup(knownTargetGroup(a), 1));
      }
      Set<String> distinct = new TreeSet<>();
      for (RuleAction.WeightedTargetGroup t : tgs) {
        if (!distinct.add(t.targetGroupArn())) {
          throw a.problem(
              "ForwardConfig", "target group " + t.targetGroupArn() + " is named twice");
        }
      }
    } else if (type.equals("redirect") || type.equals("fixed-response")) {
      Node cfg = a.get(type.equals("redirect") ? "RedirectConfig" : "FixedResponseConfig");
      for (Iterator<String> it = cfg.raw().fieldNames(); it.hasNext(); ) {
        String f = it.next();
        JsonNode v = cfg.raw().get(f);
        if (v.isValueNode() && !v.isNull()) {
          config.put(f, v.asText());
        }
      }
    }
    return new RuleAction(type, order, tgs, stickiness, config);
  }

  private String knownTargetGroup(Node holder) {
    String arn = holder.text("TargetGroupArn");
    if (!tgArns.contains(arn)) {
      throw holder.problem(
          "TargetGroupArn",
          "forwards to target group '" + arn + "', which is not in " + source.targetGroupListing());
    }
    return arn;
  }
}
