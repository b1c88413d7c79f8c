package io.canary2k8s.inventory;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every string of an inventory, visited by the records' components, which are exactly what {@code
 * inventory.json} holds (Jackson writes a record's components and nothing else); what a visitor
 * changes is rebuilt through the records' canonical constructors, the rest is kept as it is. A type
 * the walk does not know (anything but records, lists, string-keyed maps, strings, numbers,
 * booleans and enums) is a programming error: a new kind of field must be looked at, not skipped.
 */
final class RecordWalk {
  /** What is done with each string. */
  interface Visitor {
    /**
     * A string value; returns what replaces it (the same instance: unchanged).
     *
     * @param secretNamed the value sits under a key that {@link SecretPatterns#namesSecret names a
     *     secret}: a map entry's key, or the {@code key} component of its record when it is one of
     *     its {@code values} (an HTTP header condition)
     */
    String value(String value, Field field, boolean secretNamed);

    /** A map key; returns what replaces it. */
    String key(String key, Field field);
  }

  /**
   * Where a string is inside the value walked: a component, a list index or a map key, for a note
   * (null: the value itself).
   */
  record Field(Field parent, String component, int index, String key) {
    static Field component(Field parent, String name) {
      return new Field(parent, name, -1, null);
    }

    static Field index(Field parent, int i) {
      return new Field(parent, null, i, null);
    }

    static Field key(Field parent, String k) {
      return new Field(parent, null, -1, k);
    }

    /** {@code listeners[0].rules[1].conditions[0].values[0]}, {@code tags[team]}. */
    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder();
      append(sb);
      return sb.toString();
    }

    private void append(StringBuilder sb) {
      if (parent != null) {
        parent.append(sb);
      }
      if (component != null) {
        if (!sb.isEmpty()) {
          sb.append('.');
        }
        sb.append(component);
      } else if (key != null) {
        sb.append('[').append(key).append(']');
      } else {
        sb.append('[').append(index).append(']');
      }
    }
  }

  /** The components a {@code key} naming a secret puts under it: an HTTP header's values. */
  private static final Set<String> KEYED_VALUES = Set.of("value", "values", "regexValues");

  private final Visitor visitor;

  /** Whether fields are tracked (they cost an object per component). */
  private final boolean tracked;

  RecordWalk(Visitor visitor, boolean tracked) {
    this.visitor = visitor;
    this.tracked = tracked;
  }

  /** {@code value} walked from {@code field} (null: the top); the same instance when unchanged. */
  Object walk(Object value, Field field, boolean secretNamed) {
    if (value == null
        || value instanceof Number
        || value instanceof Boolean
        || value instanceof Enum<?>) {
      return value;
    }
    if (value instanceof String s) {
      return visitor.value(s, field, secretNamed);
    }
    if (value instanceof List<?> list) {
      return list(list, field, secretNamed);
    }
    if (value instanceof Map<?, ?> map) {
      return map(map, field, secretNamed);
    }
    if (value instanceof Record r) {
      return record(r, field, secretNamed);
    }
    throw new IllegalStateException(
        "an inventory field holds a " + value.getClass().getName() + ", which is not walked");
  }

  private Object list(List<?> list, Field field, boolean secretNamed) {
    List<Object> out = null;
    for (int i = 0; i < list.size(); i++) {
      Object e = list.get(i);
      Object w = walk(e, tracked ? Field.index(field, i) : null, secretNamed);
      if (w != e && out == null) {
        out = new ArrayList<>(list.subList(0, i));
      }
      if (out != null) {
        out.add(w);
      }
    }
    return out == null ? list : out;
  }

  private Object map(Map<?, ?> map, Field field, boolean secretNamed) {
    Map<String, Object> out = new LinkedHashMap<>();
    boolean changed = false;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getKey() instanceof String k)) {
        throw new IllegalStateException("an inventory map has a key that is not a string");
      }
      Field at = tracked ? Field.key(field, k) : null;
      String k2 = visitor.key(k, at);
      Object v = e.getValue();
      Object v2 = walk(v, at, secretNamed || SecretPatterns.namesSecret(k));
      changed |= k2 != k || v2 != v;
      if (out.put(k2, v2) != null) {
        throw new IllegalStateException("two keys of a map were redacted alike");
      }
    }
    return changed ? out : map;
  }

  private Object record(Record r, Field field, boolean secretNamed) {
    Shape shape = SHAPES.get(r.getClass());
    Object[] values = new Object[shape.accessors.length];
    boolean changed = false;
    boolean keyed =
        shape.keyIndex >= 0 && SecretPatterns.namesSecret((String) get(shape, r, shape.keyIndex));
    for (int i = 0; i < values.length; i++) {
      Object v = get(shape, r, i);
      boolean named = secretNamed || keyed && KEYED_VALUES.contains(shape.names[i]);
      Object w = walk(v, tracked ? Field.component(field, shape.names[i]) : null, named);
      values[i] = w;
      changed |= w != v;
    }
    if (!changed) {
      return r;
    }
    try {
      return shape.constructor.newInstance(values);
    } catch (InstantiationException | IllegalAccessException e) {
      throw new IllegalStateException(e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(
          "rebuilding a " + r.getClass().getSimpleName() + " failed", e.getCause());
    }
  }

  private static Object get(Shape shape, Record r, int i) {
    try {
      return shape.accessors[i].invoke(r);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /** A record class's components and canonical constructor, looked up once. */
  private record Shape(
      String[] names, Method[] accessors, Constructor<?> constructor, int keyIndex) {
    static Shape of(Class<?> type) {
      RecordComponent[] components = type.getRecordComponents();
      String[] names = new String[components.length];
      Method[] accessors = new Method[components.length];
      Class<?>[] types = new Class<?>[components.length];
      int keyIndex = -1;
      for (int i = 0; i < components.length; i++) {
        names[i] = components[i].getName();
        accessors[i] = components[i].getAccessor();
        types[i] = components[i].getType();
        if (names[i].equals("key") && types[i] == String.class) {
          keyIndex = i;
        }
      }
      try {
        return new Shape(names, accessors, type.getDeclaredConstructor(types), keyIndex);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static final ClassValue<Shape> SHAPES =
      new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
          return Shape.of(type);
        }
      };
}
