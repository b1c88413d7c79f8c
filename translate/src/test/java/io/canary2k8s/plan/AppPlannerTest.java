package io.canary2k8s.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.canary2k8s.config.Config;
import io.canary2k8s.split.WeightBasis;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppPlannerTest {
  final TestEstates.Recorder notes = new TestEstates.Recorder();

  App plan(String planCase) {
    Estate estate = new Estate(TestEstates.planCase(planCase), notes);
    DnsAnswers dns = new DnsAnswers(estate, notes);
    EstateGraph.Component c = EstateGraph.components(estate, dns, notes).get(0);
    AppNaming.Named named =
        new AppNaming(estate, new TrackRoles(notes), notes).name(c, new HashSet<>());
    notes.notes.clear();
    return new AppPlanner(
            estate, dns, new PlanOptions(WeightBasis.DESIRED, Config.EMPTY, "traefik:v3"), notes)
        .plan(named);
  }

  @Test
  void anApp_itsTracksRoutesAndSplits_inTheirOrder() {
    App app = plan("canary-only-elb");
    assertThat(app.name()).isEqualTo("api");
    assertThat(app.namespace()).isEqualTo("api");
    assertThat(app.loadBalancers()).containsExactly("api", "api-canary");
    assertThat(app.tracks())
        .extracting(t -> t.name() + " " + t.role().label() + " " + t.autoScalingGroup())
        .containsExactly("api stable api-stable", "api-canary canary api-canary");
    assertThat(app.routes()).extracting(Route::name).containsExactly("api", "api-canary");
    assertThat(app.shares()).extracting(s -> s.loadBalancer()).containsExactly("api", "api-canary");
    assertThat(app.otherBasisShares())
        .extracting(s -> s.basis())
        .containsOnly(WeightBasis.IN_SERVICE);
  }

  /** The notes come as the pieces run: splits, groups, routes, tracks. */
  @Test
  void theNotes_splitsThenGroupsThenRoutesThenTracks() {
    plan("cross-zone-not-captured");
    assertThat(indexOf(notes.notes, "Cross-zone load balancing was not captured"))
        .isLessThan(indexOf(notes.notes, "No container image known"));
    notes.notes.clear();
    plan("canary-only-elb");
    assertThat(indexOf(notes.notes, "Auto Scaling group is behind 2 ELBs"))
        .isLessThan(indexOf(notes.notes, "No container image known"));
    notes.notes.clear();
    plan("classic-9-1");
    assertThat(indexOf(notes.notes, "HTTPS listener uses ACM certificate"))
        .isLessThan(indexOf(notes.notes, "No container image known"));
  }

  static int indexOf(List<String> notes, String part) {
    for (int i = 0; i < notes.size(); i++) {
      if (notes.get(i).contains(part)) {
        return i;
      }
    }
    throw new AssertionError("no note with '" + part + "' in " + notes);
  }
}
