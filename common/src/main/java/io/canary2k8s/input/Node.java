package io.canary2k8s.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON value with the file and path it came from, so that every complaint about input names the
 * file and the field, e.g. {@code AutoScalingGroups[3].DesiredCapacity}. The path is spelt out only
 * when asked for: a capture of 10,000 apps has millions of fields, and only a complaint needs one.
 */
public final class Node {
  private final JsonNode value;
  private final String file;

  /** The value this one is a field or an element of; null for the value a path was given for. */
  private final Node parent;

  /** The field name in {@code parent}, or null for an element. */
  private final String field;

  /** The index in {@code parent}, for an element. */
  private final int index;

  /** Computed from {@code parent} when first asked for (the same text every time). */
  private String path;

  public Node(JsonNode value, String file, String path) {
    this(value, file, null, null, -1);
    this.path = path;
  }

  private Node(JsonNode value, String file, Node parent, String field, int index) {
    this.value = value;
    this.file = file;
    this.parent = parent;
    this.field = field;
    this.index = index;
  }

  public JsonNode raw() {
    return value;
  }

  public String file() {
    return file;
  }

  public String path() {
    String p = path;
    if (p == null) {
      p = field != null ? parent.join(field) : parent.path() + "[" + index + "]";
      path = p;
    }
    return p;
  }

  /**
   * This value's file and path without the value: a complaint about it made later keeps no tree in
   * memory.
   */
  public Node detached() {
    return new Node(MissingNode.getInstance(), file, path());
  }

  public InputException problem(String what) {
    return new InputException(file, path(), what);
  }

  public InputException problem(String field, String what) {
    return new InputException(file, join(field), what);
  }

  private String join(String field) {
    String p = path();
    return p.isEmpty() ? field : p + "." + field;
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
    return new Node(v, file, this, field, -1);
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
      out.add(new Node(value.get(i), file, this, null, i));
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
