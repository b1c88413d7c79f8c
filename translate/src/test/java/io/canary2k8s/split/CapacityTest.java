package io.canary2k8s.split;

import static org.assertj.core.api.Assertions.assertThat;

import io.canary2k8s.inventory.AutoScalingGroup;
import io.canary2k8s.inventory.AutoScalingGroup.InstanceOverride;
import io.canary2k8s.inventory.Instance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CapacityTest {
  static AutoScalingGroup group(
      int min,
      int desired,
      int max,
      String type,
      List<InstanceOverride> overrides,
      List<Instance> instances) {
    return new AutoScalingGroup(
        "g",
        "arn",
        min,
        max,
        desired,
        List.of("a", "b"),
        List.of(),
        List.of(),
        instances,
        List.of(),
        !overrides.isEmpty(),
        List.of(),
        Map.of(),
        null,
        type,
        overrides);
  }

  static List<Instance> instances(int n, Integer weight) {
    List<Instance> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new Instance("i-" + i, i % 2 == 0 ? "a" : "b", "InService", "Healthy", "m5", weight));
    }
    return out;
  }

  @Test
  void instances_theGroupsValuesAsGiven() {
    Capacity c = Capacity.of(group(2, 5, 9, null, List.of(), List.of()));
    assertThat(c.min()).isEqualTo(2);
    assertThat(c.desired()).isEqualTo(5);
    assertThat(c.max()).isEqualTo(9);
    assertThat(c.countsInstances()).isTrue();
    assertThat(c.explain()).isNull();
    assertThat(Capacity.desired(group(2, 5, 9, "units", List.of(), instances(5, null))))
        .isEqualTo(5);
  }

  @Test
  void weightedOverrides_unitsDividedByTheWeight_roundedUp() {
    Capacity c =
        Capacity.of(
            group(
                4,
                10,
                40,
                "units",
                List.of(new InstanceOverride("m5.xlarge", 4)),
                instances(3, 4)));
    assertThat(c.desired()).isEqualTo(3); // AWS launches until 10 units are met: 12
    assertThat(c.min()).isEqualTo(1);
    assertThat(c.max()).isEqualTo(10);
    assertThat(c.weight()).isEqualTo(4);
    assertThat(c.countsInstances()).isFalse();
    assertThat(c.explain())
        .isEqualTo(
            "desired capacity 10 units at 4 per instance (instance type m5.xlarge) = 3 instances;"
                + " min 4 = 1, max 40 = 10");
  }

  @Test
  void weightsOfOne_countInstances() {
    Capacity c =
        Capacity.of(
            group(1, 3, 6, null, List.of(new InstanceOverride("m5.large", 1)), instances(3, 1)));
    assertThat(c.countsInstances()).isTrue();
    assertThat(c.desired()).isEqualTo(3);
  }

  @Test
  void vcpu_theInstancesWeights() {
    Capacity c = Capacity.of(group(0, 16, 64, "vcpu", List.of(), instances(4, 4)));
    assertThat(c.desired()).isEqualTo(4);
    assertThat(c.max()).isEqualTo(16);
    assertThat(c.unitName()).isEqualTo("vCPUs");
    assertThat(c.explain())
        .startsWith("desired capacity 16 vCPUs at 4 per instance (instance i-0)");
  }

  @Test
  void memory_noInstanceToReadAWeightFrom_theInServiceInstances() {
    Capacity c = Capacity.of(group(0, 8192, 65536, "memory-mib", List.of(), List.of()));
    assertThat(c.inService()).isTrue();
    assertThat(c.desired()).isZero();
    assertThat(c.explain())
        .isEqualTo(
            "desired capacity 8192 MiB cannot be turned into instances (no in-service instance"
                + " gives its weight); the 0 in-service instances are counted instead; min 0 and"
                + " max 65536 bound 0 to 65536 instances");
  }

  @Test
  void differentWeights_theInServiceInstances_minAndMaxBoundedByTheWeights() {
    List<Instance> now = new ArrayList<>(instances(2, 2));
    now.add(new Instance("i-9", "a", "InService", "Healthy", "m5.xlarge", 4));
    now.add(new Instance("i-p", "a", "Pending", "Healthy", "m5.xlarge", 4));
    Capacity c =
        Capacity.of(
            group(
                4,
                8,
                40,
                null,
                List.of(new InstanceOverride("m5.large", 2), new InstanceOverride("m5.xlarge", 4)),
                now));
    assertThat(c.inService()).isTrue();
    assertThat(c.desired()).isEqualTo(3);
    assertThat(c.min()).isEqualTo(1); // 4 units of the largest weight
    assertThat(c.max()).isEqualTo(20); // 40 units of the smallest
    assertThat(c.explain())
        .startsWith("desired capacity 8 units cannot be turned into instances (instances weigh")
        .contains("instance type m5.large 2, instance type m5.xlarge 4")
        .contains("the 3 in-service instances are counted instead");
  }

  @Test
  void anInstanceKeepsTheWeightItLaunchedWith() {
    // the override's weight changed to 4; a running instance still counts 2: not one weight
    Capacity c =
        Capacity.of(
            group(
                0,
                8,
                16,
                null,
                List.of(new InstanceOverride("m5.xlarge", 4)),
                List.of(
                    new Instance("i-1", "a", "InService", "Healthy", "m5.xlarge", 4),
                    new Instance("i-2", "b", "InService", "Healthy", "m5.large", 2))));
    assertThat(c.inService()).isTrue();
    assertThat(c.desired()).isEqualTo(2);
  }

  @Test
  void splitCalculator_countsTheInServiceInstancesWhereTheyAre_whenWeightsDoNotSay() {
    List<Instance> now =
        List.of(
            new Instance("i-1", "a", "InService", "Healthy", "m5.large", 2),
            new Instance("i-2", "a", "InService", "Healthy", "m5.xlarge", 4));
    AutoScalingGroup g =
        group(
            0,
            6,
            12,
            null,
            List.of(new InstanceOverride("m5.large", 2), new InstanceOverride("m5.xlarge", 4)),
            now);
    assertThat(SplitCalculator.zoneCounts(g, WeightBasis.DESIRED))
        .containsExactly(Map.entry("a", Fraction.of(2, 1)));
    AutoScalingGroup even =
        group(0, 8, 16, null, List.of(new InstanceOverride("m5.large", 2)), List.of());
    assertThat(SplitCalculator.zoneCounts(even, WeightBasis.DESIRED))
        .containsExactly(Map.entry("a", Fraction.of(2, 1)), Map.entry("b", Fraction.of(2, 1)));
  }
}
