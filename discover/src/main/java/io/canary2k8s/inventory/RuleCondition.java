package io.canary2k8s.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One condition of a listener rule; a rule matches when all its conditions match, a condition when
 * any of its values or regular expressions does.
 *
 * @param field {@code host-header}, {@code path-pattern}, {@code http-header}, {@code
 *     http-request-method}, {@code query-string} or {@code source-ip}
 * @param key the header name of an {@code http-header} condition, else null
 * @param values the patterns ({@code *} and {@code ?} wildcards); {@code key=value} for a
 *     query-string condition ({@code =value} when the key is omitted)
 * @param regexValues the regular expressions of the condition ({@code RegexValues} of a {@code
 *     host-header}, {@code path-pattern} or {@code http-header} condition's config, or of the
 *     condition itself); empty (and left out of inventory.json) when it has none. A condition may
 *     have regular expressions and no values: it matches only what they match, never everything.
 */
public record RuleCondition(
    String field,
    String key,
    List<String> values,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> regexValues) {
  public RuleCondition {
    values = Sorted.strings(values);
    regexValues = Sorted.strings(regexValues);
  }

  /** A condition without regular expressions. */
  public RuleCondition(String field, String key, List<String> values) {
    this(field, key, values, List.of());
  }
}
