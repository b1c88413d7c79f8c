package io.canary2k8s.inventory;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

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
    Map<String, String> tags) {

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
        Sorted.map(newTags));
  }
}
