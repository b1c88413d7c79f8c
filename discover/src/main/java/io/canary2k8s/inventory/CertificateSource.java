package io.canary2k8s.inventory;

/**
 * Where a listener's certificate lives, told from its ARN: AWS Certificate Manager ({@code
 * arn:aws:acm:REGION:ACCOUNT:certificate/ID}) or IAM ({@code
 * arn:aws:iam::ACCOUNT:server-certificate/NAME}); any partition ({@code aws}, {@code aws-cn},
 * {@code aws-us-gov}, ...).
 */
public enum CertificateSource {
  ACM,
  IAM,
  /** Not an ACM or IAM certificate ARN (or none). */
  UNKNOWN;

  /** The source of the certificate {@code arn} (null gives UNKNOWN). */
  public static CertificateSource of(String arn) {
    if (arn == null) {
      return UNKNOWN;
    }
    String[] parts = arn.split(":", 6);
    if (parts.length < 6 || !parts[0].equals("arn")) {
      return UNKNOWN;
    }
    if (parts[2].equals("acm") && parts[5].startsWith("certificate/")) {
      return ACM;
    }
    if (parts[2].equals("iam") && parts[5].startsWith("server-certificate/")) {
      return IAM;
    }
    return UNKNOWN;
  }
}
