package io.canary2k8s.oracle.estate;

/**
 * An ELBv2 target group of instances. {@code crossZone} is its {@code
 * load_balancing.cross_zone.enabled} attribute: {@code true}, {@code false} or {@code
 * use_load_balancer_configuration}.
 */
public record TargetGroup(String name, String protocol, int port, String crossZone) {
  public static final String USE_LB = "use_load_balancer_configuration";

  public static TargetGroup of(String name) {
    return new TargetGroup(name, "HTTP", 8080, USE_LB);
  }

  public static TargetGroup tcp(String name, int port) {
    return new TargetGroup(name, "TCP", port, USE_LB);
  }

  public TargetGroup crossZone(String value) {
    return new TargetGroup(name, protocol, port, value);
  }
}
