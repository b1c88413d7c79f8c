package io.canary2k8s.plan;

import io.canary2k8s.config.Config;
import java.util.List;

/**
 * One track (one Auto Scaling group): becomes a Deployment and a Service of the same name.
 *
 * @param replicas the pods that replace the group's instances: the instances it converges to
 *     ({@link io.canary2k8s.split.Capacity}); the Deployment's replicas unless an HPA owns them
 * @param scaling the HPA to emit, or null
 * @param ports the Service ports: the instance ports of the load balancers' listeners
 * @param probe the readiness probe from the load balancer health check, or null
 * @param terminationGracePeriodSeconds from the ELB's connection draining, or null
 */
public record Track(
    String name,
    Role role,
    String autoScalingGroup,
    Image image,
    int replicas,
    Scaling scaling,
    List<Port> ports,
    Probe probe,
    Integer terminationGracePeriodSeconds,
    Config.Resources resources) {

  public Track {
    ports = ports.stream().sorted(java.util.Comparator.comparingInt(Port::port)).toList();
  }

  /** A track of Auto Scaling group {@code autoScalingGroup}, its other values given by name. */
  public static Builder of(String name, Role role, String autoScalingGroup) {
    return new Builder(name, role, autoScalingGroup);
  }

  /**
   * The values of a {@link Track} by name. Unset, a track has no replicas, ports, HPA, probe, grace
   * period, image or resources.
   */
  public static final class Builder {
    private final String name;
    private final Role role;
    private final String autoScalingGroup;
    private Image image;
    private int replicas;
    private Scaling scaling;
    private List<Port> ports = List.of();
    private Probe probe;
    private Integer terminationGracePeriodSeconds;
    private Config.Resources resources;

    private Builder(String name, Role role, String autoScalingGroup) {
      this.name = name;
      this.role = role;
      this.autoScalingGroup = autoScalingGroup;
    }

    public Builder image(Image image) {
      this.image = image;
      return this;
    }

    public Builder replicas(int replicas) {
      this.replicas = replicas;
      return this;
    }

    /** The HPA, or null for none. */
    public Builder scaling(Scaling scaling) {
      this.scaling = scaling;
      return this;
    }

    public Builder ports(List<Port> ports) {
      this.ports = List.copyOf(ports);
      return this;
    }

    /** The readiness probe, or null for none. */
    public Builder probe(Probe probe) {
      this.probe = probe;
      return this;
    }

    /** The pod's termination grace period, or null for Kubernetes' default. */
    public Builder terminationGracePeriodSeconds(Integer seconds) {
      this.terminationGracePeriodSeconds = seconds;
      return this;
    }

    public Builder resources(Config.Resources resources) {
      this.resources = resources;
      return this;
    }

    public Track build() {
      return new Track(
          name,
          role,
          autoScalingGroup,
          image,
          replicas,
          scaling,
          ports,
          probe,
          terminationGracePeriodSeconds,
          resources);
    }
  }

  /**
   * The container image and where it came from.
   *
   * @param origin e.g. {@code canary2k8s.yaml apps.myapp.image} or {@code ASG tag
   *     canary2k8s.io/image}
   */
  public record Image(String reference, String origin, boolean placeholder) {
    /** An image someone chose, and where: e.g. {@code ASG tag canary2k8s.io/image}. */
    public static Image of(String reference, String origin) {
      return new Image(reference, origin, false);
    }

    /** A placeholder that does not resolve, until someone chooses the image. */
    public static Image placeholder(String reference) {
      return new Image(reference, "placeholder", true);
    }
  }

  /**
   * HPA bounds and CPU target (percent of the pod's CPU request). An HPA owns its Deployment's
   * replicas: the Deployment has no {@code spec.replicas} in base or any overlay.
   *
   * @param origin where the CPU target came from
   * @param minOrigin why {@code min} is what it is, e.g. {@code today's desired instances}; null
   *     for the group's minimum size
   */
  public record Scaling(int min, int max, int cpuUtilization, String origin, String minOrigin) {
    /** Bounds whose minimum is the group's minimum size. */
    public Scaling(int min, int max, int cpuUtilization, String origin) {
      this(min, max, cpuUtilization, origin, null);
    }
  }

  /** A Service port; name is {@code http}, {@code https} or {@code tcp-<port>}. */
  public record Port(String name, int port) {}

  /**
   * A readiness probe.
   *
   * @param scheme HTTP, HTTPS or TCP
   * @param path the HTTP path, or null for TCP
   * @param source the ELB health check it came from, e.g. {@code myapp: HTTP:8080/status}
   */
  public record Probe(
      String scheme,
      int port,
      String path,
      int periodSeconds,
      int timeoutSeconds,
      int successThreshold,
      int failureThreshold,
      String source) {}
}
