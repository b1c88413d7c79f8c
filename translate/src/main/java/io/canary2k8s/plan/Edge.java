package io.canary2k8s.plan;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The edge Traefik that takes the load balancers' place: a DaemonSet on the edge nodes, exposed on
 * fixed node ports that the edge ELB (or any L4 balancer) targets.
 *
 * @param redirectHttpToHttps whether every route that serves HTTP redirects it to HTTPS, so the web
 *     entry point can redirect as a whole (otherwise each such route redirects on its own)
 * @param https whether any route serves HTTPS (a websecure entry point is needed)
 * @param hostNetwork whether the edge pods use the nodes' network namespace (asked for with {@code
 *     --edge-host-network}; the edge namespace then needs Pod Security Standard privileged)
 * @param tcpEntryPoints the entry points of TCP, SSL and TLS listeners on ports other than 80 and
 *     443 (those share {@code web} and {@code websecure}), by port
 */
public record Edge(
    String namespace,
    String nodeLabelKey,
    String nodeLabelValue,
    String image,
    boolean redirectHttpToHttps,
    boolean https,
    int webNodePort,
    int websecureNodePort,
    boolean hostNetwork,
    List<TcpEntryPoint> tcpEntryPoints) {

  public Edge {
    tcpEntryPoints =
        tcpEntryPoints == null
            ? List.of()
            : tcpEntryPoints.stream().sorted(Comparator.comparingInt(TcpEntryPoint::port)).toList();
  }

  /**
   * An entry point of the edge for the TCP routes of one listener port: clients reach it on {@code
   * port} of the edge load balancer, which forwards to {@code nodePort} of every edge node; the
   * Service sends it to {@code containerPort} in the pod (unprivileged: {@code 8000 + port} below
   * 1024, as 80 and 443 map to 8000 and 8443).
   *
   * @param name the entry point's name, {@code tcp-PORT} or {@code tls-PORT} (see {@link
   *     Route.TcpListener#entryPoint()}), also the name of its container and Service ports
   * @param terminatesTls whether its routes terminate TLS (and route by server name)
   * @param listeners the listeners it serves, e.g. {@code ledger TCP:5432}, sorted
   */
  public record TcpEntryPoint(
      String name,
      int port,
      int containerPort,
      int nodePort,
      boolean terminatesTls,
      List<String> listeners) {
    public TcpEntryPoint {
      Objects.requireNonNull(name, "name");
      listeners = listeners.stream().sorted().toList();
    }
  }

  /** An edge in {@code namespace}, its other values given by name. */
  public static Builder in(String namespace) {
    return new Builder(namespace);
  }

  /** The values of an {@link Edge} by name; unset booleans are false, unset ports 0. */
  public static final class Builder {
    private final String namespace;
    private String nodeLabelKey;
    private String nodeLabelValue;
    private String image;
    private boolean redirectHttpToHttps;
    private boolean https;
    private int webNodePort;
    private int websecureNodePort;
    private boolean hostNetwork;
    private List<TcpEntryPoint> tcpEntryPoints = List.of();

    private Builder(String namespace) {
      this.namespace = namespace;
    }

    /** The edge runs on the nodes labelled {@code key=value}. */
    public Builder onNodes(String key, String value) {
      this.nodeLabelKey = key;
      this.nodeLabelValue = value;
      return this;
    }

    public Builder image(String image) {
      this.image = image;
      return this;
    }

    /** Whether the web entry point redirects every HTTP request to HTTPS. */
    public Builder redirectHttpToHttps(boolean redirect) {
      this.redirectHttpToHttps = redirect;
      return this;
    }

    /** Whether any route serves HTTPS. */
    public Builder https(boolean https) {
      this.https = https;
      return this;
    }

    public Builder nodePorts(int web, int websecure) {
      this.webNodePort = web;
      this.websecureNodePort = websecure;
      return this;
    }

    public Builder hostNetwork(boolean hostNetwork) {
      this.hostNetwork = hostNetwork;
      return this;
    }

    /** The entry points of TCP routes on ports of their own. */
    public Builder tcpEntryPoints(List<TcpEntryPoint> entryPoints) {
      this.tcpEntryPoints = List.copyOf(entryPoints);
      return this;
    }

    public Edge build() {
      return new Edge(
          namespace,
          nodeLabelKey,
          nodeLabelValue,
          image,
          redirectHttpToHttps,
          https,
          webNodePort,
          websecureNodePort,
          hostNetwork,
          tcpEntryPoints);
    }
  }
}
