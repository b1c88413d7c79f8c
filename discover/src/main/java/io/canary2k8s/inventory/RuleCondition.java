package io.canary2k8s.inventory;

import java.util.List;

/**
 * One condition of a listener rule; a rule matches when all its conditions match, a condition when
 * any of its values does.
 *
 * @param field {@code host-header}, {@code path-pattern}, {@code http-header}, {@code
 *     http-request-method}, {@code query-string} or {@code source-ip}
 * @param key the header name of an {@code http-header} condition, else null
 * @param values the patterns ({@code *} and {@code ?} wildcards); {@code key=value} for a
 *     query-string condition ({@code =value} when the key is omitted)
 */
public record RuleCondition(String field, String key, List<String> values) {
  public RuleCondition {
    values = Sorted.strings(values);
  }
}
