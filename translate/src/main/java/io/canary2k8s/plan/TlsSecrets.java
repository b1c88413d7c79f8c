package io.canary2k8s.plan;

import io.canary2k8s.inventory.CertificateSource;
import io.canary2k8s.names.Names;
import io.canary2k8s.notes.Notifier;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The TLS Secrets of one app's HTTPS routes, and the certificate each must be given: the private
 * key of an ACM or IAM certificate cannot be read, so every Secret is an action item naming its
 * hosts and where the certificate is today ({@link CertificateSource}).
 */
final class TlsSecrets {
  /**
   * Where a Secret's certificate is today: the load balancer, its certificate ARN, and the listener
   * of a TCP route ({@code SSL:8443}), null for an HTTPS listener.
   */
  private record Source(String loadBalancer, String certificate, String listener) {}

  /** Secret → the hosts it must cover, by Secret name. */
  private final Map<String, Set<String>> hosts = new TreeMap<>();

  private final Map<String, Source> sources = new TreeMap<>();

  /** Load balancer → the Secret of its listener's certificate, once a route of it alone has one. */
  private final Map<String, String> ofLoadBalancer = new TreeMap<>();

  /**
   * The Secret of a route for whole hosts, {@code <route>-tls}; with one load balancer, that load
   * balancer's Secret from now on.
   *
   * @param loadBalancers the route's load balancers, sorted: the first names the certificate
   * @param certificate the certificate ARN of the HTTPS listener, or null
   */
  String forHosts(
      String route, List<String> loadBalancers, List<String> hosts, String certificate) {
    String secret = Names.join(route, "tls");
    String lb = loadBalancers.get(0);
    add(secret, hosts, lb, certificate);
    if (loadBalancers.size() == 1) {
      ofLoadBalancer.put(lb, secret);
    }
    return secret;
  }

  /**
   * The Secret of a route for an ALB rule: the listener has one certificate, so every route of the
   * load balancer shares one Secret; {@code <route>-tls} when it has none yet.
   */
  String forRule(String route, String loadBalancer, List<String> hosts, String certificate) {
    String secret = ofLoadBalancer.computeIfAbsent(loadBalancer, k -> Names.join(route, "tls"));
    add(secret, hosts, loadBalancer, certificate);
    return secret;
  }

  /**
   * Where the certificate is and why the bundle cannot carry it: ACM does not export the private
   * key of a certificate it issued or imported, IAM returns a server certificate's body and chain
   * but never its private key.
   */
  static String where(String arn) {
    if (arn == null) {
      return "a certificate that was not captured";
    }
    return switch (CertificateSource.of(arn)) {
      case ACM -> "ACM certificate " + arn + ", whose private key ACM does not export";
      case IAM ->
          "IAM server certificate "
              + arn
              + ", whose private key IAM never returns (only its body and chain)";
      case UNKNOWN -> "certificate " + arn + " (neither an ACM nor an IAM ARN)";
    };
  }

  /**
   * The Secret of a TCP route whose SSL/TLS {@code listener} terminates TLS: the load balancer's
   * HTTPS Secret when the listener has the same certificate (one certificate, one Secret), else
   * {@code <route>-tls}.
   *
   * @param listener the listener as notes name it, e.g. {@code SSL:8443}
   */
  String forListener(
      String route, String loadBalancer, String listener, List<String> hosts, String certificate) {
    String shared = ofLoadBalancer.get(loadBalancer);
    if (shared != null
        && certificate != null
        && certificate.equals(sources.get(shared).certificate())) {
      hosts(shared).addAll(hosts);
      return shared;
    }
    String secret = Names.join(route, "tls");
    hosts(secret).addAll(hosts);
    sources.put(secret, new Source(loadBalancer, certificate, listener));
    return secret;
  }

  private Set<String> hosts(String secret) {
    return hosts.computeIfAbsent(secret, k -> new TreeSet<>());
  }

  private void add(String secret, List<String> more, String lb, String certificate) {
    hosts(secret).addAll(more);
    sources.put(secret, new Source(lb, certificate, null));
  }

  /** An action item per Secret, by Secret name: which certificate, for which hosts, where. */
  void noteCertificates(String namespace, Notifier notes) {
    hosts.forEach(
        (secret, hs) -> {
          Source source = sources.get(secret);
          if (source.listener() != null) {
            notes.action(source.loadBalancer(), listenerCertificate(namespace, secret, hs, source));
            return;
          }
          notes.action(
              source.loadBalancer(),
              "HTTPS listener uses "
                  + where(source.certificate())
                  + ": put a certificate for "
                  + List.copyOf(hs)
                  + " into Secret "
                  + namespace
                  + "/"
                  + secret
                  + " (e.g. with cert-manager).");
        });
  }

  /**
   * The action item of a TCP route's Secret: where its certificate is, and why it is not copied.
   */
  private static String listenerCertificate(
      String namespace, String secret, Set<String> hs, Source source) {
    return source.listener()
        + " listener uses "
        + where(source.certificate())
        + ": put a certificate for "
        + (hs.isEmpty() ? "the names its clients use" : List.copyOf(hs))
        + " into Secret "
        + namespace
        + "/"
        + secret
        + " (e.g. with cert-manager).";
  }
}
