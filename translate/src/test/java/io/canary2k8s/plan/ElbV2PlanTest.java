package io.canary2k8s.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.canary2k8s.config.Config;
import io.canary2k8s.discover.CaptureReader;
import io.canary2k8s.notes.Note;
import io.canary2k8s.notes.Notes;
import io.canary2k8s.split.Fraction;
import io.canary2k8s.split.LoadBalancerShares;
import io.canary2k8s.split.WeightBasis;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Plans from ELBv2 captures that are not bundle samples (they route nothing the edge serves). */
class ElbV2PlanTest {
  static Path capture(String name) throws URISyntaxException {
    return Path.of(ElbV2PlanTest.class.getResource("/captures/" + name + "/capture").toURI());
  }

  /**
   * An NLB with cross-zone off (its attribute; the target group uses the load balancer's): one
   * target group fed by a stable ASG of 4 over two zones and a canary of 1 in one zone. The worked
   * example of docs/design.md ("Worked example") inside the target group: canary 1/2 · 1/3 = 1/6.
   */
  @Test
  void nlbCrossZoneOffResolvedFromTheLoadBalancer() throws Exception {
    Notes notes = new Notes();
    Plan plan =
        PlanBuilder.build(
            CaptureReader.read(capture("nlb-cross-zone-off")),
            new PlanOptions(WeightBasis.DESIRED, Config.EMPTY, "traefik:v3"),
            notes.scoped("translate/plan"));
    App app = plan.apps().get(0);
    LoadBalancerShares s = app.shares().get(0);
    assertThat(s.rule()).isEqualTo("TCP:7000 default rule");
    assertThat(s.targetGroups())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.crossZone()).isFalse();
              assertThat(t.crossZoneSource()).isEqualTo("load balancer attribute");
            });
    assertThat(s.share("tcp-app-canary")).isEqualTo(Fraction.of(1, 6));
    assertThat(s.share("tcp-app-stable")).isEqualTo(Fraction.of(5, 6));
    assertThat(app.routes())
        .as("the NLB's TCP listener becomes a TCP route with the recovered split")
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.listener().label()).isEqualTo("TCP:7000");
              assertThat(r.backends())
                  .extracting(Route.Backend::share)
                  .containsExactly(Fraction.of(5, 6), Fraction.of(1, 6));
            });
    List<String> messages = notes.sorted().stream().map(Note::message).toList();
    assertThat(messages).anyMatch(m -> m.startsWith("Listener TCP:7000 becomes TCP route"));
  }
}
