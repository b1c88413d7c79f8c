package io.canary2k8s.discover.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.canary2k8s.inventory.CrossZone;
import io.canary2k8s.inventory.Inventory;
import io.canary2k8s.notes.Note;
import io.canary2k8s.notes.Notes;
import io.canary2k8s.notes.Severity;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Throttling and denied calls, injected by a proxy in front of moto. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FailurePolicyTest {
  private static final String REGION = "eu-west-1";
  private URI moto;
  private Inventory baseline;

  @BeforeAll
  void seed() {
    moto = Moto.endpoint();
    Moto.reset();
    try (Seeder seeder = new Seeder(moto, REGION)) {
      seeder.seed(Estates.synthetic(REGION));
    }
    baseline = LiveDiscovery.discover(options(moto), new Notes(), null).get(REGION);
  }

  private static LiveOptions options(URI endpoint) {
    return LiveOptions.defaults()
        .withRegions(List.of(REGION))
        .withEndpointUrl(endpoint)
        .withCredentialsProvider(Seeder.CREDENTIALS);
  }

  @Test
  void thirtyPercentThrottlingGivesTheSameInventoryAndOneRunNote() throws Exception {
    try (FaultProxy proxy = new FaultProxy(moto).throttle(0.3)) {
      Notes run = new Notes();
      Inventory throttled =
          LiveDiscovery.discover(options(proxy.endpoint()), run, null).get(REGION);
      assertThat(proxy.throttled.get()).isPositive();
      assertThat(throttled).isEqualTo(baseline);
      List<Note> notes = run.sorted();
      assertThat(notes)
          .singleElement()
          .satisfies(
              n -> {
                assertThat(n.severity()).isEqualTo(Severity.INFO);
                assertThat(n.message()).contains("throttled " + proxy.throttled.get() + " request");
              });
    }
  }

  @Test
  void aDeniedCallFailsNamingTheCallAndTheRegion() throws Exception {
    try (FaultProxy proxy =
        new FaultProxy(moto).deny("autoscaling:DescribeAutoScalingGroups"::equals)) {
      assertThatThrownBy(() -> LiveDiscovery.discover(options(proxy.endpoint()), new Notes(), null))
          .isInstanceOf(AwsAccessException.class)
          .hasMessageStartingWith(
              "autoscaling:DescribeAutoScalingGroups in eu-west-1 was denied: AccessDenied")
          .satisfies(e -> assertThat(((AwsAccessException) e).denied()).isTrue());
      assertThat(proxy.deniedCount.get()).as("a denial is not retried").isEqualTo(1);
    }
  }

  @Test
  void aDeniedRoute53CallFailsToo() throws Exception {
    try (FaultProxy proxy = new FaultProxy(moto).deny("route53:ListResourceRecordSets"::equals)) {
      assertThatThrownBy(() -> LiveDiscovery.discover(options(proxy.endpoint()), new Notes(), null))
          .isInstanceOf(AwsAccessException.class)
          .hasMessageStartingWith(
              "route53:ListResourceRecordSets in global was denied: AccessDenied");
    }
  }

  @Test
  void allowPartialKeepsWhatItCouldReadWithAnErrorNotePerMissingPiece() throws Exception {
    try (FaultProxy proxy =
        new FaultProxy(moto)
            .deny(
                a ->
                    a.equals("autoscaling:DescribeAutoScalingGroups")
                        || a.equals("elasticloadbalancing:DescribeLoadBalancerAttributes"))) {
      Inventory partial =
          LiveDiscovery.discover(
                  options(proxy.endpoint()).withAllowPartial(true), new Notes(), null)
              .get(REGION);
      assertThat(partial.autoScalingGroups()).isEmpty();
      assertThat(partial.classicLoadBalancers())
          .hasSameSizeAs(baseline.classicLoadBalancers())
          .allSatisfy(lb -> assertThat(lb.crossZone()).isEqualTo(CrossZone.UNKNOWN));
      assertThat(partial.dnsRecords()).isEqualTo(baseline.dnsRecords());
      List<Note> errors =
          partial.notes().stream().filter(n -> n.severity() == Severity.ERROR).toList();
      assertThat(errors).hasSize(1 + baseline.classicLoadBalancers().size());
      assertThat(errors).allSatisfy(n -> assertThat(n.stage()).isEqualTo(LiveDiscovery.STAGE));
      assertThat(errors)
          .anySatisfy(
              n ->
                  assertThat(n.message())
                      .startsWith(
                          "autoscaling:DescribeAutoScalingGroups in eu-west-1 was denied: AccessDenied")
                      .contains("no Auto Scaling group"));
      assertThat(errors)
          .anySatisfy(
              n -> {
                assertThat(n.subject()).isEqualTo("shop");
                assertThat(n.message())
                    .contains("DescribeLoadBalancerAttributes")
                    .contains("UNKNOWN");
              });
    }
  }
}
