package io.canary2k8s.input;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON value with the file and path it came from, so that every complaint about input names
 * the file and the field, e.g. {@code AutoScalingGroups[3].DesiredCapacity}.
 */
public final class Node {
  private final JsonNode value;
  private final String file;
  private final String path;

  public Node(JsonNode value, String file, String path) {
    this.value = value;
    this.file = file;
    this.path = path;
  }

  public JsonNode raw() {
    return value;
  }

  public String file() {
    return file;
  }

  public String path() {
    return path;
  }

  public InputException problem(String what) {
    return new InputException(file, path, what);
  }

  public InputException problem(String field, String what) {
    return new InputException(file, join(field), what);
  }

  private String join(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  public boolean has(String field) {
    JsonNode v = value.get(field);
    return v != null && !v.isNull();
  }

  /** A required field of any type. */
  public Node get(String field) {
    JsonNode v = value.get(field);
    if (v == null || v.isNull()) {
      throw problem(field, "missing");
    }
    return new Node(v, file, join(field));
  }

  /** An optional object field, or null. */
  public Node optObject(String field) {
    if (!has(field)) {
      return null;
    }
    Node n = get(field);
    if (!n.value.isObject()) {
      throw n.problem("expected an object, found " + kind(n.value));
    }
    return n;
  }

  public String text(String field) {
    Node n = get(field);
    if (!n.value.isTextual()) {
      throw n.problem("expected a string, found " + kind(n.value));
    }
    if (n.value.asText().isEmpty()) {
      throw n.problem("is empty");
    }
    return n.value.asText();
  }

  public String optText(String field) {
    return has(field) ? text(field) : null;
  }

  public long longValue(String field, long min, long max) {
    Node n = get(field);
    if (!n.value.isIntegralNumber() || !n.value.canConvertToLong()) {
      throw n.problem("expected a whole number, found " + kind(n.value));
    }
    long v = n.value.asLong();
    if (v < min || v > max) {
      throw n.problem("value " + v + " is out of range " + min + ".." + max);
    }
    return v;
  }

  public int intValue(String field, int min, int max) {
    return (int) longValue(field, min, max);
  }

  public Integer optInt(String field, int min, int max) {
    return has(field) ? intValue(field, min, max) : null;
  }

  public Long optLong(String field, long min, long max) {
    return has(field) ? longValue(field, min, max) : null;
  }

  public double doubleValue(String field) {
    Node n = get(field);
    if (!n.value.isNumber()) {
      throw n.problem("expected a number, found " + kind(n.value));
    }
    return n.value.asDouble();
  }

  public boolean bool(String field, boolean absent) {
    if (!has(field)) {
      return absent;
    }
    Node n = get(field);
    if (!n.value.isBoolean()) {
      throw n.problem("expected true or false, found " + kind(n.value));
    }
    return n.value.asBoolean();
  }

  /** A required array field's elements. */
  public List<Node> array(String field) {
    return get(field).elements();
  }

  /** An optional array field's elements, empty when absent. */
  public List<Node> optArray(String field) {
    return has(field) ? array(field) : List.of();
  }

  /** This value's elements; it must be an array. */
  public List<Node> elements() {
    if (!value.isArray()) {
      throw problem("expected a list, found " + kind(value));
    }
    List<Node> out = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      out.add(new Node(value.get(i), file, path + "[" + i + "]"));
    }
    return out;
  }

  /** A required list of strings. */
  public List<String> strings(String field) {
    List<String> out = new ArrayList<>();
    for (Node n : optArray(field)) {
      if (!n.value.isTextual()) {
        throw n.problem("expected a string, found " + kind(n.value));
      }
      out.add(n.value.asText());
    }
    return out;
  }

  public String asText() {
    if (!value.isTextual()) {
      throw problem("expected a string, found " + kind(value));
    }
    return value.asText();
  }

  static String kind(JsonNode v) {
    if (v.isObject()) {
      return "an object";
    }
    if (v.isArray()) {
      return "a list";
    }
    if (v.isTextual()) {
      return "a string";
    }
    if (v.isNumber()) {
      return "a number";
    }
    if (v.isBoolean()) {
      return "a boolean";
    }
    return "null";
  }
}
