package io.canary2k8s.inventory;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * An Application or Network Load Balancer (ELBv2) with its listeners and their rules.
 *
 * @param type {@code application} or {@code network} (or {@code gateway}, which is not migrated)
 * @param dnsName the load balancer's DNS name, as AWS reports it
 * @param availabilityZones the zone names of its {@code AvailabilityZones[]}
 * @param attributes its load balancer attributes when captured, else empty (e.g. {@code
 *     load_balancing.cross_zone.enabled})
 */
public record LoadBalancerV2(
    String name,
    String arn,
    String type,
    String dnsName,
    String scheme,
    List<String> availabilityZones,
    List<ListenerV2> listeners,
    Map<String, String> attributes) {

  public LoadBalancerV2 {
    availabilityZones = Sorted.strings(availabilityZones);
    listeners =
        Sorted.list(
            listeners,
            Comparator.comparingInt(ListenerV2::port).thenComparing(ListenerV2::protocol));
    attributes = Sorted.map(attributes);
  }
}
