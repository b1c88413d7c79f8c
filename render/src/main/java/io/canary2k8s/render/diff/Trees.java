package io.canary2k8s.render.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Tree operations of the diff: the canonical form compared, changed paths, display order, masking.
 */
final class Trees {
  static final String MASK = "***";
  private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);

  private Trees() {}

  /**
   * The form two documents are compared in: object keys sorted, every number as its exact decimal
   * value (so {@code 1}, {@code 1.0} and {@code 1e0} are equal). Key order, quoting and formatting
   * of the YAML do not reach it.
   */
  static JsonNode canonical(JsonNode n) {
    if (n.isObject()) {
      ObjectNode o = F.objectNode();
      for (String k : new TreeSet<>(fieldNames(n))) {
        o.set(k, canonical(n.get(k)));
      }
      return o;
    }
    if (n.isArray()) {
      ArrayNode a = F.arrayNode();
      n.forEach(x -> a.add(canonical(x)));
      return a;
    }
    if (n.isNumber()) {
      BigDecimal d = n.decimalValue().stripTrailingZeros();
      return F.numberNode(d.scale() < 0 ? d.setScale(0) : d);
    }
    return n;
  }

  /** The canonical tree without {@code metadata.name}: equal for a renamed object. */
  static JsonNode withoutName(JsonNode canonical) {
    JsonNode copy = canonical.deepCopy();
    if (copy.path("metadata") instanceof ObjectNode m) {
      m.remove("name");
    }
    return copy;
  }

  /** JSON pointers of every difference between two canonical trees, in document order. */
  static List<String> changedPaths(JsonNode a, JsonNode b) {
    List<String> out = new ArrayList<>();
    collect(a, b, "", out);
    return out;
  }

  private static void collect(JsonNode a, JsonNode b, String path, List<String> out) {
    if (a != null && a.equals(b)) {
      return;
    }
    if (a != null && b != null && a.isObject() && b.isObject()) {
      TreeSet<String> keys = new TreeSet<>(fieldNames(a));
      keys.addAll(fieldNames(b));
      for (String k : keys) {
        collect(a.get(k), b.get(k), path + "/" + k.replace("~", "~0").replace("/", "~1"), out);
      }
      return;
    }
    if (a != null && b != null && a.isArray() && b.isArray() && a.size() == b.size()) {
      for (int i = 0; i < a.size(); i++) {
        collect(a.get(i), b.get(i), path + "/" + i, out);
      }
      return;
    }
    out.add(path.isEmpty() ? "/" : path);
  }

  /**
   * {@code n} with its object keys in the order of {@code reference} (keys only in {@code n} follow
   * in their own order), so a diff shows content, not key order.
   */
  static JsonNode alignTo(JsonNode n, JsonNode reference) {
    if (n.isObject()) {
      ObjectNode o = F.objectNode();
      if (reference != null && reference.isObject()) {
        for (String k : fieldNames(reference)) {
          if (n.has(k)) {
            o.set(k, alignTo(n.get(k), reference.get(k)));
          }
        }
      }
      for (String k : fieldNames(n)) {
        if (!o.has(k)) {
          o.set(k, alignTo(n.get(k), null));
        }
      }
      return o;
    }
    if (n.isArray()) {
      ArrayNode a = F.arrayNode();
      for (int i = 0; i < n.size(); i++) {
        JsonNode r =
            reference != null && reference.isArray() && i < reference.size()
                ? reference.get(i)
                : null;
        a.add(alignTo(n.get(i), r));
      }
      return a;
    }
    return n;
  }

  static boolean isSecret(ObjectId id) {
    return id.kind().equals("Secret") && (id.apiVersion().equals("v1"));
  }

  /**
   * A Secret with every value of {@code data} and {@code stringData} replaced: {@code ***} when the
   * value is the same on both sides, {@code *** (before)} / {@code *** (after)} when it changed (as
   * kubectl diff does). {@code other} is the Secret on the other side, or null.
   */
  static JsonNode maskSecret(JsonNode secret, JsonNode other, String suffix) {
    ObjectNode copy = secret.deepCopy();
    for (String field : List.of("data", "stringData")) {
      if (copy.get(field) instanceof ObjectNode values) {
        JsonNode otherValues = other == null ? null : other.get(field);
        for (String k : new ArrayList<>(fieldNames(values))) {
          boolean same = otherValues != null && values.get(k).equals(otherValues.get(k));
          values.put(k, same ? MASK : MASK + " (" + suffix + ")");
        }
      }
    }
    return copy;
  }

  static List<String> fieldNames(JsonNode n) {
    List<String> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      out.add(it.next().getKey());
    }
    return out;
  }
}
