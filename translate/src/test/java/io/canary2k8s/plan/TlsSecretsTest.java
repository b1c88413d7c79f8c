package io.canary2k8s.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TlsSecretsTest {
  final TestEstates.Recorder notes = new TestEstates.Recorder();

  @Test
  void forHosts_isTheRoutesSecret_andItsOnlyLoadBalancersForItsRules() {
    TlsSecrets secrets = new TlsSecrets();
    assertThat(secrets.forHosts("alb", List.of("alb"), List.of("b.example.com"), "arn:cert"))
        .isEqualTo("alb-tls");
    assertThat(secrets.forRule("alb-rule-10", "alb", List.of("a.example.com"), "arn:cert"))
        .isEqualTo("alb-tls");
    secrets.noteCertificates("shop", notes);
    assertThat(notes.notes)
        .containsExactly(
            "ACTION alb: HTTPS listener uses certificate arn:cert (neither an ACM nor an IAM ARN):"
                + " put a certificate for [a.example.com, b.example.com] into Secret"
                + " shop/alb-tls (e.g. with cert-manager).");
  }

  @Test
  void forRule_withoutARouteOfItsLoadBalancer_namesOneAfterTheRoute_sharedByItsOtherRules() {
    TlsSecrets secrets = new TlsSecrets();
    assertThat(
            secrets.forHosts(
                "shop-dns-x", List.of("alb", "elb"), List.of("x.example.com"), "arn:a"))
        .isEqualTo("shop-dns-x-tls");
    assertThat(secrets.forRule("alb-rule-10", "alb", List.of("x.example.com"), "arn:a"))
        .isEqualTo("alb-rule-10-tls");
    assertThat(secrets.forRule("alb-rule-20", "alb", List.of("y.example.com"), "arn:a"))
        .isEqualTo("alb-rule-10-tls");
    secrets.noteCertificates("shop", notes);
    assertThat(notes.notes)
        .hasSize(2)
        .allMatch(n -> n.startsWith("ACTION alb: HTTPS listener uses certificate arn:a "));
    assertThat(notes.notes.get(0))
        .contains("[x.example.com, y.example.com] into Secret shop/alb-rule-10-tls");
    assertThat(notes.notes.get(1)).contains("[x.example.com] into Secret shop/shop-dns-x-tls");
  }

  @Test
  void noCertificateCaptured_saysNull() {
    TlsSecrets secrets = new TlsSecrets();
    secrets.forHosts("web", List.of("web"), List.of("w.example.com"), null);
    secrets.noteCertificates("web", notes);
    assertThat(notes.notes.get(0))
        .startsWith("ACTION web: HTTPS listener uses a certificate that was not captured: put");
  }

  @Test
  void theNoteNamesWhereTheCertificateIs_acmOrIam() {
    assertThat(TlsSecrets.where("arn:aws:acm:eu-west-1:123456789012:certificate/1234-abcd"))
        .isEqualTo(
            "ACM certificate arn:aws:acm:eu-west-1:123456789012:certificate/1234-abcd, whose"
                + " private key ACM does not export");
    assertThat(TlsSecrets.where("arn:aws-cn:iam::123456789012:server-certificate/shop-2019"))
        .isEqualTo(
            "IAM server certificate arn:aws-cn:iam::123456789012:server-certificate/shop-2019,"
                + " whose private key IAM never returns (only its body and chain)");
  }
}
