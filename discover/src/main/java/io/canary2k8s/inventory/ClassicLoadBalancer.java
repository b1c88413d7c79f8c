package io.canary2k8s.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A classic ELB with what the split and the translation need: zones, listeners, health check,
 * registered instances, cross-zone and the attributes that have no Kubernetes equivalent.
 *
 * @param dnsName the ELB's DNS name, as AWS reports it
 * @param instanceIds instances the ELB lists as registered (a cross-check; membership comes from
 *     the ASGs)
 * @param connectionDrainingSeconds draining timeout when connection draining is on, else null
 * @param idleTimeoutSeconds the idle connection timeout when captured, else null
 * @param policies stickiness and other policies, as {@code kind:name}
 * @param backendPolicies the policies applied per instance port ({@code
 *     BackendServerDescriptions}), e.g. ProxyProtocol; empty (and left out of inventory.json) when
 *     there are none
 */
public record ClassicLoadBalancer(
    String name,
    String dnsName,
    String scheme,
    List<String> availabilityZones,
    List<Listener> listeners,
    HealthCheck healthCheck,
    List<String> instanceIds,
    CrossZone crossZone,
    Integer connectionDrainingSeconds,
    Integer idleTimeoutSeconds,
    List<String> policies,
    Map<String, String> tags,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<BackendPolicy> backendPolicies) {

  public ClassicLoadBalancer {
    availabilityZones = Sorted.strings(availabilityZones);
    listeners =
        Sorted.list(
            listeners,
            Comparator.comparingInt(Listener::loadBalancerPort)
                .thenComparing(Listener::protocol)
                .thenComparingInt(Listener::instancePort));
    instanceIds = Sorted.strings(instanceIds);
    policies = Sorted.strings(policies);
    tags = Sorted.map(tags);
    backendPolicies =
        Sorted.list(
            backendPolicies,
            Comparator.comparingInt(BackendPolicy::instancePort)
                .thenComparing(BackendPolicy::name));
  }

  /** A load balancer without back-end policies. */
  public ClassicLoadBalancer(
      String name,
      String dnsName,
      String scheme,
      List<String> availabilityZones,
      List<Listener> listeners,
      HealthCheck healthCheck,
      List<String> instanceIds,
      CrossZone crossZone,
      Integer connectionDrainingSeconds,
      Integer idleTimeoutSeconds,
      List<String> policies,
      Map<String, String> tags) {
    this(
        name,
        dnsName,
        scheme,
        availabilityZones,
        listeners,
        healthCheck,
        instanceIds,
        crossZone,
        connectionDrainingSeconds,
        idleTimeoutSeconds,
        policies,
        tags,
        List.of());
  }

  /** The instance ports the ELB speaks the PROXY protocol to (see {@link BackendPolicy}). */
  public SortedSet<Integer> proxyProtocolPorts() {
    SortedSet<Integer> out = new TreeSet<>();
    backendPolicies.stream()
        .filter(BackendPolicy::proxyProtocol)
        .forEach(p -> out.add(p.instancePort()));
    return out;
  }

  /** Same load balancer with other tags (tags come from a separate capture file). */
  public ClassicLoadBalancer withTags(Map<String, String> newTags) {
    return new ClassicLoadBalancer(
        name,
        dnsName,
        scheme,
        availabilityZones,
        listeners,
        healthCheck,
        instanceIds,
        crossZone,
        connectionDrainingSeconds,
        idleTimeoutSeconds,
        policies,
        Sorted.map(newTags),
        backendPolicies);
  }
}
