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
    boolean hostNetwork) {}
