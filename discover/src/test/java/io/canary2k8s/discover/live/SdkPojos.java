package io.canary2k8s.discover.live;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Test-only, the inverse of {@link SdkJson}: the AWS CLI's JSON of an answer as the SDK's model
 * object, member by member by the service model's names, so that a capture's files can be read as
 * the SDK would have received them. A member the SDK does not know is left out.
 */
final class SdkPojos {
  private SdkPojos() {}

  /** {@code json} built into {@code builder} (a model builder, e.g. {@code Rule.builder()}). */
  @SuppressWarnings("unchecked")
  static <T> T build(JsonNode json, SdkPojo builder) {
    for (SdkField<?> f : builder.sdkFields()) {
      JsonNode v = json.get(f.memberName());
      if (v != null && !v.isNull()) {
        f.set(builder, value(f, v));
      }
    }
    return (T) ((SdkBuilder<?, ?>) builder).build();
  }

  private static Object value(SdkField<?> f, JsonNode v) {
    MarshallingType<?> t = f.marshallingType();
    if (t == MarshallingType.STRING) {
      return v.asText();
    }
    if (t == MarshallingType.INTEGER) {
      return v.intValue();
    }
    if (t == MarshallingType.LONG) {
      return v.longValue();
    }
    if (t == MarshallingType.DOUBLE) {
      return v.doubleValue();
    }
    if (t == MarshallingType.BOOLEAN) {
      return v.booleanValue();
    }
    if (t == MarshallingType.INSTANT) {
      return Instant.parse(v.asText());
    }
    if (t == MarshallingType.SDK_POJO) {
      return build(v, f.constructor().get());
    }
    if (t == MarshallingType.LIST) {
      SdkField<?> member = f.getRequiredTrait(ListTrait.class).memberFieldInfo();
      List<Object> out = new ArrayList<>();
      v.forEach(e -> out.add(value(member, e)));
      return out;
    }
    if (t == MarshallingType.MAP) {
      SdkField<?> member = f.getRequiredTrait(MapTrait.class).valueFieldInfo();
      Map<String, Object> out = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.put(e.getKey(), value(member, e.getValue()));
      }
      return out;
    }
    throw new IllegalArgumentException("no conversion to " + t + " for " + f.memberName());
  }

  /**
   * Where {@code a} and {@code b} differ: the paths of members one has and the other has not, or
   * holds otherwise ({@code Rules[].Conditions[].Field}; list positions are not named).
   */
  static Set<String> differences(JsonNode a, JsonNode b) {
    Set<String> out = new TreeSet<>();
    diff(canonical(a), canonical(b), "", out);
    return out;
  }

  private static void diff(Object a, Object b, String path, Set<String> out) {
    if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
      Set<Object> keys = new TreeSet<>();
      keys.addAll(ma.keySet());
      keys.addAll(mb.keySet());
      for (Object k : keys) {
        diff(ma.get(k), mb.get(k), path.isEmpty() ? k.toString() : path + "." + k, out);
      }
    } else if (a instanceof List<?> la && b instanceof List<?> lb && la.size() == lb.size()) {
      for (int i = 0; i < la.size(); i++) {
        diff(la.get(i), lb.get(i), path + "[]", out);
      }
    } else if (!java.util.Objects.equals(a, b)) {
      out.add(path);
    }
  }

  /**
   * {@code json} as plain values to compare: objects as sorted maps, numbers by value (an int and a
   * long of one value are equal).
   */
  static Object canonical(JsonNode json) {
    if (json.isObject()) {
      Map<String, Object> out = new TreeMap<>();
      json.fields().forEachRemaining(e -> out.put(e.getKey(), canonical(e.getValue())));
      return out;
    }
    if (json.isArray()) {
      List<Object> out = new ArrayList<>();
      json.forEach(e -> out.add(canonical(e)));
      return out;
    }
    if (json.isIntegralNumber()) {
      return json.bigIntegerValue();
    }
    if (json.isNumber()) {
      return json.decimalValue().stripTrailingZeros();
    }
    if (json.isBoolean()) {
      return json.booleanValue();
    }
    return json.asText();
  }
}
