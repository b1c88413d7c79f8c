package io.canary2k8s.plan;

import static io.canary2k8s.plan.TestEstates.A;
import static io.canary2k8s.plan.TestEstates.B;
import static io.canary2k8s.plan.TestEstates.asg;
import static io.canary2k8s.plan.TestEstates.elb;
import static io.canary2k8s.plan.TestEstates.http;
import static io.canary2k8s.plan.TestEstates.https;
import static io.canary2k8s.plan.TestEstates.inventory;
import static org.assertj.core.api.Assertions.assertThat;

import io.canary2k8s.config.Config;
import io.canary2k8s.inventory.AutoScalingGroup;
import io.canary2k8s.inventory.ClassicLoadBalancer;
import io.canary2k8s.inventory.CrossZone;
import io.canary2k8s.inventory.HealthCheck;
import io.canary2k8s.inventory.Inventory;
import io.canary2k8s.inventory.Listener;
import io.canary2k8s.inventory.ScalingPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrackPlannerTest {
  final TestEstates.Recorder notes = new TestEstates.Recorder();

  Track track(Inventory inventory, Config config, String group, Role role) {
    Estate estate = new Estate(inventory, notes);
    List<String> lbs = List.copyOf(estate.classicLoadBalancers().keySet());
    notes.notes.clear();
    return new TrackPlanner(estate, config, notes)
        .track("shop", estate.group(group), role, "shop-track", lbs);
  }

  static AutoScalingGroup scaling(int min, int max, List<ScalingPolicy> policies) {
    return new AutoScalingGroup(
        "g",
        "arn",
        min,
        max,
        3,
        List.of(A, B),
        List.of("web"),
        List.of(),
        List.of(),
        List.of(),
        false,
        policies,
        Map.of());
  }

  static ClassicLoadBalancer drained(String name, Integer draining, Listener... listeners) {
    return new ClassicLoadBalancer(
        name,
        TestEstates.dns(name),
        null,
        List.of(A, B),
        List.of(listeners),
        new HealthCheck("HTTP:8080/health", 10, 5, 2, 3),
        List.of(),
        CrossZone.ENABLED,
        draining,
        null,
        List.of(),
        Map.of());
  }

  @Test
  void aStableTrack_replicas_ports_probe_grace_hpa_andDefaults() {
    Track t =
        track(
            inventory(
                List.of(drained("web", 30, http(8080), https(8443, "arn:c"))),
                List.of(scaling(2, 10, List.of())),
                List.of()),
            Config.EMPTY,
            "g",
            Role.STABLE);
    assertThat(t.replicas()).isEqualTo(3);
    assertThat(t.ports())
        .containsExactly(new Track.Port("http", 8080), new Track.Port("http-8443", 8443));
    assertThat(t.probe().path()).isEqualTo("/health");
    assertThat(t.terminationGracePeriodSeconds()).isEqualTo(35);
    assertThat(t.scaling())
        .isEqualTo(
            new Track.Scaling(
                3,
                10,
                80,
                "no CPU target-tracking policy; Kubernetes' default of 80 %",
                "today's desired instances; the group's MinSize is 2"));
    assertThat(t.resources()).isEqualTo(TrackPlanner.DEFAULT_RESOURCES);
    assertThat(t.image().placeholder()).isTrue();
    assertThat(notes.notes)
        .containsExactly(
            "ACTION g: No container image known for track shop-track; the placeholder"
                + " registry.invalid/canary2k8s-set-me/g:unknown is used. Set apps.shop.image (or"
                + " apps.shop.tracks.shop-track.image) in canary2k8s.yaml, or tag the Auto Scaling"
                + " group canary2k8s.io/image.",
            "INFO web: Connection draining of 30 s becomes terminationGracePeriodSeconds 35 on"
                + " shop-track.",
            "INFO g: HPA minReplicas is today's 3 desired instances, not the group's MinSize 2:"
                + " the HPA owns the replicas, so the first apply starts at 3 pods and the HPA"
                + " does not scale below them before the traffic arrives. Lower minReplicas to 2"
                + " once the DNS cutover is done.",
            "INFO shop: No resources configured (apps.shop.resources in canary2k8s.yaml); requests"
                + " of 250m CPU and 256Mi memory, limit 512Mi, are used.");
  }

  @Test
  void aCanaryTrack_noHpa_andNoResourcesNote() {
    Track t =
        track(
            inventory(List.of(elb("web")), List.of(scaling(1, 5, List.of())), List.of()),
            Config.EMPTY,
            "g",
            Role.CANARY);
    assertThat(t.scaling()).isNull();
    assertThat(t.role()).isEqualTo(Role.CANARY);
    assertThat(notes.notes).singleElement().asString().startsWith("ACTION g: No container image");
  }

  static AutoScalingGroup scaling(int min, int desired, int max, List<ScalingPolicy> policies) {
    AutoScalingGroup g = scaling(min, max, policies);
    return new AutoScalingGroup(
        g.name(),
        g.arn(),
        min,
        max,
        desired,
        g.availabilityZones(),
        g.loadBalancerNames(),
        g.targetGroupArns(),
        g.instances(),
        g.suspendedProcesses(),
        false,
        policies,
        Map.of());
  }

  @Test
  void hpa_fromACpuTargetTrackingPolicy_minZeroAndNothingDesiredIsOne() {
    ScalingPolicy cpu =
        new ScalingPolicy(
            "cpu-60", "TargetTrackingScaling", "ASGAverageCPUUtilization", 60.4, true);
    ScalingPolicy step = new ScalingPolicy("step", "StepScaling", null, null, true);
    Track t =
        track(
            inventory(
                List.of(elb("web")), List.of(scaling(0, 0, 6, List.of(step, cpu))), List.of()),
            Config.EMPTY,
            "g",
            Role.STABLE);
    assertThat(t.scaling())
        .isEqualTo(
            new Track.Scaling(
                1,
                6,
                60,
                "target tracking policy cpu-60 (ASG CPU is of the instance, HPA CPU is of the pod's"
                    + " request)",
                "1: an HPA cannot scale to zero"));
    assertThat(notes.notes)
        .contains(
            "INFO g: Desired capacity and MinSize 0 become HPA minReplicas 1 (an HPA cannot scale"
                + " to zero).");
  }

  @Test
  void hpa_minIsTodaysDesired_theGroupsMinWhenTheyAgree() {
    assertThat(
            track(
                    inventory(
                        List.of(elb("web")), List.of(scaling(2, 7, 12, List.of())), List.of()),
                    Config.EMPTY,
                    "g",
                    Role.STABLE)
                .scaling())
        .extracting(Track.Scaling::min, Track.Scaling::max, Track.Scaling::minOrigin)
        .containsExactly(7, 12, "today's desired instances; the group's MinSize is 2");
    assertThat(
            track(
                    inventory(
                        List.of(elb("web")), List.of(scaling(4, 4, 12, List.of())), List.of()),
                    Config.EMPTY,
                    "g",
                    Role.STABLE)
                .scaling())
        .extracting(Track.Scaling::min, Track.Scaling::max, Track.Scaling::minOrigin)
        .containsExactly(4, 12, null);
  }

  @Test
  void image_anInvalidTag_thePlaceholder_andAnActionNamingTheGroupAndTag() {
    Inventory inv =
        inventory(
            List.of(elb("web")),
            List.of(
                asg(
                    "g",
                    1,
                    List.of(A),
                    Map.of(PlanBuilder.TAG_IMAGE, "reg/app:1\nimage: evil"),
                    "web")),
            List.of());
    Track t = track(inv, Config.EMPTY, "g", Role.STABLE);
    assertThat(t.image().placeholder()).isTrue();
    assertThat(t.image().reference()).isEqualTo("registry.invalid/canary2k8s-set-me/g:unknown");
    assertThat(notes.notes)
        .contains(
            "ACTION g: Tag canary2k8s.io/image of Auto Scaling group g is not an image reference"
                + " ('reg/app:1\\u000aimage: evil'); track shop-track uses the placeholder"
                + " registry.invalid/canary2k8s-set-me/g:unknown. Correct the tag, or set"
                + " apps.shop.image (or apps.shop.tracks.shop-track.image) in canary2k8s.yaml.");
    // the config's image needs no tag
    Config app = new Config(Map.of("shop", new Config.AppConfig("reg/app:2", null, null)), null);
    assertThat(track(inv, app, "g", Role.STABLE).image().reference()).isEqualTo("reg/app:2");
  }

  @Test
  void hpa_none_whenTheGroupCannotScale() {
    Track t =
        track(
            inventory(List.of(elb("web")), List.of(scaling(3, 3, List.of())), List.of()),
            Config.EMPTY,
            "g",
            Role.STABLE);
    assertThat(t.scaling()).isNull();
    assertThat(notes.notes).contains("INFO g: MinSize equals MaxSize (3 instances); no HPA.");
  }

  @Test
  void image_theTracks_thenTheApps_thenTheTag() {
    Inventory inv =
        inventory(
            List.of(elb("web")),
            List.of(asg("g", 1, List.of(A), Map.of(PlanBuilder.TAG_IMAGE, "reg/tagged:1"), "web")),
            List.of());
    Config.Resources small = new Config.Resources(Map.of("cpu", "100m"), Map.of());
    Config both =
        new Config(
            Map.of(
                "shop",
                new Config.AppConfig(
                    "reg/app:2",
                    Map.of("shop-track", new Config.TrackConfig("reg/track:3")),
                    small)),
            null);
    Track t = track(inv, both, "g", Role.STABLE);
    assertThat(t.image())
        .isEqualTo(
            new Track.Image(
                "reg/track:3", "canary2k8s.yaml apps.shop.tracks.shop-track.image", false));
    assertThat(t.resources()).isEqualTo(small);
    Config app = new Config(Map.of("shop", new Config.AppConfig("reg/app:2", null, null)), null);
    assertThat(track(inv, app, "g", Role.STABLE).image())
        .isEqualTo(new Track.Image("reg/app:2", "canary2k8s.yaml apps.shop.image", false));
    assertThat(track(inv, Config.EMPTY, "g", Role.STABLE).image())
        .isEqualTo(new Track.Image("reg/tagged:1", "ASG tag canary2k8s.io/image", false));
  }

  @Test
  void anAlbTrack_itsTargetGroupsPort_probe_andDeregistrationDelay() {
    Estate estate = new Estate(TestEstates.planCase("alb-weighted-forward"), notes);
    notes.notes.clear();
    Track t =
        new TrackPlanner(estate, Config.EMPTY, notes)
            .track(
                "store",
                estate.group("store-canary"),
                Role.CANARY,
                "store-canary",
                List.of("store"));
    assertThat(t.ports()).containsExactly(new Track.Port("http", 8080));
    assertThat(t.probe().source()).isEqualTo("store-canary: HTTP:traffic-port/health");
    assertThat(t.terminationGracePeriodSeconds()).isEqualTo(35);
    assertThat(notes.notes)
        .contains(
            "INFO arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/store-canary/1a2b3c:"
                + " Deregistration delay of 30 s becomes terminationGracePeriodSeconds 35 on"
                + " store-canary.");
  }
}
