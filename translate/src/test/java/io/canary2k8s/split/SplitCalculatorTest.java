package io.canary2k8s.split;

import static org.assertj.core.api.Assertions.assertThat;

import io.canary2k8s.inventory.AutoScalingGroup;
import io.canary2k8s.inventory.ClassicLoadBalancer;
import io.canary2k8s.inventory.CrossZone;
import io.canary2k8s.inventory.Instance;
import io.canary2k8s.testing.Seeded;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SplitCalculatorTest {

  static ClassicLoadBalancer elb(String... zones) {
    return new ClassicLoadBalancer(
        "web",
        "web-1.eu-west-1.elb.amazonaws.com",
        "internet-facing",
        List.of(zones),
        List.of(),
        null,
        List.of(),
        CrossZone.ENABLED,
        null,
        null,
        List.of(),
        Map.of());
  }

  static AutoScalingGroup group(String name, int desired, List<String> zones, String... placed) {
    List<Instance> instances = new ArrayList<>();
    for (int i = 0; i < placed.length; i++) {
      instances.add(new Instance(name + "-i" + i, placed[i], "InService", "Healthy", "m5.large"));
    }
    return new AutoScalingGroup(
        name,
        null,
        0,
        100,
        desired,
        zones,
        List.of("web"),
        List.of(),
        instances,
        List.of(),
        false,
        List.of(),
        Map.of());
  }

  @Test
  void seedScenarioNineToOneWithCrossZone() {
    var stable = group("main", 9, List.of("a", "b"));
    var canary = group("canary", 1, List.of("a", "b"));
    var s =
        SplitCalculator.shares(
            elb("a", "b"), List.of(stable, canary), WeightBasis.DESIRED, true, false);
    assertThat(s.share("main")).isEqualTo(Fraction.of(9, 10));
    assertThat(s.share("canary")).isEqualTo(Fraction.of(1, 10));
  }

  /** docs/design.md, "Worked example": stable 2+2, canary 1 in a. */
  @Test
  void crossZoneOffCanaryInFewerZones() {
    var stable = group("stable", 4, List.of("a", "b"), "a", "a", "b", "b");
    var canary = group("canary", 1, List.of("a"), "a");
    var off =
        SplitCalculator.shares(
            elb("a", "b"), List.of(stable, canary), WeightBasis.IN_SERVICE, false, false);
    assertThat(off.share("canary")).isEqualTo(Fraction.of(1, 6));
    assertThat(off.share("stable")).isEqualTo(Fraction.of(5, 6));
    assertThat(off.activeZones()).containsExactly("a", "b");
    var on =
        SplitCalculator.shares(
            elb("a", "b"), List.of(stable, canary), WeightBasis.IN_SERVICE, true, false);
    assertThat(on.share("canary")).isEqualTo(Fraction.of(1, 5));
    // desired spreads evenly over the group's zones: same answer here
    var desired =
        SplitCalculator.shares(
            elb("a", "b"), List.of(stable, canary), WeightBasis.DESIRED, false, false);
    assertThat(desired.share("canary")).isEqualTo(Fraction.of(1, 6));
  }

  /** AWS docs: 2 targets in A, 8 in B; cross-zone off gives each in A 25 %, each in B 6.25 %. */
  @Test
  void awsDocumentationExample() {
    var a = group("ga", 2, List.of("a"), "a", "a");
    var b = group("gb", 8, List.of("b"), "b", "b", "b", "b", "b", "b", "b", "b");
    var off =
        SplitCalculator.shares(elb("a", "b"), List.of(a, b), WeightBasis.IN_SERVICE, false, false);
    assertThat(off.share("ga")).isEqualTo(Fraction.of(1, 2));
    assertThat(off.share("gb")).isEqualTo(Fraction.of(1, 2));
    var on =
        SplitCalculator.shares(elb("a", "b"), List.of(a, b), WeightBasis.IN_SERVICE, true, false);
    assertThat(on.share("ga")).isEqualTo(Fraction.of(1, 5));
  }

  @Test
  void instancesOutsideTheElbZonesGetNothing() {
    var stable = group("stable", 2, List.of("a", "c"), "a", "c");
    var canary = group("canary", 1, List.of("a"), "a");
    var s =
        SplitCalculator.shares(
            elb("a", "b"), List.of(stable, canary), WeightBasis.IN_SERVICE, true, false);
    assertThat(s.share("stable")).isEqualTo(Fraction.of(1, 2));
    assertThat(s.counts().get("stable")).containsOnlyKeys("a");
  }

  @Test
  void canaryScaledToZeroGetsNothingAndNoZonesAreEmptyDivisions() {
    var stable = group("stable", 3, List.of("a", "b"));
    var canary = group("canary", 0, List.of("a", "b"));
    var s =
        SplitCalculator.shares(
            elb("a", "b"), List.of(stable, canary), WeightBasis.DESIRED, false, false);
    assertThat(s.share("canary")).isEqualTo(Fraction.ZERO);
    assertThat(s.share("stable")).isEqualTo(Fraction.ONE);
    var none =
        SplitCalculator.shares(elb("a", "b"), List.of(canary), WeightBasis.DESIRED, false, false);
    assertThat(none.empty()).isTrue();
  }

  @Test
  void notInServiceInstancesDoNotCount() {
    var g =
        new AutoScalingGroup(
            "g",
            null,
            0,
            5,
            2,
            List.of("a"),
            List.of("web"),
            List.of(),
            List.of(
                new Instance("i1", "a", "InService", "Healthy", null),
                new Instance("i2", "a", "Pending", "Healthy", null),
                new Instance("i3", "a", "InService", "Unhealthy", null)),
            List.of(),
            false,
            List.of(),
            Map.of());
    assertThat(SplitCalculator.zoneCounts(g, WeightBasis.IN_SERVICE))
        .containsEntry("a", Fraction.ONE);
  }

  @Test
  void sharesAlwaysSumToOneWhenAnythingRuns() {
    Seeded.forAll(
        "shares sum to one",
        300,
        rnd -> {
          List<String> zones = List.of("a", "b", "c").subList(0, 1 + rnd.nextInt(3));
          List<AutoScalingGroup> groups = new ArrayList<>();
          int n = 1 + rnd.nextInt(4);
          for (int g = 0; g < n; g++) {
            List<String> gz = new ArrayList<>();
            for (String z : List.of("a", "b", "c", "d")) {
              if (rnd.nextBoolean()) {
                gz.add(z);
              }
            }
            if (gz.isEmpty()) {
              gz.add("a");
            }
            String[] placed = new String[rnd.nextInt(6)];
            for (int i = 0; i < placed.length; i++) {
              placed[i] = gz.get(rnd.nextInt(gz.size()));
            }
            groups.add(group("g" + g, rnd.nextInt(20), gz, placed));
          }
          for (WeightBasis basis : WeightBasis.values()) {
            for (boolean cz : new boolean[] {true, false}) {
              var s =
                  SplitCalculator.shares(
                      elb(zones.toArray(String[]::new)), groups, basis, cz, false);
              Fraction sum = Fraction.ZERO;
              for (Fraction f : s.shares().values()) {
                sum = sum.plus(f);
              }
              assertThat(sum).isEqualTo(s.empty() ? Fraction.ZERO : Fraction.ONE);
            }
          }
        });
  }
}
