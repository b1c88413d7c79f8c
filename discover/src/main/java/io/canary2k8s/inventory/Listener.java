package io.canary2k8s.inventory;

/**
 * One classic ELB listener.
 *
 * @param protocol front-end protocol: HTTP, HTTPS, TCP or SSL
 * @param loadBalancerPort front-end port
 * @param instanceProtocol back-end protocol
 * @param instancePort back-end port on the instances
 * @param sslCertificateId ACM or IAM certificate ARN for HTTPS/SSL, else null
 */
public record Listener(
    String protocol,
    int loadBalancerPort,
    String instanceProtocol,
    int instancePort,
    String sslCertificateId) {

  /** Where the listener's certificate lives (ACM or IAM); UNKNOWN without one. */
  public CertificateSource certificateSource() {
    return CertificateSource.of(sslCertificateId);
  }
}
