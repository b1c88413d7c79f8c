package io.canary2k8s.plan;

import static io.canary2k8s.plan.TestEstates.A;
import static io.canary2k8s.plan.TestEstates.B;
import static io.canary2k8s.plan.TestEstates.asg;
import static org.assertj.core.api.Assertions.assertThat;

import io.canary2k8s.inventory.AutoScalingGroup;
import io.canary2k8s.testing.Seeded;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrackRolesTest {
  final TestEstates.Recorder notes = new TestEstates.Recorder();
  final TrackRoles roles = new TrackRoles(notes);

  static AutoScalingGroup tagged(String name, int desired, String track) {
    return asg(name, desired, List.of(A, B), Map.of(PlanBuilder.TAG_TRACK, track), "lb");
  }

  // ---- the tag ----------------------------------------------------------------------------------

  @Test
  void tag_stable_winsOverNamesAndSize() {
    TrackRoles.Decision d = roles.decide(List.of(asg("big", 9), tagged("web-canary", 1, "stable")));
    assertThat(d.stable().name()).isEqualTo("web-canary");
    assertThat(d.rule()).isEqualTo("the canary2k8s.io/track tag");
    assertThat(notes.notes).isEmpty();
  }

  @Test
  void tag_anyCase_andSpaces() {
    assertThat(roles.stable(List.of(asg("big", 9), tagged("small", 1, " Stable ")))).isNotNull();
    assertThat(roles.stable(List.of(asg("big", 9), tagged("small", 1, " Stable "))).name())
        .isEqualTo("small");
  }

  @Test
  void tag_aCanaryTag_makesTheOneUntaggedGroupStable_evenWhenSmaller() {
    TrackRoles.Decision d = roles.decide(List.of(tagged("big", 9, "canary"), asg("small", 1)));
    assertThat(d.stable().name()).isEqualTo("small");
    assertThat(d.rule())
        .isEqualTo("the canary2k8s.io/track tag (the other groups are tagged canaries)");
    assertThat(notes.notes).isEmpty();
  }

  @Test
  void tag_aBlankValue_isNoTag() {
    TrackRoles.Decision d = roles.decide(List.of(tagged("web-canary", 9, " "), asg("web", 1)));
    assertThat(d.stable().name()).isEqualTo("web");
    assertThat(d.rule()).isEqualTo("the names (canary in [web-canary])");
  }

  @Test
  void tag_severalStable_theNamesChooseAmongThem_withAWarning() {
    TrackRoles.Decision d =
        roles.decide(
            List.of(
                tagged("web-canary", 9, "stable"), tagged("web-main", 3, "stable"), asg("c", 1)));
    assertThat(d.stable().name()).isEqualTo("web-main");
    assertThat(d.rule())
        .isEqualTo(
            "the canary2k8s.io/track tag (several groups say stable), then the names (canary in"
                + " [web-canary])");
    assertThat(notes.notes)
        .containsExactly(
            "WARNING web-main: Several Auto Scaling groups are tagged canary2k8s.io/track=stable"
                + " [web-canary, web-main]; web-main is taken as the stable track by its name,"
                + " the others are canaries. Tag only the stable group"
                + " canary2k8s.io/track=stable.");
  }

  @Test
  void tag_severalStable_namesDoNotTell_theLargest_withAWarning() {
    AutoScalingGroup s =
        roles.stable(List.of(tagged("a", 2, "stable"), tagged("b", 3, "stable"), asg("c", 9)));
    assertThat(s.name()).isEqualTo("b");
    assertThat(notes.notes)
        .containsExactly(
            "WARNING b: Several Auto Scaling groups are tagged canary2k8s.io/track=stable [a, b];"
                + " Auto Scaling group b is taken as the stable track, being the largest of [a, b]"
                + " by desired instances (3): a guess. Tag the stable group"
                + " canary2k8s.io/track=stable to say which it is.");
  }

  @Test
  void tag_everyGroupACanary_theLargest_withAWarning() {
    TrackRoles.Decision d = roles.decide(List.of(tagged("a", 2, "green"), tagged("b", 5, "blue")));
    assertThat(d.stable().name()).isEqualTo("b");
    assertThat(d.rule())
        .isEqualTo(
            "the canary2k8s.io/track tag (every group is tagged as a canary), then size (the"
                + " largest by desired instances)");
    assertThat(notes.notes).singleElement().asString().startsWith("WARNING b: Every Auto Scaling");
  }

  @Test
  void tag_someCanaries_theNamesChooseAmongTheUntagged() {
    TrackRoles.Decision d =
        roles.decide(
            List.of(tagged("green", 9, "green"), asg("shop-canary", 4), asg("shop-live", 2)));
    assertThat(d.stable().name()).isEqualTo("shop-live");
    assertThat(d.rule())
        .isEqualTo(
            "the canary2k8s.io/track tag (canaries [green]), then the names (canary in"
                + " [shop-canary])");
  }

  // ---- the names ----------------------------------------------------------------------------

  @Test
  void names_canaryAsAWord_anyCaseAndSeparator() {
    assertThat(TrackRoles.namesCanary("web-canary")).isTrue();
    assertThat(TrackRoles.namesCanary("Web_CANARY_2")).isTrue();
    assertThat(TrackRoles.namesCanary("canary.web")).isTrue();
    assertThat(TrackRoles.namesCanary("canary")).isTrue();
    assertThat(TrackRoles.namesCanary("webcanary")).isFalse();
    assertThat(TrackRoles.namesCanary("canaryweb-1")).isFalse();
    assertThat(TrackRoles.namesCanary("web canary")).isFalse(); // a space separates no word
  }

  @Test
  void names_aLargerCanary_staysTheCanary_withAnInfo() {
    TrackRoles.Decision d = roles.decide(List.of(asg("web-canary", 12), asg("web-main", 3)));
    assertThat(d.stable().name()).isEqualTo("web-main");
    assertThat(d.rule()).isEqualTo("the names (canary in [web-canary])");
    assertThat(notes.notes)
        .containsExactly(
            "INFO web-main: Roles from the names: [web-canary] named as a canary, so web-main is"
                + " the stable track (tag it canary2k8s.io/track=stable to say so).");
  }

  @Test
  void names_onBoth_doNotTell_sizeDecides_withAWarning() {
    TrackRoles.Decision d = roles.decide(List.of(asg("canary-a", 2), asg("canary-b", 5)));
    assertThat(d.stable().name()).isEqualTo("canary-b");
    assertThat(d.rule()).isEqualTo("size (the largest by desired instances)");
    assertThat(notes.notes).singleElement().asString().startsWith("WARNING canary-b:");
  }

  @Test
  void names_severalWithout_sizeAmongThem() {
    TrackRoles.Decision d =
        roles.decide(List.of(asg("web-canary", 20), asg("web-blue", 3), asg("web-green", 2)));
    assertThat(d.stable().name()).isEqualTo("web-blue");
    assertThat(d.rule())
        .isEqualTo(
            "the names (canary in [web-canary]), then size (the largest by desired"
                + " instances)");
    assertThat(notes.notes)
        .containsExactly(
            "WARNING web-blue: Auto Scaling group web-blue is taken as the stable track, being the"
                + " largest of [web-blue, web-green] by desired instances (3): a guess. Tag the"
                + " stable group canary2k8s.io/track=stable to say which it is.");
  }

  // ---- size ---------------------------------------------------------------------------------

  @Test
  void size_theLargest_withAWarningAskingForTheTag() {
    TrackRoles.Decision d = roles.decide(List.of(asg("a", 1), asg("b", 9), asg("c", 2)));
    assertThat(d.stable().name()).isEqualTo("b");
    assertThat(d.rule()).isEqualTo("size (the largest by desired instances)");
    assertThat(notes.notes)
        .containsExactly(
            "WARNING b: Auto Scaling group b is taken as the stable track, being the largest of"
                + " [a, b, c] by desired instances (9): a guess. Tag the stable group"
                + " canary2k8s.io/track=stable to say which it is.");
  }

  @Test
  void size_aTie_theFirstByName_withAWarning() {
    assertThat(roles.stable(List.of(asg("geo-b", 2), asg("geo-a", 2))).name()).isEqualTo("geo-a");
    assertThat(notes.notes)
        .containsExactly(
            "WARNING geo-a: Auto Scaling group geo-a is taken as the stable track, being the"
                + " largest of [geo-a, geo-b] by desired instances (a tie: the first by name): a"
                + " guess. Tag the stable group canary2k8s.io/track=stable to say which it is.");
  }

  @Test
  void oneGroup_isStable_withoutANote() {
    TrackRoles.Decision d = roles.decide(List.of(asg("web-canary", 0)));
    assertThat(d.stable().name()).isEqualTo("web-canary");
    assertThat(d.rule()).isEqualTo("one Auto Scaling group");
    assertThat(notes.notes).isEmpty();
  }

  /**
   * Whatever the order the groups come in, the same decision and notes; a group that the tag or the
   * names mark a canary is never the stable track, however large, unless every group is so marked.
   */
  @Test
  void property_orderFree_andMarkedCanariesNeverStable() {
    String[] names = {"web", "web-canary", "web_CANARY.2", "canary", "blue", "green-canary"};
    String[] tags = {null, null, null, "stable", "canary", "v2", " STABLE"};
    Seeded.forAll(
        "track roles",
        300,
        rnd -> {
          List<AutoScalingGroup> groups = new ArrayList<>();
          int n = 1 + rnd.nextInt(4);
          List<String> pool = new ArrayList<>(List.of(names));
          Collections.shuffle(pool, rnd);
          for (int i = 0; i < n; i++) {
            String tag = tags[rnd.nextInt(tags.length)];
            int desired = rnd.nextInt(20);
            groups.add(tag == null ? asg(pool.get(i), desired) : tagged(pool.get(i), desired, tag));
          }
          TestEstates.Recorder a = new TestEstates.Recorder();
          TrackRoles.Decision first = new TrackRoles(a).decide(groups);
          List<AutoScalingGroup> shuffled = new ArrayList<>(groups);
          Collections.shuffle(shuffled, rnd);
          TestEstates.Recorder b = new TestEstates.Recorder();
          TrackRoles.Decision second = new TrackRoles(b).decide(shuffled);
          assertThat(second.stable().name()).isEqualTo(first.stable().name());
          assertThat(second.rule()).isEqualTo(first.rule());
          assertThat(b.notes).isEqualTo(a.notes);
          long stableTags =
              groups.stream()
                  .filter(g -> TrackRoles.isStableTag(g.tags().get(PlanBuilder.TAG_TRACK)))
                  .count();
          if (stableTags == 1) {
            assertThat(TrackRoles.isStableTag(first.stable().tags().get(PlanBuilder.TAG_TRACK)))
                .isTrue();
          }
          boolean someUnmarked =
              groups.stream()
                  .anyMatch(
                      g ->
                          !g.tags().containsKey(PlanBuilder.TAG_TRACK)
                              && !TrackRoles.namesCanary(g.name()));
          String stableTag = first.stable().tags().get(PlanBuilder.TAG_TRACK);
          if (stableTags == 0 && someUnmarked) {
            assertThat(stableTag).as("a group tagged a canary is not stable").isNull();
            assertThat(TrackRoles.namesCanary(first.stable().name()))
                .as("a group named a canary is not stable while another is not")
                .isFalse();
          }
        });
  }

  /**
   * Whole plans of one ELB in front of a stable and a canary group, the canary sometimes larger (a
   * rollout past half, or simply more canary instances), marked by the tag on either group or by
   * its name: the canary group is the canary track, its route's canary share is its share of the
   * instances, {@code promote} sends it every request and {@code rollback} none.
   */
  @Test
  void property_aLargerCanary_staysTheCanary_inThePlanAndEveryStep() {
    Seeded.forAll(
        "larger canaries",
        200,
        rnd -> {
          int stableSize = 1 + rnd.nextInt(6);
          int canarySize = rnd.nextBoolean() ? stableSize + 1 + rnd.nextInt(12) : rnd.nextInt(4);
          if (canarySize == 0) {
            canarySize = 1;
          }
          int how = rnd.nextInt(3);
          String stableName = how == 2 ? "feed-main" : "feed-a";
          String canaryName = how == 2 ? "feed_Canary.2" : "feed-b";
          Map<String, String> stableTags =
              how == 0 ? Map.of(PlanBuilder.TAG_TRACK, "stable") : Map.of();
          Map<String, String> canaryTags =
              how == 1 ? Map.of(PlanBuilder.TAG_TRACK, "next") : Map.of();
          List<AutoScalingGroup> groups =
              List.of(
                  asg(stableName, stableSize, List.of(A, B), stableTags, "feed"),
                  asg(canaryName, canarySize, List.of(A, B), canaryTags, "feed"));
          TestEstates.Recorder n = new TestEstates.Recorder();
          Plan plan =
              PlanBuilder.build(
                  TestEstates.inventory(
                      List.of(TestEstates.elb("feed")),
                      rnd.nextBoolean() ? groups : List.of(groups.get(1), groups.get(0)),
                      List.of(TestEstates.cname("feed.example.com", "feed"))),
                  new PlanOptions(
                      io.canary2k8s.split.WeightBasis.DESIRED,
                      io.canary2k8s.config.Config.EMPTY,
                      "traefik:v3"),
                  n);
          App app = plan.apps().get(0);
          assertThat(app.stable().autoScalingGroup()).isEqualTo(stableName);
          assertThat(n.notes).noneMatch(s -> s.contains("a guess"));
          String canaryTrack =
              app.tracks().stream()
                  .filter(t -> t.role() == Role.CANARY)
                  .findFirst()
                  .orElseThrow()
                  .name();
          Route route = app.routes().stream().filter(Route::split).findFirst().orElseThrow();
          assertThat(
                  route.backends().stream()
                      .filter(b -> b.track().equals(canaryTrack))
                      .map(Route.Backend::share)
                      .findFirst()
                      .orElseThrow())
              .isEqualTo(io.canary2k8s.split.Fraction.of(canarySize, stableSize + canarySize));
          for (Step step : Step.defaults()) {
            List<String> tracks =
                step.apply(route, app).backends().stream().map(Route.Backend::track).toList();
            if (step.canaryPercent() == 100) {
              assertThat(tracks).as(step.name()).containsExactly(canaryTrack);
            } else if (step.canaryPercent() == 0) {
              assertThat(tracks).as(step.name()).containsExactly(app.stable().name());
            }
            if (!step.rollback()) {
              assertThat(Step.canaryShare(step.apply(route, app), app))
                  .as(step.name() + " never lowers the canary's share")
                  .isGreaterThanOrEqualTo(Step.canaryShare(route, app));
            }
          }
        });
  }
}
