package io.canary2k8s.discover;

import io.canary2k8s.input.Node;
import io.canary2k8s.inventory.BackendPolicy;
import io.canary2k8s.inventory.ClassicLoadBalancer;
import io.canary2k8s.inventory.CrossZone;
import io.canary2k8s.inventory.HealthCheck;
import io.canary2k8s.inventory.Listener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Classic ELB answers ({@code aws elb describe-load-balancers}, {@code describe-tags}, {@code
 * describe-load-balancer-attributes}) into inventory records. The one mapping of these shapes: a
 * capture's JSON is read through it, and so are live discovery's SDK answers, turned into the same
 * JSON first ({@code live.SdkJson}). Fields are read in a fixed order, so that an element with
 * several problems is rejected for the same one every time.
 */
public final class ElbMapping {
  /** Where what is not in a load balancer's description comes from. */
  public interface Source {
    /**
     * The {@code LoadBalancerAttributes} object of the load balancer, or null when there is none;
     * asked after its listeners, health check, instances and policies have been read.
     */
    Node attributes(Node lb, String name);

    /**
     * The description ({@code PolicyDescriptions} element) of the policy {@code policy} of the load
     * balancer, named at {@code named} by a back-end server description; null when the load
     * balancer's policies were not read. Asked after everything else.
     */
    Node policy(Node lb, String name, Node named, String policy);
  }

  private final Source source;
  private final Set<String> seen = new HashSet<>();

  public ElbMapping(Source source) {
    this.source = source;
  }

  /** The names of the load balancers mapped so far. */
  public Set<String> names() {
    return seen;
  }

  /**
   * One element of {@code LoadBalancerDescriptions}, with the tags of {@link #tags(Iterable)}. Two
   * load balancers of one name are refused.
   */
  public ClassicLoadBalancer loadBalancer(Node lb, Map<String, Map<String, String>> tags) {
    String name = lb.text("LoadBalancerName");
    if (!seen.add(name)) {
      throw lb.problem("LoadBalancerName", "duplicate load balancer '" + name + "'");
    }
    List<Listener> listeners = new ArrayList<>();
    for (Node ld : lb.optArray("ListenerDescriptions")) {
      Node l = ld.get("Listener");
      listeners.add(
          new Listener(
              protocol(l, "Protocol"),
              l.intValue("LoadBalancerPort", 1, 65535),
              protocol(l, "InstanceProtocol"),
              l.intValue("InstancePort", 1, 65535),
              l.optText("SSLCertificateId")));
    }
    HealthCheck hc = null;
    Node h = lb.optObject("HealthCheck");
    if (h != null) {
      hc =
          new HealthCheck(
              h.text("Target"),
              h.intValue("Interval", 1, 3600),
              h.intValue("Timeout", 1, 3600),
              h.intValue("HealthyThreshold", 1, 100),
              h.intValue("UnhealthyThreshold", 1, 100));
    }
    List<String> instanceIds = new ArrayList<>();
    for (Node i : lb.optArray("Instances")) {
      instanceIds.add(i.text("InstanceId"));
    }
    List<String> policies = new ArrayList<>();
    Node pol = lb.optObject("Policies");
    if (pol != null) {
      for (Node p : pol.optArray("AppCookieStickinessPolicies")) {
        policies.add("app-cookie-stickiness:" + p.text("PolicyName"));
      }
      for (Node p : pol.optArray("LBCookieStickinessPolicies")) {
        policies.add("lb-cookie-stickiness:" + p.text("PolicyName"));
      }
      for (String p : pol.strings("OtherPolicies")) {
        policies.add("other:" + p);
      }
    }
    CrossZone crossZone = CrossZone.UNKNOWN;
    Integer draining = null;
    Integer idle = null;
    Node attrs = source.attributes(lb, name);
    if (attrs != null) {
      Node cz = attrs.optObject("CrossZoneLoadBalancing");
      if (cz != null) {
        crossZone = cz.bool("Enabled", false) ? CrossZone.ENABLED : CrossZone.DISABLED;
      } else {
        crossZone = CrossZone.DISABLED;
      }
      Node cd = attrs.optObject("ConnectionDraining");
      if (cd != null && cd.bool("Enabled", false)) {
        draining = cd.optInt("Timeout", 0, 3600);
      }
      Node cs = attrs.optObject("ConnectionSettings");
      if (cs != null) {
        idle = cs.optInt("IdleTimeout", 0, 4000);
      }
    }
    String dnsName = lb.text("DNSName");
    String scheme = lb.optText("Scheme");
    List<String> zones = lb.strings("AvailabilityZones");
    return new ClassicLoadBalancer(
        name,
        dnsName,
        scheme,
        zones,
        listeners,
        hc,
        instanceIds,
        crossZone,
        draining,
        idle,
        policies,
        tags.getOrDefault(name, Map.of()),
        backendPolicies(lb, name));
  }

  /** The policies of {@code BackendServerDescriptions}, each with its type when it was read. */
  private List<BackendPolicy> backendPolicies(Node lb, String name) {
    List<BackendPolicy> out = new ArrayList<>();
    for (Node b : lb.optArray("BackendServerDescriptions")) {
      int port = b.intValue("InstancePort", 1, 65535);
      for (Node named : b.optArray("PolicyNames")) {
        String policy = named.asText();
        Node d = source.policy(lb, name, named, policy);
        Map<String, String> attributes = new TreeMap<>();
        String type = null;
        if (d != null) {
          type = d.text("PolicyTypeName");
          for (Node a : d.optArray("PolicyAttributeDescriptions")) {
            attributes.put(
                a.text("AttributeName"),
                a.has("AttributeValue") ? a.get("AttributeValue").asText() : "");
          }
        }
        out.add(new BackendPolicy(port, policy, type, attributes));
      }
    }
    return out;
  }

  /** The elements of {@code TagDescriptions}: load balancer name to its tags. */
  public static Map<String, Map<String, String>> tags(Iterable<Node> tagDescriptions) {
    Map<String, Map<String, String>> out = new HashMap<>();
    for (Node td : tagDescriptions) {
      String name = td.text("LoadBalancerName");
      Map<String, String> t = out.computeIfAbsent(name, k -> new TreeMap<>());
      for (Node tag : td.optArray("Tags")) {
        t.put(tag.text("Key"), tag.has("Value") ? tag.get("Value").asText() : "");
      }
    }
    return out;
  }

  private static String protocol(Node l, String field) {
    String p = l.text(field).toUpperCase(Locale.ROOT);
    if (!Set.of("HTTP", "HTTPS", "TCP", "SSL").contains(p)) {
      throw l.problem(field, "unknown protocol '" + p + "' (expected HTTP, HTTPS, TCP or SSL)");
    }
    return p;
  }
}
