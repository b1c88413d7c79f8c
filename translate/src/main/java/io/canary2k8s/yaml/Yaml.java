package io.canary2k8s.yaml;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import io.canary2k8s.input.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;

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
          // fabric8's getters called through generated lambdas instead of Method.invoke (its
          // argument array, access checks and boxing) for every property of every object
          // (guarded by bench/scale/YamlDumpCpu.java)
          .addModule(new BlackbirdModule())
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
    // the plain shape of nearly every manifest is written directly (BlockWriter: the same
    // bytes as Jackson-YAML, or it declines); anything else by Jackson-YAML
    String fast = block(o);
    return fast != null ? fast : jackson(o);
  }

  /** {@code o} through {@link BlockWriter} alone: null where it declines. */
  static String block(Object o) {
    return BlockWriter.write(WRITER, o);
  }

  /** {@code o} through Jackson-YAML alone: the reference {@link BlockWriter} is tested against. */
  static String jackson(Object o) {
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
    try (JsonParser p = strict(yaml, shownName)) {
      return READER.readTree(p);
    } catch (JsonProcessingException e) {
      throw new InputException(shownName, null, "not valid YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new InputException(shownName, null, "cannot read: " + e.getMessage());
    } catch (org.yaml.snakeyaml.error.YAMLException e) {
      throw new InputException(shownName, null, "not valid YAML: " + firstLine(e.getMessage()));
    }
  }

  /**
   * Parses a multi-document YAML stream (as {@code kubectl kustomize} prints it, or a file of our
   * own) into one tree per non-empty document, with the same limits as {@link #tree}. A file in the
   * block shape we write is read by {@link BlockReader} (the same tree, without snakeyaml: a diff
   * of two 10,000-app bundles reads 200,000 of them); anything else, and every error, by {@link
   * #strictTrees}.
   */
  public static List<JsonNode> trees(String yaml, String shownName) {
    JsonNode fast = BlockReader.read(yaml);
    return fast != null ? List.of(fast) : strictTrees(yaml, shownName);
  }

  /**
   * {@link #trees}, except that a file in the block shape we write is read only as far as it
   * identifies a Kubernetes object: its tree holds apiVersion, kind, and metadata's name and
   * namespace (the rest is checked exactly as {@link #trees} checks it, but not built). A diff
   * reads 200,000 files to check and identify them and looks into few; building their trees was
   * most of its garbage. Any other text: the whole trees, or the error, of {@link #trees}.
   */
  public static List<JsonNode> outlines(String yaml, String shownName) {
    JsonNode fast = BlockReader.outline(yaml);
    return fast != null ? List.of(fast) : strictTrees(yaml, shownName);
  }

  /**
   * {@link #trees} of the text whose UTF-8 bytes are {@code utf8} (valid UTF-8): a file read as
   * bytes is read without decoding and copying it first (a diff reads 200,000 files).
   */
  public static List<JsonNode> trees(byte[] utf8, String shownName) {
    JsonNode fast = BlockReader.read(utf8);
    return fast != null
        ? List.of(fast)
        : strictTrees(new String(utf8, StandardCharsets.UTF_8), shownName);
  }

  /** {@link #outlines} of the text whose UTF-8 bytes are {@code utf8} (valid UTF-8). */
  public static List<JsonNode> outlines(byte[] utf8, String shownName) {
    JsonNode fast = BlockReader.outline(utf8);
    return fast != null
        ? List.of(fast)
        : strictTrees(new String(utf8, StandardCharsets.UTF_8), shownName);
  }

  /**
   * {@link #trees} through snakeyaml alone: the reference {@link BlockReader} is tested against.
   */
  static List<JsonNode> strictTrees(String yaml, String shownName) {
    List<JsonNode> out = new java.util.ArrayList<>();
    try (com.fasterxml.jackson.databind.MappingIterator<JsonNode> it =
        READER
            .readerFor(JsonNode.class)
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .readValues(strict(yaml, shownName))) {
      while (it.hasNextValue()) {
        JsonNode n = it.nextValue();
        if (n != null && !n.isNull() && !n.isMissingNode()) {
          out.add(n);
        }
      }
    } catch (JsonProcessingException e) {
      throw new InputException(
          shownName, null, "not valid YAML: " + firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new InputException(shownName, null, "cannot read: " + e.getMessage());
    } catch (org.yaml.snakeyaml.error.YAMLException e) {
      throw new InputException(shownName, null, "not valid YAML: " + firstLine(e.getMessage()));
    }
    return out;
  }

  /**
   * Reads a YAML file into {@code type}, strictly. Any problem is an {@link InputException} naming
   * the file and the field.
   */
  public static <T> T readStrict(Path file, Class<T> type) {
    String shown = file.toString();
    String text;
    try {
      if (Files.size(file) > MAX_INPUT_CHARS) {
        throw new InputException(
            shown, null, "file is over the limit of " + MAX_INPUT_CHARS + " bytes");
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new InputException(shown, null, "file not found");
    } catch (java.nio.charset.MalformedInputException e) {
      throw new InputException(shown, null, "not UTF-8 text");
    } catch (IOException e) {
      throw new InputException(shown, null, "cannot read: " + e.getMessage());
    }
    try (JsonParser p = strict(text, shown)) {
      JsonNode tree = READER.readTree(p);
      if (tree == null || tree.isMissingNode() || tree.isNull()) {
        throw new InputException(shown, null, "file is empty");
      }
      return READER.treeToValue(tree, type);
    } catch (JsonMappingException e) {
      throw new InputException(
          shown, io.canary2k8s.input.Json.path(e), firstLine(e.getOriginalMessage()));
    } catch (JsonProcessingException e) {
      throw new InputException(shown, null, "not valid YAML: " + firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new InputException(shown, null, "cannot read: " + e.getMessage());
    } catch (org.yaml.snakeyaml.error.YAMLException e) {
      throw new InputException(shown, null, "not valid YAML: " + firstLine(e.getMessage()));
    }
  }

  /**
   * A parser of {@code text} that rejects anchors, aliases and merge keys as it reads (one pass
   * over the text: bundles of 100,000 files are diffed). Every way a tree reader advances goes
   * through {@link #nextToken}. A {@code <<} key is refused quoted or not: Kubernetes has no field
   * of that name.
   */
  private static JsonParser strict(String text, String shown) throws IOException {
    return new StrictParser((YAMLParser) READER.getFactory().createParser(text), shown);
  }

  private static final class StrictParser extends JsonParserDelegate {
    private final YAMLParser yaml;
    private final String shown;

    StrictParser(YAMLParser yaml, String shown) {
      super(yaml);
      this.yaml = yaml;
      this.shown = shown;
    }

    @Override
    public JsonToken nextToken() throws IOException {
      JsonToken t = yaml.nextToken();
      if (t == null) {
        return null;
      }
      String line = "line " + yaml.currentTokenLocation().getLineNr();
      if (yaml.isCurrentAlias()) {
        throw new InputException(shown, line, "YAML aliases (*name) are not accepted");
      }
      if (yaml.getCurrentAnchor() != null) {
        throw new InputException(shown, line, "YAML anchors (&name) are not accepted");
      }
      if (t == JsonToken.FIELD_NAME && "<<".equals(yaml.currentName())) {
        throw new InputException(shown, line, "YAML merge keys (<<) are not accepted");
      }
      return t;
    }

    @Override
    public JsonToken nextValue() throws IOException {
      JsonToken t = nextToken();
      return t == JsonToken.FIELD_NAME ? nextToken() : t;
    }

    @Override
    public String nextFieldName() throws IOException {
      return nextToken() == JsonToken.FIELD_NAME ? currentName() : null;
    }

    @Override
    public boolean nextFieldName(SerializableString name) throws IOException {
      return nextToken() == JsonToken.FIELD_NAME && name.getValue().equals(currentName());
    }

    @Override
    public String nextTextValue() throws IOException {
      return nextToken() == JsonToken.VALUE_STRING ? getText() : null;
    }

    @Override
    public int nextIntValue(int defaultValue) throws IOException {
      return nextToken() == JsonToken.VALUE_NUMBER_INT ? getIntValue() : defaultValue;
    }

    @Override
    public long nextLongValue(long defaultValue) throws IOException {
      return nextToken() == JsonToken.VALUE_NUMBER_INT ? getLongValue() : defaultValue;
    }

    @Override
    public Boolean nextBooleanValue() throws IOException {
      JsonToken t = nextToken();
      return t == JsonToken.VALUE_TRUE
          ? Boolean.TRUE
          : t == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
    }

    @Override
    public JsonParser skipChildren() throws IOException {
      if (currentToken() == JsonToken.START_OBJECT || currentToken() == JsonToken.START_ARRAY) {
        int open = 1;
        while (open > 0) {
          JsonToken t = nextToken();
          if (t == null) {
            return this;
          }
          if (t.isStructStart()) {
            open++;
          } else if (t.isStructEnd()) {
            open--;
          }
        }
      }
      return this;
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
