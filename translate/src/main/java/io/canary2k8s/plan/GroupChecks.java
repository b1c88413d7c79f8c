package io.canary2k8s.plan;

import io.canary2k8s.inventory.AutoScalingGroup;
import io.canary2k8s.inventory.Instance;
import io.canary2k8s.inventory.ScalingPolicy;
import io.canary2k8s.notes.Notifier;
import io.canary2k8s.split.Capacity;
import io.canary2k8s.split.WeightBasis;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an app's Auto Scaling group does that its track does not, as notes: capacity that is not in
 * service, a group being deleted ({@code Status}), a group behind several load balancers, suspended
 * processes, capacity in units other than instances ({@link Capacity}: how they were turned into
 * instances), instance types, scaling policies the HPA does not take.
 */
final class GroupChecks {
  private GroupChecks() {}

  /**
   * Notes on group {@code g}, whose track is {@code track}; {@code basis} is the weight basis of
   * the split.
   */
  static void check(AutoScalingGroup g, String track, WeightBasis basis, Notifier notes) {
    long serving = 0;
    for (Instance i : g.instances()) {
      if (i.serving()) {
        serving++;
      }
    }
    Capacity capacity = Capacity.of(g);
    int desired = capacity.desired();
    if (serving != desired) {
      notes.warn(
          g.name(),
          "Desired capacity is "
              + desired
              + (capacity.countsInstances()
                  ? ""
                  : " instances (" + capacity.units().desired() + " " + capacity.unitName() + ")")
              + " but "
              + serving
              + (serving == 1 ? " instance is" : " instances are")
              + " in service; the split uses "
              + basis.flag()
              + ".");
    }
    if (g.status() != null && !g.status().isBlank()) {
      // AWS sets Status only while the group is being deleted: it still serves until its instances
      // are gone, so today's split counts it
      notes.warn(
          g.name(),
          "Auto Scaling group has status '"
              + g.status()
              + "' (it is being deleted); it keeps its share of today's split and track "
              + track
              + " is migrated with it, but the group will stop serving on AWS once deleted. Decide"
              + " whether track "
              + track
              + " should take traffic before the cutover.");
    }
    if (capacity.inService()) {
      notes.warn(
          g.name(),
          "Capacity in "
              + capacity.unitName()
              + ": "
              + capacity.explain()
              + ". The split, the replicas and the HPA count these instances; check them.");
    } else if (!capacity.countsInstances()) {
      notes.info(
          g.name(),
          "Capacity in "
              + capacity.unitName()
              + ": "
              + capacity.explain()
              + ". The split, the replicas and the HPA count instances.");
    }
    if (g.loadBalancerNames().size() > 1) {
      notes.info(
          g.name(),
          "Auto Scaling group is behind "
              + g.loadBalancerNames().size()
              + " ELBs "
              + g.loadBalancerNames()
              + "; its Service "
              + track
              + " backs the host rules of each.");
    }
    if (!g.suspendedProcesses().isEmpty()) {
      notes.warn(
          g.name(),
          "Suspended processes "
              + g.suspendedProcesses()
              + " have no Kubernetes equivalent; ignored.");
    }
    Set<String> types = new TreeSet<>();
    g.instances()
        .forEach(
            i -> {
              if (i.instanceType() != null) {
                types.add(i.instanceType());
              }
            });
    if (!types.isEmpty()) {
      notes.info(
          g.name(),
          "Instance types "
              + types
              + " are noted, not turned into resource"
              + " requests: size the pods from measurements.");
    }
    for (ScalingPolicy p : g.scalingPolicies()) {
      if (!TrackPlanner.isCpuTarget(p)) {
        notes.warn(
            g.name(),
            "Scaling policy "
                + p.policyName()
                + " ("
                + p.policyType()
                + (p.metric() != null ? ", " + p.metric() : "")
                + ") is not mapped to the HPA.");
      }
    }
  }
}
