package io.canary2k8s.plan;

import static io.canary2k8s.plan.TestEstates.A;
import static io.canary2k8s.plan.TestEstates.B;
import static io.canary2k8s.plan.TestEstates.asg;
import static io.canary2k8s.plan.TestEstates.elb;
import static io.canary2k8s.plan.TestEstates.inventory;
import static org.assertj.core.api.Assertions.assertThat;

import io.canary2k8s.inventory.AutoScalingGroup;
import io.canary2k8s.inventory.ClassicLoadBalancer;
import io.canary2k8s.inventory.CrossZone;
import io.canary2k8s.inventory.Inventory;
import io.canary2k8s.plan.EstateGraph.Component;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AppNamingTest {
  final TestEstates.Recorder notes = new TestEstates.Recorder();

  AppNaming naming(Inventory inventory) {
    return new AppNaming(new Estate(inventory, notes), new TrackRoles(notes), notes);
  }

  static ClassicLoadBalancer appTagged(String name, String app) {
    return elb(name, CrossZone.ENABLED, Map.of(PlanBuilder.TAG_APP, app));
  }

  static AutoScalingGroup track(String name, int desired, String track, String... lbs) {
    return asg(name, desired, List.of(A, B), Map.of(PlanBuilder.TAG_TRACK, track), lbs);
  }

  @Test
  void name_untagged_isThePrimaryLoadBalancers() {
    AppNaming naming =
        naming(
            inventory(
                List.of(elb("shop"), elb("shop-canary")),
                List.of(asg("shop-main", 9, "shop"), asg("shop-cnry", 1, "shop", "shop-canary")),
                List.of()));
    AppNaming.Named n =
        naming.name(
            new Component(
                List.of("shop", "shop-canary"),
                List.of("shop-cnry", "shop-main"),
                List.of("shop.example.com")),
            new HashSet<>());
    assertThat(n.name()).isEqualTo("shop");
    assertThat(n.stable().name()).isEqualTo("shop-main");
    assertThat(n.groups())
        .extracting(AutoScalingGroup::name)
        .containsExactly("shop-cnry", "shop-main");
    assertThat(n.hosts()).containsExactly("shop.example.com");
    assertThat(n.roles().rule()).isEqualTo("size (the largest by desired instances)");
    assertThat(notes.notes).singleElement().asString().startsWith("WARNING shop-main:");
  }

  @Test
  void primaryLoadBalancer_mostGroupsBehind_thenTheStables_thenByName() {
    AppNaming naming =
        naming(
            inventory(
                List.of(elb("a-canary"), elb("b-main"), elb("c-other")),
                List.of(
                    asg("main", 9, "b-main"),
                    asg("canary", 1, "a-canary", "b-main"),
                    asg("other", 1, "c-other")),
                List.of()));
    AutoScalingGroup main = asg("main", 9, "b-main");
    assertThat(naming.primaryLoadBalancer(List.of("a-canary", "b-main"), main)).isEqualTo("b-main");
    assertThat(naming.primaryLoadBalancer(List.of("a-canary", "c-other"), main))
        .as("one group behind each, the stable behind neither: the first by name")
        .isEqualTo("a-canary");
    assertThat(naming.primaryLoadBalancer(List.of("a-canary", "c-other"), asg("x", 1, "c-other")))
        .isEqualTo("c-other");
  }

  @Test
  void appName_aTag_namesTheApp_conflictingTags_theFirstWithAWarning() {
    AppNaming naming =
        naming(
            inventory(
                List.of(appTagged("lb-01", "checkout")), List.of(asg("g", 1, "lb-01")), List.of()));
    assertThat(naming.appName(List.of("lb-01"), List.of(asg("g", 1, "lb-01")), "lb-01", Set.of()))
        .isEqualTo("checkout");
    AutoScalingGroup payTagged =
        asg("g", 1, List.of(A), Map.of(PlanBuilder.TAG_APP, "basket"), "lb-01");
    assertThat(naming.appName(List.of("lb-01"), List.of(payTagged), "lb-01", Set.of()))
        .isEqualTo("basket");
    assertThat(notes.notes)
        .containsExactly(
            "WARNING lb-01: Conflicting canary2k8s.io/app tags [basket, checkout]; the app is named"
                + " 'basket'.");
  }

  @Test
  void appName_notAKubernetesName_isMadeOne_withANote() {
    AppNaming naming = naming(inventory(List.of(elb("Shop_EU")), List.of(), List.of()));
    String name = naming.appName(List.of("Shop_EU"), List.of(), "Shop_EU", Set.of());
    assertThat(name).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?").hasSizeLessThanOrEqualTo(40);
    assertThat(notes.notes)
        .containsExactly(
            "INFO Shop_EU: App name 'Shop_EU' is not a valid Kubernetes name; it is '"
                + name
                + "'.");
  }

  @Test
  void appName_taken_getsAHashOfThePrimaryLoadBalancer() {
    AppNaming naming =
        naming(inventory(List.of(appTagged("shop-us", "shop")), List.of(), List.of()));
    String name = naming.appName(List.of("shop-us"), List.of(), "shop-us", Set.of("shop"));
    assertThat(name).matches("shop-[0-9a-f]{6}");
    assertThat(notes.notes)
        .containsExactly(
            "WARNING shop-us: App name 'shop' is taken by another app; this one is '"
                + name
                + "'.");
  }

  @Test
  void appName_theEdgesOrASystemNamespace_getsTheCollisionSuffix_withANote() {
    for (String reserved :
        List.of("traefik", "kube-system", "kube-public", "kube-node-lease", "default")) {
      notes.notes.clear();
      AppNaming naming =
          naming(inventory(List.of(appTagged("lb-1", reserved)), List.of(), List.of()));
      String name = naming.appName(List.of("lb-1"), List.of(), "lb-1", Set.of());
      String label = reserved.toLowerCase(java.util.Locale.ROOT);
      assertThat(name).as(reserved).matches(label + "-[0-9a-f]{6}");
      assertThat(notes.notes)
          .as(reserved)
          .last()
          .asString()
          .startsWith("WARNING lb-1: App name '" + label + "' is ")
          .endsWith("; this one is '" + name + "', and so is its namespace.");
    }
    // another edge namespace: the default one is an app's like any other
    AppNaming other =
        new AppNaming(
            new Estate(
                inventory(List.of(appTagged("lb-1", "traefik")), List.of(), List.of()), notes),
            new TrackRoles(notes),
            notes,
            "edge");
    assertThat(other.appName(List.of("lb-1"), List.of(), "lb-1", Set.of())).isEqualTo("traefik");
    assertThat(other.appName(List.of("lb-1"), List.of(), "lb-1", Set.of("edge")))
        .isEqualTo("traefik");
  }

  @Test
  void appName_theSuffixedNameTaken_tooAnotherSuffix() {
    AppNaming naming =
        naming(inventory(List.of(appTagged("shop-us", "shop")), List.of(), List.of()));
    String first = naming.appName(List.of("shop-us"), List.of(), "shop-us", Set.of("shop"));
    String second = naming.appName(List.of("shop-us"), List.of(), "shop-us", Set.of("shop", first));
    assertThat(second).matches("shop-[0-9a-f]{6}").isNotEqualTo(first);
  }

  @Test
  void name_takesTheName_forTheAppsAfter() {
    AppNaming naming =
        naming(
            inventory(
                List.of(appTagged("eu", "shop"), appTagged("us", "shop")),
                List.of(asg("eu", 1, "eu"), asg("us", 1, "us")),
                List.of()));
    Set<String> taken = new HashSet<>();
    List<String> names = new ArrayList<>();
    names.add(naming.name(new Component(List.of("eu"), List.of("eu"), List.of()), taken).name());
    names.add(naming.name(new Component(List.of("us"), List.of("us"), List.of()), taken).name());
    assertThat(names.get(0)).isEqualTo("shop");
    assertThat(names.get(1)).startsWith("shop-");
    assertThat(taken).containsExactlyInAnyOrderElementsOf(names);
  }

  @Test
  void name_noGroup_isNoApp_eachLoadBalancerNoted() {
    AppNaming naming =
        naming(inventory(List.of(elb("manual"), elb("empty")), List.of(), List.of()));
    Set<String> taken = new HashSet<>();
    assertThat(
            naming.name(
                new Component(List.of("empty", "manual"), List.of(), List.of("m.example.com")),
                taken))
        .isNull();
    assertThat(taken).isEmpty();
    assertThat(notes.notes)
        .containsExactly(
            "WARNING empty: Classic ELB has no Auto Scaling group attached; nothing to migrate, and"
                + " its names [m.example.com] are left as they are.",
            "WARNING manual: Classic ELB has no Auto Scaling group attached; nothing to migrate, and"
                + " its names [m.example.com] are left as they are.");
  }

  @Test
  void trackNames_stableIsTheApp_canariesByTagOrNumber_collisionsHashed() {
    AutoScalingGroup stable = asg("main", 9, "lb");
    assertThat(AppNaming.trackNames("shop", stable, List.of(stable, asg("c", 1, "lb"))))
        .containsExactly(Map.entry("main", "shop"), Map.entry("c", "shop-canary"));
    Map<String, String> three =
        AppNaming.trackNames(
            "shop",
            stable,
            List.of(
                stable,
                track("x-beta", 1, "beta", "lb"),
                track("y-beta", 1, "beta", "lb"),
                asg("z", 1, "lb")));
    assertThat(three.keySet()).containsExactly("main", "x-beta", "y-beta", "z");
    assertThat(three.get("x-beta")).isEqualTo("shop-beta");
    assertThat(three.get("y-beta")).matches("shop-beta-[0-9a-f]{4}");
    assertThat(three.get("z")).isEqualTo("shop-canary-3");
  }

  @Test
  void trackNames_aCanaryTaggedStable_isStillNumbered() {
    AutoScalingGroup stable = asg("main", 9, "lb");
    assertThat(
            AppNaming.trackNames(
                "shop", stable, List.of(stable, track("other", 1, "stable", "lb"))))
        .containsEntry("other", "shop-canary");
  }
}
