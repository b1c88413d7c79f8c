package io.canary2k8s.plan;

import static io.canary2k8s.plan.TestEstates.asg;
import static io.canary2k8s.plan.TestEstates.cname;
import static io.canary2k8s.plan.TestEstates.dns;
import static io.canary2k8s.plan.TestEstates.elb;
import static io.canary2k8s.plan.TestEstates.inventory;
import static io.canary2k8s.plan.TestEstates.record;
import static io.canary2k8s.plan.TestEstates.weighted;
import static org.assertj.core.api.Assertions.assertThat;

import io.canary2k8s.inventory.DnsRecord;
import io.canary2k8s.split.Fraction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DnsAnswersTest {
  final TestEstates.Recorder notes = new TestEstates.Recorder();

  DnsAnswers read(DnsRecord... records) {
    Estate estate =
        new Estate(
            inventory(
                List.of(elb("blue"), elb("green")),
                List.of(asg("blue", 3, "blue"), asg("green", 1, "green")),
                List.of(records)),
            notes);
    return new DnsAnswers(estate, notes);
  }

  /** Answers as {@code set-identifier (or name) -> load balancer: probability}. */
  static Map<String, Fraction> answers(DnsAnswers dns, String host) {
    Map<String, Fraction> out = new LinkedHashMap<>();
    dns.answers(host)
        .forEach(
            (r, p) ->
                out.put(
                    (r.setIdentifier() == null ? r.name() : r.setIdentifier())
                        + " -> "
                        + dns.loadBalancerOf(r),
                    p));
    return out;
  }

  @Test
  void hosts_areTheNamesPointingAtMigratedLoadBalancers() {
    DnsAnswers dns =
        read(
            cname("blue.example.com", "blue"),
            new DnsRecord(
                TestEstates.ZONE,
                "cdn.example.com",
                "CNAME",
                60L,
                null,
                null,
                List.of("d111111abcdef8.cloudfront.net"),
                null,
                "simple"));
    assertThat(dns.hosts()).containsOnlyKeys("blue.example.com");
    assertThat(notes.notes).isEmpty();
  }

  @Test
  void aNameThatIsNoHostName_isNotedAndLeftOut() {
    DnsAnswers dns = read(cname("_svc.example.com", "blue"));
    assertThat(dns.hosts()).isEmpty();
    assertThat(notes.notes)
        .singleElement()
        .asString()
        .startsWith(
            "WARNING " + TestEstates.ZONE + " _svc.example.com CNAME: Record name is not a host");
  }

  @Test
  void aRecordPointingAtALoadBalancerOutsideTheCapture_isNoted() {
    DnsAnswers dns = read(cname("old.example.com", "gone"));
    assertThat(dns.hosts()).isEmpty();
    assertThat(notes.notes)
        .containsExactly(
            "WARNING "
                + TestEstates.ZONE
                + " old.example.com CNAME: Points at load balancer "
                + dns("gone")
                + ", which is not a load balancer in the capture (another region or account); not"
                + " migrated.");
  }

  @Test
  void answers_oneRecord_isAnsweredAlways_withoutANote() {
    DnsAnswers dns = read(cname("blue.example.com", "blue"));
    assertThat(answers(dns, "blue.example.com"))
        .containsExactly(Map.entry("blue.example.com -> blue", Fraction.ONE));
    assertThat(notes.notes).isEmpty();
  }

  @Test
  void answers_weighted_areWeightOverTheSum_andNoted() {
    DnsAnswers dns =
        read(
            weighted("shop.example.com", dns("blue"), "b", 3),
            weighted("shop.example.com", dns("green"), "g", 1));
    assertThat(answers(dns, "shop.example.com"))
        .containsExactly(
            Map.entry("b -> blue", Fraction.of(3, 4)), Map.entry("g -> green", Fraction.of(1, 4)));
    assertThat(notes.notes)
        .containsExactly(
            "INFO shop.example.com: Route53 answers A b -> blue 3/4 (75 %), g -> green 1/4 (25 %);"
                + " the host's split composes these with the split behind each load balancer.");
  }

  @Test
  void answers_weightZero_isNeverAnswered_whileAnotherHasAWeight() {
    DnsAnswers dns =
        read(
            weighted("shop.example.com", dns("blue"), "b", 5),
            weighted("shop.example.com", dns("green"), "g", 0));
    assertThat(answers(dns, "shop.example.com"))
        .containsExactly(Map.entry("b -> blue", Fraction.ONE));
    assertThat(notes.notes)
        .first()
        .asString()
        .startsWith("INFO shop.example.com: Route53 record 'g' (A -> green) has weight 0");
  }

  @Test
  void answers_allZero_answersEachEqually() {
    DnsAnswers dns =
        read(
            weighted("shop.example.com", dns("blue"), "b", 0),
            weighted("shop.example.com", dns("green"), "g", 0));
    assertThat(answers(dns, "shop.example.com"))
        .containsExactly(
            Map.entry("b -> blue", Fraction.of(1, 2)), Map.entry("g -> green", Fraction.of(1, 2)));
    assertThat(notes.notes.get(0))
        .isEqualTo(
            "INFO shop.example.com: Every weighted A record of this name has weight 0: Route53 then"
                + " answers each of the 2 records equally.");
  }

  @Test
  void answers_aRecordOutsideTheCapture_takesItsShare_theRestKeepTheirRatio() {
    DnsAnswers dns =
        read(
            weighted("shop.example.com", dns("blue"), "b", 2),
            weighted("shop.example.com", dns("green"), "g", 1),
            weighted("shop.example.com", "d111111abcdef8.cloudfront.net", "cdn", 1));
    assertThat(answers(dns, "shop.example.com"))
        .containsExactly(
            Map.entry("b -> blue", Fraction.of(2, 3)), Map.entry("g -> green", Fraction.of(1, 3)));
    assertThat(notes.notes.get(0))
        .startsWith(
            "WARNING shop.example.com: Route53 record(s) ['cdn' ->"
                + " dualstack.d111111abcdef8.cloudfront.net. 1/4 (25 %)] of this A group point at no"
                + " load balancer in the capture")
        .contains("Today they get 1/4 (25 %) of the answers")
        .contains("each share divided by 3/4 (75 %)");
  }

  @Test
  void answers_aRecordOutsideTheCaptureAtWeightZero_changesNothing() {
    DnsAnswers dns =
        read(
            weighted("shop.example.com", dns("blue"), "b", 1),
            weighted("shop.example.com", "d111111abcdef8.cloudfront.net", "cdn", 0));
    assertThat(answers(dns, "shop.example.com"))
        .containsExactly(Map.entry("b -> blue", Fraction.ONE));
    assertThat(notes.notes.get(0))
        .endsWith("They get no answers today, so the split is unchanged.");
  }

  @Test
  void answers_noneOfTheMigratedRecordsAnswered_isEmpty_andWarned() {
    DnsAnswers dns =
        read(
            weighted("shop.example.com", dns("blue"), "b", 0),
            weighted("shop.example.com", "d111111abcdef8.cloudfront.net", "cdn", 1));
    assertThat(dns.answers("shop.example.com")).isEmpty();
    assertThat(notes.notes)
        .last()
        .asString()
        .startsWith(
            "WARNING shop.example.com: Route53 never answers the A records that point at migrated"
                + " load balancers (['b'])")
        .endsWith("No rule emitted.");
  }

  @Test
  void answers_aCnameIsTheAnswer_overARecords() {
    DnsAnswers dns =
        read(
            cname("shop.example.com", "green"),
            record("shop.example.com", "A", dns("blue"), null, null, "simple"));
    assertThat(answers(dns, "shop.example.com"))
        .containsExactly(Map.entry("shop.example.com -> green", Fraction.ONE));
  }

  @Test
  void answers_aAndAaaaApart_theARecordsAnswer_withAWarning() {
    DnsAnswers dns =
        read(
            record("shop.example.com", "A", dns("blue"), null, null, "simple"),
            record("shop.example.com", "AAAA", dns("green"), null, null, "simple"));
    assertThat(answers(dns, "shop.example.com"))
        .containsExactly(Map.entry("shop.example.com -> blue", Fraction.ONE));
    assertThat(notes.notes)
        .containsExactly(
            "WARNING shop.example.com: A and AAAA records point at different load balancers or"
                + " weights; the A records are migrated.");
  }

  @Test
  void answers_anotherPolicy_isAnEqualSplit_withAWarning() {
    DnsAnswers dns =
        read(
            record("shop.example.com", "A", dns("blue"), "eu", null, "latency"),
            record("shop.example.com", "A", dns("green"), "us", null, "latency"));
    assertThat(answers(dns, "shop.example.com"))
        .containsExactly(
            Map.entry("eu -> blue", Fraction.of(1, 2)),
            Map.entry("us -> green", Fraction.of(1, 2)));
    assertThat(notes.notes.get(0))
        .isEqualTo(
            "WARNING shop.example.com: Records with routing policy [latency] are treated as an equal"
                + " split between their targets.");
  }
}
