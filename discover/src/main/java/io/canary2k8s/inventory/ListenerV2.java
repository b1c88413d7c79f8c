package io.canary2k8s.inventory;

import java.util.List;

/**
 * One ELBv2 listener and its rules.
 *
 * @param protocol HTTP, HTTPS, TCP, TLS, UDP, TCP_UDP, ...
 * @param certificateArns the listener's certificates (HTTPS, TLS), else empty
 * @param rules its rules in evaluation order: ascending priority, the default rule last
 */
public record ListenerV2(
    String arn, String protocol, int port, List<String> certificateArns, List<ListenerRule> rules) {

  public ListenerV2 {
    certificateArns = Sorted.strings(certificateArns);
    rules = Sorted.list(rules, ListenerRule.EVALUATION_ORDER);
  }

  /** The rule that takes what no other rule matched. */
  public ListenerRule defaultRule() {
    return rules.stream().filter(ListenerRule::isDefault).findFirst().orElse(null);
  }
}
