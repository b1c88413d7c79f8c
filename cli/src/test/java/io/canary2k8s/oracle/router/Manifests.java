package io.canary2k8s.oracle.router;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The objects {@code kubectl kustomize} built, and the Kubernetes plumbing every router model
 * shares: a Service's pods (the Deployments its selector selects, by replicas) and the Auto Scaling
 * group each Deployment stands for (its {@code canary2k8s.io/aws-source} annotation); the edge
 * proxy's workload, its configuration, and which of its container ports a public port reaches.
 */
public final class Manifests {
  static final YAMLMapper YAML = new YAMLMapper();
  static final String SOURCE = "canary2k8s.io/aws-source";

  private final List<JsonNode> docs;

  private Manifests(List<JsonNode> docs) {
    this.docs = List.copyOf(docs);
  }

  public static Manifests parse(String yaml) {
    List<JsonNode> out = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
      while (it.hasNext()) {
        JsonNode d = it.next();
        if (d != null && !d.isNull() && !d.isEmpty()) {
          out.add(d);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse the built manifests", e);
    }
    return new Manifests(out);
  }

  public List<JsonNode> all() {
    return docs;
  }

  public List<JsonNode> kind(String kind) {
    return docs.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
  }

  public JsonNode find(String kind, String namespace, String name) {
    for (JsonNode d : kind(kind)) {
      if (ns(d).equals(namespace) && name(d).equals(name)) {
        return d;
      }
    }
    return null;
  }

  static String ns(JsonNode d) {
    return d.at("/metadata/namespace").asText("default");
  }

  static String name(JsonNode d) {
    return d.at("/metadata/name").asText();
  }

  static String annotation(JsonNode d, String key) {
    JsonNode v = d.at("/metadata/annotations").get(key);
    return v == null ? null : v.asText();
  }

  // ---- Service -> pods -> Auto Scaling group ---------------------------------------------------

  /**
   * The ready pods behind Service {@code ns/name} by the group they stand for, or null when there
   * is no such Service. A Deployment without the source annotation counts under its own name.
   */
  public Map<String, Integer> pods(String namespace, String service) {
    JsonNode svc = find("Service", namespace, service);
    if (svc == null) {
      return null;
    }
    Map<String, Integer> out = new TreeMap<>();
    JsonNode selector = svc.at("/spec/selector");
    if (!selector.isObject() || selector.isEmpty()) {
      return out; // a Service without a selector has no endpoints of its own
    }
    for (JsonNode dep : kind("Deployment")) {
      if (ns(dep).equals(namespace)
          && selects(selector, dep.at("/spec/template/metadata/labels"))) {
        int replicas = dep.at("/spec/replicas").asInt(1);
        String src = annotation(dep, SOURCE);
        String group =
            src != null && src.startsWith("autoscaling-group/")
                ? src.substring("autoscaling-group/".length())
                : "(deployment " + namespace + "/" + name(dep) + ")";
        if (replicas > 0) {
          out.merge(group, replicas, Integer::sum);
        }
      }
    }
    return out;
  }

  /** Whether Service {@code ns/name} has the port ({@code port} a number or a name). */
  public boolean hasPort(String namespace, String service, JsonNode port) {
    JsonNode svc = find("Service", namespace, service);
    if (svc == null) {
      return false;
    }
    if (port == null || port.isMissingNode() || port.isNull()) {
      return svc.at("/spec/ports").size() == 1;
    }
    for (JsonNode p : svc.at("/spec/ports")) {
      if (port.isInt()
          ? p.path("port").asInt() == port.asInt()
          : p.path("name").asText().equals(port.asText())
              || p.path("port").asText().equals(port.asText())) {
        return true;
      }
    }
    return false;
  }

  static boolean selects(JsonNode selector, JsonNode labels) {
    Iterator<Map.Entry<String, JsonNode>> it = selector.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!labels.path(e.getKey()).asText("\u0000").equals(e.getValue().asText())) {
        return false;
      }
    }
    return true;
  }

  // ---- the edge --------------------------------------------------------------------------------

  /** The workloads that run the proxy: a DaemonSet or Deployment with a traefik image. */
  List<JsonNode> edgeWorkloads() {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode d : docs) {
      String k = d.path("kind").asText();
      if (k.equals("DaemonSet") || k.equals("Deployment")) {
        for (JsonNode c : d.at("/spec/template/spec/containers")) {
          String image = c.path("image").asText();
          if (image.startsWith("traefik:") || image.contains("/traefik:")) {
            out.add(d);
            break;
          }
        }
      }
    }
    return out;
  }

  /**
   * The container port that public port {@code port} reaches: a Service selecting the edge pods
   * publishes {@code port} (TCP), its {@code targetPort} names or numbers a container port. The
   * load balancer in front of the edge is assumed to forward each public port to the Service port
   * of the same number. Null when no Service publishes it.
   */
  public Integer containerPort(int port) {
    for (JsonNode w : edgeWorkloads()) {
      JsonNode labels = w.at("/spec/template/metadata/labels");
      for (JsonNode svc : kind("Service")) {
        if (!ns(svc).equals(ns(w))
            || !svc.at("/spec/selector").isObject()
            || svc.at("/spec/selector").isEmpty()
            || !selects(svc.at("/spec/selector"), labels)) {
          continue;
        }
        for (JsonNode p : svc.at("/spec/ports")) {
          if (p.path("port").asInt() != port || !p.path("protocol").asText("TCP").equals("TCP")) {
            continue;
          }
          JsonNode target = p.path("targetPort");
          if (target.isMissingNode()) {
            return port;
          }
          if (target.isInt()) {
            return target.asInt();
          }
          for (JsonNode c : w.at("/spec/template/spec/containers")) {
            for (JsonNode cp : c.path("ports")) {
              if (cp.path("name").asText().equals(target.asText())) {
                return cp.path("containerPort").asInt();
              }
            }
          }
        }
      }
    }
    return null;
  }

  /** The text of {@code key} in a ConfigMap that an edge workload mounts, or null. */
  public String edgeConfig(String key) {
    for (JsonNode w : edgeWorkloads()) {
      for (JsonNode v : w.at("/spec/template/spec/volumes")) {
        String cm = v.at("/configMap/name").asText(null);
        JsonNode map = cm == null ? null : find("ConfigMap", ns(w), cm);
        if (map != null && map.at("/data").has(key)) {
          return map.at("/data").get(key).asText();
        }
      }
    }
    return null;
  }
}
