package io.canary2k8s.render.diff;

import com.fasterxml.jackson.databind.JsonNode;
import io.canary2k8s.input.InputException;
import io.canary2k8s.yaml.Yaml;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The Kubernetes objects of one side of a diff, by identity. Read from a bundle (every YAML
 * under its {@code base/}), from a directory of YAML files, from one multi-document YAML file,
 * or from a bundle in memory. Kustomization files are not objects and are skipped.
 */
public record Documents(SortedMap<ObjectId, Manifest> objects) {
  public Documents {
    objects = Collections.unmodifiableSortedMap(new TreeMap<>(objects));
  }

  public static final String BASE = "base";

  /**
   * A bundle directory (its {@code base/}), any directory of YAML files, or one multi-document
   * YAML file. Bad input is an {@link InputException} naming the file.
   */
  public static Documents read(Path path) {
    String shown = path.toString();
    if (Files.exists(path) && !Files.isDirectory(path)) { // a file, or a pipe such as <(kubectl kustomize …)
      return parse(Map.of(shown, readText(path, shown)));
    }
    if (!Files.isDirectory(path)) {
      throw new InputException(shown, null, "not found (expected a bundle directory or a YAML file)");
    }
    Path root = Files.isDirectory(path.resolve(BASE)) ? path.resolve(BASE) : path;
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && isYaml(p.getFileName().toString())) {
          files.put(p.toString(), readText(p, p.toString()));
        }
      }
    } catch (IOException e) {
      throw new InputException(shown, null, "cannot read: " + e.getMessage());
    }
    if (files.isEmpty()) {
      throw new InputException(root.toString(), null, "holds no YAML files");
    }
    return parse(files);
  }

  /** The objects under {@code base/} of a bundle held in memory (path → content). */
  public static Documents ofBundle(Map<String, String> bundleFiles) {
    Map<String, String> files = new TreeMap<>();
    bundleFiles.forEach(
        (path, content) -> {
          if (path.startsWith(BASE + "/") && isYaml(path.substring(path.lastIndexOf('/') + 1))) {
            files.put(path, content);
          }
        });
    return parse(files);
  }

  /** Parses YAML texts (shown name → content) into objects; identities must be unique. */
  public static Documents parse(Map<String, String> files) {
    SortedMap<ObjectId, Manifest> out = new TreeMap<>();
    files.forEach(
        (shown, text) -> {
          List<JsonNode> trees = Yaml.trees(text, shown);
          for (int i = 0; i < trees.size(); i++) {
            JsonNode t = trees.get(i);
            String where = trees.size() == 1 ? "" : "document " + (i + 1) + ": ";
            if (!t.isObject()) {
              throw new InputException(shown, where + "(top level)", "not a Kubernetes object (a YAML mapping)");
            }
            if (isKustomization(t)) {
              continue;
            }
            ObjectId id =
                new ObjectId(
                    text(t, "apiVersion", shown, where),
                    text(t, "kind", shown, where),
                    optional(t.at("/metadata/namespace"), shown, where + "metadata.namespace"),
                    text(t.path("metadata"), "name", shown, where + "metadata."));
            Manifest previous = out.put(id, new Manifest(id, t, shown));
            if (previous != null) {
              throw new InputException(shown, where + "metadata.name",
                  id.display() + " (" + id.apiVersion() + ") is also defined in " + previous.source());
            }
          }
        });
    return new Documents(out);
  }

  public List<Manifest> list() {
    return new ArrayList<>(objects.values());
  }

  public Manifest get(ObjectId id) {
    return objects.get(id);
  }

  private static boolean isKustomization(JsonNode t) {
    return t.path("apiVersion").asText().startsWith("kustomize.config.k8s.io/");
  }

  private static boolean isYaml(String fileName) {
    return fileName.endsWith(".yaml") || fileName.endsWith(".yml");
  }

  private static String text(JsonNode parent, String field, String shown, String where) {
    JsonNode v = parent.get(field);
    if (v == null || !v.isTextual() || v.asText().isEmpty()) {
      throw new InputException(shown, where + field, "missing or not a string (every object needs apiVersion, kind and metadata.name)");
    }
    return v.asText();
  }

  private static String optional(JsonNode v, String shown, String field) {
    if (v.isMissingNode() || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new InputException(shown, field, "not a string");
    }
    return v.asText().isEmpty() ? null : v.asText();
  }

  private static String readText(Path p, String shown) {
    try {
      if (Files.size(p) > Yaml.MAX_INPUT_CHARS) {
        throw new InputException(shown, null, "file is over the limit of " + Yaml.MAX_INPUT_CHARS + " bytes");
      }
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (MalformedInputException e) {
      throw new InputException(shown, null, "not UTF-8 text");
    } catch (IOException e) {
      throw new InputException(shown, null, "cannot read: " + e.getMessage());
    }
  }
}
