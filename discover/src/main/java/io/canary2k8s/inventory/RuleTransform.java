package io.canary2k8s.inventory;

import java.util.List;

/**
 * A transform of an ELBv2 listener rule: the request is rewritten before its actions run.
 *
 * @param type {@code host-header-rewrite} or {@code url-rewrite}
 * @param rewrites in AWS's order: the first whose regex matches is applied
 */
public record RuleTransform(String type, List<Rewrite> rewrites) {
  public RuleTransform {
    rewrites = rewrites == null ? List.of() : List.copyOf(rewrites);
  }

  /**
   * One rewrite: what matches {@code regex} (the host header, or the URL path and query) becomes
   * {@code replace}, which may name the regex's groups ({@code $1}).
   */
  public record Rewrite(String regex, String replace) {}
}
