package io.canary2k8s.plan;

/**
 * The edge Traefik that takes the load balancers' place: a DaemonSet on the edge nodes, exposed on
 * fixed node ports that the edge ELB (or any L4 balancer) targets.
 *
 * @param redirectHttpToHttps whether every route that serves HTTP redirects it to HTTPS, so the web
 *     entry point can redirect as a whole (otherwise each such route redirects on its own)
 * @param https whether any route serves HTTPS (a websecure entry point is needed)
 * @param hostNetwork whether the edge pods use the nodes' network namespace (asked for with {@code
 *     --edge-host-network}; the edge namespace then needs Pod Security Standard privileged)
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
    boolean hostNetwork) {

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
          hostNetwork);
    }
  }
}
