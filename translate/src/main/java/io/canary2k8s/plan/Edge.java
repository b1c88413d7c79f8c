package io.canary2k8s.plan;

/**
 * The edge Traefik that takes the load balancers' place: a DaemonSet on the edge nodes, exposed
 * on fixed node ports that the edge ELB (or any L4 balancer) targets.
 *
 * @param redirectHttpToHttps whether the web entry point redirects to websecure
 * @param https whether any route serves HTTPS (a websecure entry point is needed)
 */
public record Edge(
    String namespace,
    String nodeLabelKey,
    String nodeLabelValue,
    String image,
    boolean redirectHttpToHttps,
    boolean https,
    int webNodePort,
    int websecureNodePort) {}
