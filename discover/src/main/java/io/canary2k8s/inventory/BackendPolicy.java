package io.canary2k8s.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * A policy a classic ELB applies to its connections to one instance port ({@code
 * BackendServerDescriptions[].PolicyNames}): a ProxyProtocol policy (the ELB prepends a PROXY
 * protocol header the instances must read) or a back-end authentication policy.
 *
 * @param instancePort the instance port the policy applies to
 * @param name the policy's name
 * @param type its {@code PolicyTypeName}, e.g. {@code ProxyProtocolPolicyType} or {@code
 *     BackendServerAuthenticationPolicyType}; null when the load balancer's policies were not read
 *     (a capture without {@code elb/policies/<name>.json})
 * @param attributes its attributes ({@code AttributeName} to {@code AttributeValue}), e.g. {@code
 *     ProxyProtocol=true}; empty (and left out of inventory.json) when not read
 */
public record BackendPolicy(
    int instancePort,
    String name,
    String type,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> attributes) {
  /** The {@code PolicyTypeName} of a ProxyProtocol policy. */
  public static final String PROXY_PROTOCOL_TYPE = "ProxyProtocolPolicyType";

  public BackendPolicy {
    attributes = Sorted.map(attributes);
  }

  /**
   * Whether the ELB speaks the PROXY protocol to this port: a ProxyProtocol policy whose {@code
   * ProxyProtocol} attribute is not {@code false}. False when the policy's type was not read (see
   * {@link #typeKnown()}).
   */
  public boolean proxyProtocol() {
    return PROXY_PROTOCOL_TYPE.equals(type)
        && !"false".equalsIgnoreCase(attributes.getOrDefault("ProxyProtocol", "true"));
  }

  /** Whether the policy's type was read. */
  public boolean typeKnown() {
    return type != null;
  }
}
