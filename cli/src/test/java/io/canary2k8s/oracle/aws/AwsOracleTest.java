package io.canary2k8s.oracle.aws;

import static io.canary2k8s.oracle.estate.V2LoadBalancer.forward;
import static io.canary2k8s.oracle.estate.V2LoadBalancer.listen;
import static org.assertj.core.api.Assertions.assertThat;

import io.canary2k8s.oracle.estate.Asg;
import io.canary2k8s.oracle.estate.ClassicElb;
import io.canary2k8s.oracle.estate.Estate;
import io.canary2k8s.oracle.estate.HostedZone;
import io.canary2k8s.oracle.estate.TargetGroup;
import io.canary2k8s.oracle.estate.V2LoadBalancer;
import io.canary2k8s.oracle.estate.V2LoadBalancer.Condition;
import io.canary2k8s.split.Fraction;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsOracleTest {
  static final ClassicElb ELB = ClassicElb.of("web", "HTTP:80");
  static final ClassicElb OTHER = ClassicElb.of("other", "HTTP:80");

  static Map<String, Fraction> http(Estate e, String host, String path) {
    return new AwsOracle(e).http("http", host, path).shares();
  }

  static Estate withZone(HostedZone zone, Object... more) {
    Object[] parts = new Object[more.length + 5];
    parts[0] = ELB;
    parts[1] = OTHER;
    parts[2] = Asg.of("web-a", 1, "a").behind("web");
    parts[3] = Asg.of("other", 1, "a").behind("other");
    parts[4] = zone;
    System.arraycopy(more, 0, parts, 5, more.length);
    return Estate.of(parts);
  }

  @Test
  void crossZoneFollowsTheDocumentedExample() {
    // AWS's example: 2 targets in zone a, 8 in zone b. On: 10 % each; off: 25 % and 6.25 % each.
    ClassicElb on = ClassicElb.of("lb", "HTTP:80");
    Estate e =
        Estate.of(
            on,
            Asg.of("two", 2, "a").behind("lb"),
            Asg.of("eight", 8, "b").behind("lb"),
            HostedZone.publicZone("Z1", "example.com").alias("x", on.dnsName()));
    assertThat(http(e, "x.example.com", "/"))
        .isEqualTo(Map.of("two", Fraction.of(1, 5), "eight", Fraction.of(4, 5)));
    Estate off =
        Estate.of(
            on.crossZone(false),
            Asg.of("two", 2, "a").behind("lb"),
            Asg.of("eight", 8, "b").behind("lb"),
            HostedZone.publicZone("Z1", "example.com").alias("x", on.dnsName()));
    assertThat(http(off, "x.example.com", "/"))
        .isEqualTo(Map.of("two", Fraction.of(1, 2), "eight", Fraction.of(1, 2)));
  }

  @Test
  void theWorkedCanaryExampleAndZonesOutsideTheLoadBalancer() {
    // §1.6: stable 2+2 in a and b, canary 1 in a, cross-zone off: canary 1/6
    ClassicElb lb = ClassicElb.of("lb", "HTTP:80").crossZone(false);
    Estate e =
        Estate.of(
            lb,
            Asg.of("stable", 4, "a", "b").behind("lb"),
            Asg.of("canary", 1, "a").behind("lb"),
            Asg.of("outside", 5, "c").behind("lb"),
            HostedZone.publicZone("Z1", "example.com").alias("x", lb.dnsName()));
    assertThat(http(e, "x.example.com", "/"))
        .isEqualTo(Map.of("stable", Fraction.of(5, 6), "canary", Fraction.of(1, 6)));
  }

  @Test
  void weightedRecordsAnswerByWeightAndZeroOnlyWhenAllAreZero() {
    HostedZone z =
        HostedZone.publicZone("Z1", "example.com")
            .weighted("a", "one", 3, ELB.dnsName())
            .weighted("a", "two", 1, OTHER.dnsName())
            .weighted("a", "zero", 0, OTHER.dnsName())
            .weighted("b", "x", 0, ELB.dnsName())
            .weighted("b", "y", 0, OTHER.dnsName());
    assertThat(http(withZone(z), "a.example.com", "/"))
        .isEqualTo(Map.of("web-a", Fraction.of(3, 4), "other", Fraction.of(1, 4)));
    assertThat(http(withZone(z), "b.example.com", "/"))
        .isEqualTo(Map.of("web-a", Fraction.of(1, 2), "other", Fraction.of(1, 2)));
  }

  @Test
  void failoverAnswersThePrimaryAndLatencyEqually() {
    HostedZone z =
        HostedZone.publicZone("Z1", "example.com")
            .failover("f", "SECONDARY", OTHER.dnsName())
            .failover("f", "PRIMARY", ELB.dnsName())
            .latency("l", "eu-west-1", ELB.dnsName())
            .latency("l", "us-east-1", OTHER.dnsName());
    assertThat(http(withZone(z), "f.example.com", "/")).isEqualTo(Map.of("web-a", Fraction.ONE));
    assertThat(http(withZone(z), "l.example.com", "/"))
        .isEqualTo(Map.of("web-a", Fraction.of(1, 2), "other", Fraction.of(1, 2)));
  }

  @Test
  void explicitNamesBeatWildcardsWhichCoverAnyDepthBelowTheirEncloser() {
    HostedZone z =
        HostedZone.publicZone("Z1", "example.com")
            .alias("*", OTHER.dnsName())
            .alias("www", ELB.dnsName())
            .alias("x.stop", ELB.dnsName());
    Estate e = withZone(z);
    assertThat(http(e, "www.example.com", "/")).isEqualTo(Map.of("web-a", Fraction.ONE));
    assertThat(http(e, "a.b.example.com", "/")).isEqualTo(Map.of("other", Fraction.ONE));
    // www exists, so *.example.com does not answer below it; stop.example.com is an empty
    // non-terminal, which answers nothing (NODATA) and stops the wildcard below it too
    assertThat(http(e, "a.www.example.com", "/")).isEmpty();
    assertThat(http(e, "stop.example.com", "/")).isEmpty();
    assertThat(http(e, "y.stop.example.com", "/")).isEmpty();
  }

  @Test
  void aliasesAndCnamesInsideTheEstateAreFollowedPrivateZonesAreNotSeen() {
    HostedZone z =
        HostedZone.publicZone("Z1", "example.com")
            .alias("@", ELB.dnsName())
            .aliasInZone("www", "@")
            .cname("m", "www.example.com")
            .cname("out", "cdn.example.net");
    HostedZone inside =
        HostedZone.privateZone("Z2", "example.com")
            .alias("www", OTHER.dnsName())
            .alias("in", OTHER.dnsName());
    Estate e = withZone(z, inside);
    assertThat(http(e, "m.example.com", "/")).isEqualTo(Map.of("web-a", Fraction.ONE));
    Answer out = new AwsOracle(e).http("http", "out.example.com", "/");
    assertThat(out.shares()).isEmpty();
    assertThat(out.reached()).isFalse();
    assertThat(http(e, "in.example.com", "/")).isEmpty();
    assertThat(new AwsOracle(e).http("http", "m.example.com", "/").names())
        .contains("m.example.com", "www.example.com", "example.com");
  }

  @Test
  void albRulesInPriorityOrderWithAwsWildcardsThenTheDefault() {
    V2LoadBalancer alb =
        V2LoadBalancer.alb("alb")
            .listener(
                listen("HTTP", 80, forward("s", 3, "c", 1))
                    .rule(20, forward("s"), Condition.host("*.example.com"))
                    .rule(10, forward("c"), Condition.path("/v?/*"))
                    .rule(30, new V2LoadBalancer.Fixed(404), Condition.path("/gone"))
                    .rule(5, forward("c"), Condition.header("X-Canary", "1")));
    Estate e =
        Estate.of(
            alb,
            TargetGroup.of("s"),
            TargetGroup.of("c"),
            Asg.of("s", 2, "a").in("s"),
            Asg.of("c", 2, "a").in("c"),
            HostedZone.publicZone("Z1", "example.com")
                .alias("www", alb.dnsName())
                .alias("@", alb.dnsName()));
    assertThat(http(e, "www.example.com", "/v2/x")).isEqualTo(Map.of("c", Fraction.ONE));
    assertThat(http(e, "www.example.com", "/v22/x")).isEqualTo(Map.of("s", Fraction.ONE));
    assertThat(http(e, "example.com", "/gone")).isEmpty();
    assertThat(http(e, "example.com", "/"))
        .isEqualTo(Map.of("s", Fraction.of(3, 4), "c", Fraction.of(1, 4)));
    assertThat(new AwsOracle(e).http("http", "example.com", "/").items())
        .contains("alb default rule");
    assertThat(AwsPatterns.path("/api/*", "/api")).isFalse();
    assertThat(AwsPatterns.path("/API/*", "/api/x")).isFalse();
    assertThat(AwsPatterns.host("*.EXAMPLE.com", "a.b.example.com")).isTrue();
  }

  @Test
  void redirectsAreFollowedAndEmptyTargetGroupsKeepTheirShareAsErrors() {
    V2LoadBalancer alb =
        V2LoadBalancer.alb("alb")
            .listener(listen("HTTP", 80, V2LoadBalancer.toHttps()))
            .listener(listen("HTTPS", 443, forward("s", 3, "empty", 1)));
    Estate e =
        Estate.of(
            alb,
            TargetGroup.of("s"),
            TargetGroup.of("empty"),
            Asg.of("s", 2, "a").in("s"),
            HostedZone.publicZone("Z1", "example.com").alias("www", alb.dnsName()));
    Answer a = new AwsOracle(e).http("http", "www.example.com", "/");
    assertThat(a.shares()).isEqualTo(Map.of("s", Fraction.of(3, 4)));
    assertThat(a.reached()).isTrue();
  }

  @Test
  void capacityUnitsCountInstancesAndNlbsDefaultToCrossZoneOff() {
    V2LoadBalancer nlb = V2LoadBalancer.nlb("nlb").listener(listen("TCP", 5432, forward("db")));
    Estate e =
        Estate.of(
            nlb,
            TargetGroup.tcp("db", 5432),
            Asg.of("big", 8, "a", "b").units(4).in("db"),
            Asg.of("small", 1, "a").in("db"));
    // instances: big 1 in a, 1 in b; small 1 in a. Cross-zone off: a 1/2 · 1/2 each, b 1/2
    assertThat(new AwsOracle(e).listener("nlb", 5432, "x").shares())
        .isEqualTo(Map.of("big", Fraction.of(3, 4), "small", Fraction.of(1, 4)));
  }

  @Test
  void aliasesThatEvaluateTargetHealthSkipAnEmptyElb() {
    ClassicElb empty = ClassicElb.of("empty", "HTTP:80");
    HostedZone z =
        HostedZone.publicZone("Z1", "example.com")
            .weighted("w", "a", 1, ELB.dnsName())
            .weighted("w", "b", 3, empty.dnsName())
            .weighted("z", "a", 0, ELB.dnsName())
            .weighted("z", "b", 3, empty.dnsName())
            .weightedCname("c", "a", 1, ELB.dnsName())
            .weightedCname("c", "b", 3, empty.dnsName())
            .failover("f", "PRIMARY", empty.dnsName())
            .failover("f", "SECONDARY", OTHER.dnsName())
            .alias("@", empty.dnsName())
            .aliasInZone("chain", "@");
    Estate e = withZone(z, empty, Asg.of("none", 0, "a").behind("empty"));
    assertThat(http(e, "w.example.com", "/")).isEqualTo(Map.of("web-a", Fraction.ONE));
    // only the weight-0 record is healthy: it answers
    assertThat(http(e, "z.example.com", "/")).isEqualTo(Map.of("web-a", Fraction.ONE));
    assertThat(http(e, "c.example.com", "/")).isEqualTo(Map.of("web-a", Fraction.of(1, 4)));
    assertThat(http(e, "f.example.com", "/")).isEqualTo(Map.of("other", Fraction.ONE));
    Estate off =
        withZone(z.withoutTargetHealth("w"), empty, Asg.of("none", 0, "a").behind("empty"));
    assertThat(http(off, "w.example.com", "/")).isEqualTo(Map.of("web-a", Fraction.of(1, 4)));
  }
}
