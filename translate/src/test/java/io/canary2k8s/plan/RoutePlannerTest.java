package io.canary2k8s.plan;

import static io.canary2k8s.plan.TestEstates.asg;
import static io.canary2k8s.plan.TestEstates.cname;
import static io.canary2k8s.plan.TestEstates.elb;
import static io.canary2k8s.plan.TestEstates.http;
import static io.canary2k8s.plan.TestEstates.https;
import static io.canary2k8s.plan.TestEstates.inventory;
import static org.assertj.core.api.Assertions.assertThat;

import io.canary2k8s.inventory.CrossZone;
import io.canary2k8s.inventory.Inventory;
import io.canary2k8s.inventory.Listener;
import io.canary2k8s.split.Fraction;
import io.canary2k8s.split.WeightBasis;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutePlannerTest {
  final TestEstates.Recorder notes = new TestEstates.Recorder();

  /**
   * The routes of the first app of {@code inventory} by name (as the app keeps them), with only the
   * notes of making them.
   */
  List<Route> routes(Inventory inventory) {
    Estate estate = new Estate(inventory, notes);
    DnsAnswers dns = new DnsAnswers(estate, notes);
    EstateGraph.Component c = EstateGraph.components(estate, dns, notes).get(0);
    AppNaming.Named app =
        new AppNaming(estate, new TrackRoles(notes), notes).name(c, new HashSet<>());
    Map<String, String> trackOf = AppNaming.trackNames(app.name(), app.stable(), app.groups());
    SplitPlanner.Splits splits =
        new SplitPlanner(estate, WeightBasis.DESIRED, notes)
            .plan(app.loadBalancers(), app.groups(), trackOf);
    notes.notes.clear();
    List<Route> routes =
        new RoutePlanner(estate, dns, notes)
            .routes(app.name(), app.hosts(), splits, trackOf, app.stable());
    return routes.stream().sorted(java.util.Comparator.comparing(Route::name)).toList();
  }

  static Route.Backend backend(String track, int port, Fraction share) {
    return new Route.Backend(track, port, share);
  }

  @Test
  void aClassicElb_oneRoute_stableFirst_httpRedirectedToHttps_withItsSecret() {
    List<Route> routes =
        routes(
            inventory(
                List.of(elb("shop", http(8080), https(8080, "arn:cert"))),
                List.of(asg("shop-main", 9, "shop"), asg("shop-canary", 1, "shop")),
                List.of(cname("shop.example.com", "shop"))));
    assertThat(routes)
        .containsExactly(
            Route.forHosts("shop", List.of("shop"), List.of("shop.example.com"))
                .http(true)
                .https("shop-tls")
                .certificateArn("arn:cert")
                .redirectHttpToHttps(true)
                .backends(
                    List.of(
                        backend("shop", 8080, Fraction.of(9, 10)),
                        backend("shop-canary", 8080, Fraction.of(1, 10))))
                .split(true)
                .build());
    assertThat(notes.notes)
        .containsExactly(
            "ACTION shop: HTTPS listener uses certificate arn:cert (neither an ACM nor an IAM"
                + " ARN): put a certificate for [shop.example.com] into Secret shop/shop-tls (e.g."
                + " with cert-manager).");
  }

  @Test
  void aCanaryOnlyName_isNotSplit_andAnAppWithoutCanary_neither() {
    List<Route> routes =
        routes(
            inventory(
                List.of(elb("api"), elb("api-canary")),
                List.of(asg("api", 3, "api"), asg("api-canary", 1, "api", "api-canary")),
                List.of(
                    cname("api.example.com", "api"),
                    cname("canary.api.example.com", "api-canary"))));
    assertThat(routes).extracting(Route::name).containsExactly("api", "api-canary");
    assertThat(routes.get(0).split()).isTrue();
    assertThat(routes.get(1).split()).isFalse();
    assertThat(routes.get(1).backends()).containsExactly(backend("api-canary", 8080, Fraction.ONE));
    List<Route> alone =
        routes(
            inventory(
                List.of(elb("solo")),
                List.of(asg("solo", 2, "solo")),
                List.of(cname("solo.example.com", "solo"))));
    assertThat(alone).singleElement().satisfies(r -> assertThat(r.split()).isFalse());
  }

  /** ELBs web and web-https in one app: web's IngressRoute web-https would be taken. */
  @Test
  void aRouteNameWhoseDerivedNamesAreTaken_getsAHash_withANote() {
    List<Route> routes =
        routes(
            inventory(
                List.of(elb("web"), elb("web-https")),
                List.of(asg("web", 2, "web", "web-https")),
                List.of(cname("a.example.com", "web-https"), cname("b.example.com", "web"))));
    assertThat(routes).extracting(Route::name).last().isEqualTo("web-https");
    assertThat(routes.get(0).name()).matches("web-[0-9a-f]{4}");
    assertThat(notes.notes)
        .containsExactly(
            "INFO web: Route name 'web' (or a name derived from it) is taken by another route of"
                + " app web; this one is '"
                + routes.get(0).name()
                + "'.");
  }

  @Test
  void hostsWithOnlyATcpListener_getItsTcpRoute_withTheLoadBalancersSplit() {
    List<Route> routes =
        routes(
            inventory(
                List.of(
                    elb(
                        "mq",
                        CrossZone.ENABLED,
                        Map.of(),
                        new Listener("TCP", 5672, "TCP", 5671, null))),
                List.of(asg("mq", 2, "mq")),
                List.of(cname("mq.example.com", "mq"))));
    assertThat(routes)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.isTcp()).isTrue();
              assertThat(r.listener()).isEqualTo(new Route.TcpListener("TCP", 5672, false, null));
              assertThat(r.hosts()).containsExactly("mq.example.com");
              assertThat(r.http() || r.https()).isFalse();
              assertThat(r.backends()).extracting(Route.Backend::port).containsExactly(5671);
            });
    assertThat(notes.notes)
        .containsExactly(
            "INFO mq: Hosts [mq.example.com] have no HTTP:80 or HTTPS:443 listener; only the load"
                + " balancer's TCP, SSL and TLS listeners are routed for them.");
  }

  @Test
  void theServicePort_isTheListenersInstancePort() {
    List<Route> routes = routes(TestEstates.planCase("two-elbs-share-asg"));
    assertThat(routes).extracting(r -> r.backends().get(0).port()).containsExactly(8080, 9090);
  }

  @Test
  void albRules_becomeRoutesAheadOfTheDefault_withTheLoadBalancersHosts() {
    List<Route> routes = routes(TestEstates.planCase("alb-path-and-host-rules"));
    assertThat(routes)
        .extracting(Route::name)
        .containsExactly("portal", "portal-rule-10", "portal-rule-20");
    Route hostOnly = routes.get(1);
    assertThat(hostOnly.hosts()).containsExactly("admin.example.com");
    assertThat(hostOnly.priority()).isEqualTo(10);
    assertThat(hostOnly.rule()).isEqualTo("portal HTTP:80 rule 10");
    assertThat(hostOnly.split()).as("one target group: pinned").isFalse();
    Route path = routes.get(2);
    assertThat(path.hosts()).containsExactly("admin.example.com", "portal.example.com");
    assertThat(path.paths()).containsExactly(new Route.PathMatch("/api/", true));
    assertThat(path.split()).isTrue();
    assertThat(path.backends())
        .containsExactly(
            backend("portal", 8080, Fraction.of(1, 2)),
            backend("portal-canary", 8080, Fraction.of(1, 2)));
    assertThat(notes.notes)
        .containsExactly(
            "INFO portal: HTTP:80 rule 10 becomes route portal-rule-10 for [admin.example.com],"
                + " ahead of the load balancer's other rules as on AWS.",
            "INFO portal: HTTP:80 rule 20 becomes route portal-rule-20 for [admin.example.com,"
                + " portal.example.com] and paths [/api/*], ahead of the load balancer's other rules"
                + " as on AWS.");
  }

  @Test
  void aRuleWithoutAHost_onALoadBalancerWithoutNames_isNotMigrated() {
    Inventory named = TestEstates.planCase("alb-path-and-host-rules");
    Inventory unnamed =
        new Inventory(
            named.schemaVersion(),
            named.provenance(),
            named.classicLoadBalancers(),
            named.loadBalancersV2(),
            named.targetGroups(),
            named.autoScalingGroups(),
            List.of(),
            List.of(),
            List.of());
    List<Route> routes = routes(unnamed);
    assertThat(routes).extracting(Route::name).containsExactly("portal-rule-10");
    assertThat(notes.notes)
        .contains(
            "WARNING portal: HTTP:80 rule 20 has no host condition and no Route53 name points at"
                + " the load balancer; not migrated (a rule needs a host to route on).",
            "WARNING portal: No Route53 name points at these load balancers; no host rule is"
                + " emitted. Clients that use the ELB's own DNS name need a new name pointing at the"
                + " edge.");
  }

  @Test
  void albRoutes_shareTheListenersSecret() {
    List<Route> routes = routes(TestEstates.planCase("alb-weighted-forward"));
    assertThat(routes)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.tlsSecret()).isEqualTo("store-tls");
              assertThat(r.redirectsToHttps()).isTrue();
              assertThat(r.certificateArn()).endsWith("000000000009");
            });
  }
}
