package io.canary2k8s.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** ACM and IAM certificates told apart by their ARNs, in every partition. */
class CertificateSourceTest {
  @Test
  void acmAndIamCertificateArns() {
    assertThat(
            CertificateSource.of(
                "arn:aws:acm:eu-west-1:111122223333:certificate/0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9"))
        .isEqualTo(CertificateSource.ACM);
    assertThat(CertificateSource.of("arn:aws:iam::111122223333:server-certificate/shop-2026"))
        .isEqualTo(CertificateSource.IAM);
    assertThat(
            CertificateSource.of(
                "arn:aws-cn:iam::111122223333:server-certificate/cloudfront/shop/2026"))
        .isEqualTo(CertificateSource.IAM);
    assertThat(CertificateSource.of("arn:aws-us-gov:acm:us-gov-west-1:111122223333:certificate/x"))
        .isEqualTo(CertificateSource.ACM);
  }

  @Test
  void anythingElseIsUnknown() {
    assertThat(CertificateSource.of(null)).isEqualTo(CertificateSource.UNKNOWN);
    assertThat(CertificateSource.of("")).isEqualTo(CertificateSource.UNKNOWN);
    assertThat(CertificateSource.of("arn:aws:iam::111122223333:role/shop"))
        .isEqualTo(CertificateSource.UNKNOWN);
    assertThat(
            CertificateSource.of("arn:aws:acm-pca:eu-west-1:111122223333:certificate-authority/x"))
        .isEqualTo(CertificateSource.UNKNOWN);
    assertThat(CertificateSource.of("server-certificate/shop"))
        .isEqualTo(CertificateSource.UNKNOWN);
  }

  @Test
  void listenersSayWhereTheirCertificateLives() {
    assertThat(
            new Listener("HTTPS", 443, "HTTP", 80, "arn:aws:iam::111122223333:server-certificate/a")
                .certificateSource())
        .isEqualTo(CertificateSource.IAM);
    assertThat(new Listener("HTTP", 80, "HTTP", 80, null).certificateSource())
        .isEqualTo(CertificateSource.UNKNOWN);
  }
}
