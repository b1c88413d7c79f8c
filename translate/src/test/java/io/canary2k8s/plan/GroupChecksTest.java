package io.canary2k8s.plan;

import static io.canary2k8s.plan.TestEstates.A;
import static org.assertj.core.api.Assertions.assertThat;

import io.canary2k8s.inventory.AutoScalingGroup;
import io.canary2k8s.inventory.Instance;
import io.canary2k8s.inventory.ScalingPolicy;
import io.canary2k8s.split.WeightBasis;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupChecksTest {
  final TestEstates.Recorder notes = new TestEstates.Recorder();

  @Test
  void aGroupAsItsTrackHasIt_noNote() {
    GroupChecks.check(TestEstates.asg("g", 2, "web"), "shop", WeightBasis.DESIRED, notes);
    assertThat(notes.notes).isEmpty();
  }

  @Test
  void aGroupBeingDeleted_keepsItsShare_withAWarning() {
    AutoScalingGroup g = TestEstates.asg("g", 2, "web");
    AutoScalingGroup deleting =
        new AutoScalingGroup(
            g.name(),
            g.arn(),
            g.minSize(),
            g.maxSize(),
            g.desiredCapacity(),
            g.availabilityZones(),
            g.loadBalancerNames(),
            g.targetGroupArns(),
            g.instances(),
            g.suspendedProcesses(),
            g.mixedInstancesPolicy(),
            g.scalingPolicies(),
            g.tags(),
            "Delete in progress",
            null,
            List.of());
    GroupChecks.check(deleting, "shop-canary", WeightBasis.DESIRED, notes);
    assertThat(notes.notes)
        .containsExactly(
            "WARNING g: Auto Scaling group has status 'Delete in progress' (it is being deleted);"
                + " it keeps its share of today's split and track shop-canary is migrated with it,"
                + " but the group will stop serving on AWS once deleted. Decide whether track"
                + " shop-canary should take traffic before the cutover.");
  }

  @Test
  void everythingTheTrackDoesNotTake_isNoted() {
    AutoScalingGroup g =
        new AutoScalingGroup(
            "g",
            "arn",
            1,
            4,
            2,
            List.of(A),
            List.of("web", "web-internal"),
            List.of(),
            List.of(new Instance("i-1", A, "InService", "Healthy", "m5.large")),
            List.of("AZRebalance"),
            true,
            List.of(
                new ScalingPolicy("steps", "StepScaling", null, null, true),
                new ScalingPolicy(
                    "cpu", "TargetTrackingScaling", "ASGAverageCPUUtilization", 50.0, true)),
            Map.of());
    GroupChecks.check(g, "shop", WeightBasis.IN_SERVICE, notes);
    assertThat(notes.notes)
        .containsExactly(
            "WARNING g: Desired capacity is 2 but 1 instance is in service; the split uses"
                + " in-service.",
            "INFO g: Auto Scaling group is behind 2 ELBs [web, web-internal]; its Service shop"
                + " backs the host rules of each.",
            "WARNING g: Suspended processes [AZRebalance] have no Kubernetes equivalent; ignored.",
            "INFO g: Instance types [m5.large] are noted, not turned into resource requests: size"
                + " the pods from measurements.",
            "WARNING g: Scaling policy steps (StepScaling) is not mapped to the HPA.");
  }
}
