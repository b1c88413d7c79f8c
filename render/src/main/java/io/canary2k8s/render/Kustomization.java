package io.canary2k8s.render;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** A {@code kustomization.yaml}, serialised with the one YAML mapper (never templated). */
@JsonPropertyOrder({"apiVersion", "kind", "resources", "patches"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Kustomization(
    String apiVersion, String kind, List<String> resources, List<Patch> patches) {
  public static Kustomization of(List<String> resources, List<Patch> patches) {
    return new Kustomization(
        "kustomize.config.k8s.io/v1beta1", "Kustomization", resources, patches);
  }

  /** A JSON 6902 patch (as YAML text) and the one object it must match. */
  @JsonPropertyOrder({"target", "patch"})
  public record Patch(Target target, String patch) {}

  @JsonPropertyOrder({"group", "version", "kind", "namespace", "name"})
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Target(String group, String version, String kind, String namespace, String name) {}
}
