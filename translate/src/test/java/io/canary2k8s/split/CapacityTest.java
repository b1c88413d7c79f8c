package io.canary2k8s.split;

import static org.assertj.core.api.Assertions.assertThat;

import io.canary2k8s.inventory.AutoScalingGroup;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CapacityTest {
  @Test
  void theGroupsValues_asGiven() {
    AutoScalingGroup g =
        new AutoScalingGroup(
            "g",
            "arn",
            2,
            9,
            5,
            List.of("a"),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            false,
            List.of(),
            Map.of());
    assertThat(Capacity.min(g)).isEqualTo(2);
    assertThat(Capacity.desired(g)).isEqualTo(5);
    assertThat(Capacity.max(g)).isEqualTo(9);
  }
}
