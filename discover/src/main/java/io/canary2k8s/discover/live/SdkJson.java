package io.canary2k8s.discover.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.canary2k8s.input.Node;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * An SDK model object as the AWS CLI prints it: an object keyed by the service model's member
 * names, the same JSON a capture holds, so that live discovery maps its answers with the capture's
 * mapping ({@link io.canary2k8s.discover.ElbMapping} and the others). A member the answer did not
 * hold is left out, as in the CLI's output (the SDK's empty "auto-construct" lists and maps stand
 * for absent members).
 */
final class SdkJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private SdkJson() {}

  /**
   * {@code pojo} as a {@link Node} named by the call that answered it, e.g. {@code
   * elasticloadbalancing:DescribeLoadBalancers in eu-west-1}, at {@code path} (e.g. {@code
   * LoadBalancerDescriptions[3]}).
   */
  static Node node(SdkPojo pojo, String call, String path) {
    return new Node(object(pojo), call, path);
  }

  /** The elements of a listed result, each as {@link #node}: {@code key[i]}. */
  static List<Node> nodes(List<? extends SdkPojo> list, String call, String key) {
    List<Node> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      out.add(node(list.get(i), call, key + "[" + i + "]"));
    }
    return out;
  }

  static ObjectNode object(SdkPojo pojo) {
    ObjectNode o = F.objectNode();
    for (SdkField<?> f : pojo.sdkFields()) {
      JsonNode v = value(f.getValueOrDefault(pojo));
      if (v != null) {
        o.set(f.memberName(), v);
      }
    }
    return o;
  }

  private static JsonNode value(Object v) {
    if (v == null
        || v instanceof SdkAutoConstructList<?>
        || v instanceof SdkAutoConstructMap<?, ?>) {
      return null;
    }
    if (v instanceof SdkPojo p) {
      return object(p);
    }
    if (v instanceof List<?> list) {
      ArrayNode a = F.arrayNode(list.size());
      for (Object e : list) {
        JsonNode j = value(e);
        a.add(j == null ? F.nullNode() : j);
      }
      return a;
    }
    if (v instanceof Map<?, ?> map) {
      ObjectNode o = F.objectNode();
      map.forEach(
          (k, e) -> {
            JsonNode j = value(e);
            if (j != null) {
              o.set(String.valueOf(k), j);
            }
          });
      return o;
    }
    if (v instanceof String s) {
      return F.textNode(s);
    }
    if (v instanceof Boolean b) {
      return F.booleanNode(b);
    }
    if (v instanceof Integer i) {
      return F.numberNode(i);
    }
    if (v instanceof Long l) {
      return F.numberNode(l);
    }
    if (v instanceof Double d) {
      return F.numberNode(d);
    }
    if (v instanceof Float fl) {
      return F.numberNode(fl);
    }
    if (v instanceof BigDecimal d) {
      return F.numberNode(d);
    }
    if (v instanceof Short s) {
      return F.numberNode(s);
    }
    if (v instanceof Byte b) {
      return F.numberNode(b);
    }
    if (v instanceof Instant t) {
      return F.textNode(t.toString());
    }
    if (v instanceof SdkBytes b) {
      return F.textNode(Base64.getEncoder().encodeToString(b.asByteArray()));
    }
    return F.textNode(String.valueOf(v));
  }
}
