package io.canary2k8s.inventory;

import io.canary2k8s.notes.Note;
import java.util.Comparator;
import java.util.List;

/**
 * Everything discovery learned about one account and region, free of AWS SDK types. Lists are
 * sorted by name or id, so the same estate gives the same inventory whatever order AWS listed it
 * in.
 *
 * @param schemaVersion the version of {@code inventory.json}; see {@link #SCHEMA_VERSION}
 * @param loadBalancersV2 Application and Network Load Balancers, with listeners and rules
 * @param targetGroups ELBv2 target groups, with their attributes
 * @param notes what discovery noticed or assumed (they travel with the inventory to the report)
 */
public record Inventory(
    int schemaVersion,
    Provenance provenance,
    List<ClassicLoadBalancer> classicLoadBalancers,
    List<LoadBalancerV2> loadBalancersV2,
    List<TargetGroup> targetGroups,
    List<AutoScalingGroup> autoScalingGroups,
    List<HostedZone> hostedZones,
    List<DnsRecord> dnsRecords,
    List<Note> notes) {

  /** The inventory.json version this build writes and reads. */
  public static final int SCHEMA_VERSION = 1;

  public Inventory {
    classicLoadBalancers =
        Sorted.list(classicLoadBalancers, Comparator.comparing(ClassicLoadBalancer::name));
    loadBalancersV2 = Sorted.list(loadBalancersV2, Comparator.comparing(LoadBalancerV2::name));
    targetGroups = Sorted.list(targetGroups, Comparator.comparing(TargetGroup::arn));
    autoScalingGroups =
        Sorted.list(autoScalingGroups, Comparator.comparing(AutoScalingGroup::name));
    hostedZones = Sorted.list(hostedZones, Comparator.comparing(HostedZone::id));
    dnsRecords = Sorted.list(dnsRecords, DnsRecord.ORDER);
    notes = Sorted.list(notes, Note.ORDER);
  }

  /**
   * An inventory without ELBv2 load balancers (the classic-only estates of tests and older
   * callers).
   */
  public Inventory(
      int schemaVersion,
      Provenance provenance,
      List<ClassicLoadBalancer> classicLoadBalancers,
      List<AutoScalingGroup> autoScalingGroups,
      List<HostedZone> hostedZones,
      List<DnsRecord> dnsRecords,
      List<Note> notes) {
    this(
        schemaVersion,
        provenance,
        classicLoadBalancers,
        List.of(),
        List.of(),
        autoScalingGroups,
        hostedZones,
        dnsRecords,
        notes);
  }
}
