package io.canary2k8s.plan;

import static io.canary2k8s.plan.TestEstates.A;
import static io.canary2k8s.plan.TestEstates.B;
import static io.canary2k8s.plan.TestEstates.asg;
import static org.assertj.core.api.Assertions.assertThat;

import io.canary2k8s.inventory.AutoScalingGroup;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrackRolesTest {
  final TestEstates.Recorder notes = new TestEstates.Recorder();
  final TrackRoles roles = new TrackRoles(notes);

  static AutoScalingGroup tagged(String name, int desired, String track) {
    return asg(name, desired, List.of(A, B), Map.of(PlanBuilder.TAG_TRACK, track), "lb");
  }

  @Test
  void stable_theLargestByDesiredCapacity() {
    assertThat(roles.stable(List.of(asg("a", 1), asg("b", 9), asg("c", 2))).name()).isEqualTo("b");
    assertThat(notes.notes).isEmpty();
  }

  @Test
  void stable_taggedStable_winsOverSize() {
    assertThat(roles.stable(List.of(asg("big", 9), tagged("small", 1, "stable"))).name())
        .isEqualTo("small");
    assertThat(notes.notes).isEmpty();
  }

  @Test
  void stable_aCanaryTag_doesNotMakeAGroupStable() {
    assertThat(roles.stable(List.of(tagged("big", 9, "canary"), asg("small", 1))).name())
        .isEqualTo("big");
  }

  @Test
  void stable_severalTaggedStable_theLargest_withAWarning() {
    AutoScalingGroup s =
        roles.stable(List.of(tagged("a", 2, "stable"), tagged("b", 3, "stable"), asg("c", 1)));
    assertThat(s.name()).isEqualTo("b");
    assertThat(notes.notes)
        .containsExactly(
            "WARNING a: Several Auto Scaling groups are tagged canary2k8s.io/track=stable [a, b];"
                + " the largest is taken as the stable track.");
  }

  @Test
  void stable_aTieInSize_theFirstByName_withAWarning() {
    assertThat(roles.stable(List.of(asg("geo-b", 2), asg("geo-a", 2))).name()).isEqualTo("geo-a");
    assertThat(notes.notes)
        .containsExactly(
            "WARNING geo-a: Several Auto Scaling groups have the same desired capacity; geo-a is"
                + " taken as the stable track (tag the right one canary2k8s.io/track=stable).");
  }

  @Test
  void stable_oneGroup_isStable_withoutANote() {
    assertThat(roles.stable(List.of(asg("only", 0))).name()).isEqualTo("only");
    assertThat(notes.notes).isEmpty();
  }
}
