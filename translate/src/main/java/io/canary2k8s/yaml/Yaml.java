package io.canary2k8s.yaml;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.canary2k8s.input.InputException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.MappingStartEvent;

/**
 * The one YAML configuration: every manifest and kustomization is written by {@link #dump}, and
 * every YAML the tool reads (its config file) goes through {@link #readStrict}, which rejects
 * anchors, aliases and merge keys (Jackson would silently misread them), duplicate keys and
 * oversized input.
 */
public final class Yaml {
  public static final int MAX_INPUT_CHARS = 4 * 1024 * 1024;

  private static final YAMLMapper WRITER =
      YAMLMapper.builder(
              YAMLFactory.builder()
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                  .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                  .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                  .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                  .disable(YAMLGenerator.Feature.USE_PLATFORM_LINE_BREAKS)
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .disable(YAMLGenerator.Feature.SPLIT_LINES)
                  .build())
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .build();

  private static final YAMLMapper READER = reader();

  private Yaml() {}

  private static YAMLMapper reader() {
    LoaderOptions lo = new LoaderOptions();
    lo.setCodePointLimit(MAX_INPUT_CHARS);
    lo.setMaxAliasesForCollections(0);
    lo.setAllowDuplicateKeys(false);
    return YAMLMapper.builder(
            YAMLFactory.builder()
                .loaderOptions(lo)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
                .build())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();
  }

  /** One object as a YAML document (no {@code ---}), ending with a newline. */
  public static String dump(Object o) {
    try {
      return WRITER.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + o.getClass().getName(), e);
    }
  }

  /** Several objects as one multi-document stream, separated by {@code ---}. */
  public static String dumpAll(List<?> objects) {
    StringBuilder sb = new StringBuilder();
    for (Object o : objects) {
      sb.append("---\n").append(dump(o));
    }
    return sb.toString();
  }

  /** Parses YAML we wrote or a user's manifest into a tree (aliases rejected). */
  public static JsonNode tree(String yaml, String shownName) {
    rejectAliases(yaml, shownName);
    try {
      return READER.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new InputException(shownName, null, "not valid YAML: " + e.getOriginalMessage());
    }
  }

  /**
   * Parses a multi-document YAML stream (as {@code kubectl kustomize} prints it, or a file of
   * our own) into one tree per non-empty document, with the same limits as {@link #tree}.
   */
  public static List<JsonNode> trees(String yaml, String shownName) {
    rejectAliases(yaml, shownName);
    List<JsonNode> out = new java.util.ArrayList<>();
    try (com.fasterxml.jackson.databind.MappingIterator<JsonNode> it =
        READER.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readValues(yaml)) {
      while (it.hasNextValue()) {
        JsonNode n = it.nextValue();
        if (n != null && !n.isNull() && !n.isMissingNode()) {
          out.add(n);
        }
      }
    } catch (JsonProcessingException e) {
      throw new InputException(shownName, null, "not valid YAML: " + firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new InputException(shownName, null, "cannot read: " + e.getMessage());
    }
    return out;
  }

  /**
   * Reads a YAML file into {@code type}, strictly. Any problem is an {@link InputException}
   * naming the file and the field.
   */
  public static <T> T readStrict(Path file, Class<T> type) {
    String shown = file.toString();
    String text;
    try {
      if (Files.size(file) > MAX_INPUT_CHARS) {
        throw new InputException(shown, null, "file is over the limit of " + MAX_INPUT_CHARS + " bytes");
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new InputException(shown, null, "file not found");
    } catch (java.nio.charset.MalformedInputException e) {
      throw new InputException(shown, null, "not UTF-8 text");
    } catch (IOException e) {
      throw new InputException(shown, null, "cannot read: " + e.getMessage());
    }
    rejectAliases(text, shown);
    try {
      JsonNode tree = READER.readTree(text);
      if (tree == null || tree.isMissingNode() || tree.isNull()) {
        throw new InputException(shown, null, "file is empty");
      }
      return READER.treeToValue(tree, type);
    } catch (JsonMappingException e) {
      throw new InputException(shown, io.canary2k8s.input.Json.path(e), firstLine(e.getOriginalMessage()));
    } catch (JsonProcessingException e) {
      throw new InputException(shown, null, "not valid YAML: " + firstLine(e.getOriginalMessage()));
    }
  }

  private static void rejectAliases(String text, String shown) {
    LoaderOptions lo = new LoaderOptions();
    lo.setCodePointLimit(MAX_INPUT_CHARS);
    org.yaml.snakeyaml.Yaml y = new org.yaml.snakeyaml.Yaml(lo);
    try {
      for (Event e : y.parse(new StringReader(text))) {
        int line = e.getStartMark() == null ? 0 : e.getStartMark().getLine() + 1;
        if (e instanceof AliasEvent) {
          throw new InputException(shown, "line " + line, "YAML aliases (*name) are not accepted");
        }
        if (e instanceof NodeEvent ne && ne.getAnchor() != null) {
          throw new InputException(shown, "line " + line, "YAML anchors (&name) are not accepted");
        }
        if (e instanceof ScalarEvent se && "<<".equals(se.getValue()) && se.isPlain()) {
          throw new InputException(shown, "line " + line, "YAML merge keys (<<) are not accepted");
        }
        if (e instanceof MappingStartEvent) {
          continue;
        }
      }
    } catch (org.yaml.snakeyaml.error.YAMLException ex) {
      throw new InputException(shown, null, "not valid YAML: " + firstLine(ex.getMessage()));
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "invalid";
    }
    int i = s.indexOf('\n');
    return i < 0 ? s : s.substring(0, i);
  }
}
