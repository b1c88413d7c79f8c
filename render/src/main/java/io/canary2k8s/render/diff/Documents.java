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
import java.util.HashMap;
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
    return parse(texts(path));
  }

  /** The two sides of a diff, read as {@link #read} reads each. */
  public record Pair(Documents before, Documents after) {}

  /**
   * Both sides of a diff. A text found on both sides (an unchanged file: most of a bundle from
   * one run to the next) is parsed once and its trees used for both.
   */
  public static Pair read(Path before, Path after) {
    Map<String, String> old = texts(before);
    Map<String, String> now = texts(after);
    Map<String, Parsed> parsedOld = parsed(old, Map.of());
    Documents first = assemble(parsedOld); // reports the first bad file of the old side
    Map<String, List<JsonNode>> byText = new HashMap<>();
    old.forEach((shown, text) -> byText.putIfAbsent(text, parsedOld.get(shown).trees()));
    return new Pair(first, assemble(parsed(now, byText)));
  }

  /** shown file name → text of every YAML file {@link #read} takes from {@code path}. */
  private static Map<String, String> texts(Path path) {
    String shown = path.toString();
    if (Files.exists(path) && !Files.isDirectory(path)) { // a file, or a pipe such as <(kubectl kustomize …)
      return Map.of(shown, readText(path, shown));
    }
    if (!Files.isDirectory(path)) {
      throw new InputException(shown, null, "not found (expected a bundle directory or a YAML file)");
    }
    Path root = Files.isDirectory(path.resolve(BASE)) ? path.resolve(BASE) : path;
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        String name = p.getFileName().toString();
        // a kustomization lists files, it is not an object: not read (a 10,000-app bundle's is
        // over the size limit of one YAML file)
        if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && isYaml(name) && !isKustomizationFile(name)) {
          files.put(p.toString(), readText(p, p.toString()));
        }
      }
    } catch (IOException e) {
      throw new InputException(shown, null, "cannot read: " + e.getMessage());
    }
    if (files.isEmpty()) {
      throw new InputException(root.toString(), null, "holds no YAML files");
    }
    return files;
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
    return assemble(parsed(files, Map.of()));
  }

  /**
   * Every file parsed (trees already in {@code known} by text are reused). Parsing is the cost
   * and each file is independent: every core. Errors are kept per file, so that {@link
   * #assemble} reports the first bad file in path order, whatever the scheduling.
   */
  private static Map<String, Parsed> parsed(Map<String, String> files, Map<String, List<JsonNode>> known) {
    List<Parsed> list = new TreeMap<>(files).entrySet().parallelStream()
        .map(e -> known.containsKey(e.getValue())
            ? new Parsed(e.getKey(), known.get(e.getValue()), null)
            : Parsed.of(e.getKey(), e.getValue()))
        .toList();
    Map<String, Parsed> out = new java.util.LinkedHashMap<>();
    list.forEach(p -> out.put(p.shown(), p));
    return out;
  }

  /** The objects of parsed files, in path order; identities must be unique. */
  private static Documents assemble(Map<String, Parsed> parsed) {
    SortedMap<ObjectId, Manifest> out = new TreeMap<>();
    parsed.values().forEach(
        p -> {
          String shown = p.shown();
          List<JsonNode> trees = p.trees();
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

  /** One file parsed, or the reason it could not be. */
  private record Parsed(String shown, List<JsonNode> parsed, InputException error) {
    static Parsed of(String shown, String text) {
      try {
        return new Parsed(shown, Yaml.trees(text, shown), null);
      } catch (InputException e) {
        return new Parsed(shown, null, e);
      }
    }

    List<JsonNode> trees() {
      if (error != null) {
        throw error;
      }
      return parsed;
    }
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

  private static boolean isKustomizationFile(String fileName) {
    return fileName.equals("kustomization.yaml") || fileName.equals("kustomization.yml");
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
