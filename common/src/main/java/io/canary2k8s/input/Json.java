package io.canary2k8s.input;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import io.canary2k8s.text.Escape;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The one JSON configuration of the project: strict reading (duplicate keys rejected, size and
 * depth limits, unknown fields rejected when binding) and stable writing (two-space indent, LF, map
 * keys sorted, nulls left out, a final newline).
 */
public final class Json {
  /** Largest JSON input accepted, in bytes. */
  public static final long MAX_INPUT_BYTES = 512L * 1024 * 1024;

  private static final ObjectMapper MAPPER = build();
  private static final ObjectWriter WRITER = MAPPER.writer(new PrettyPrinter());

  /**
   * Parsers of a document read one piece at a time ({@link #parser}): the same limits, but
   * duplicate names are found where the pieces are built ({@link #PIECE}), not by the parser. The
   * parser's own check keeps a hash set of the names of every object with more than two, and an AWS
   * item is dozens of such objects; the pieces' check is made once, where the tree is built anyway.
   * {@code CaptureReaderErrorOrderTest} holds the reader to the same complaints; {@code
   * StagesBench.discover} guards the cost.
   */
  private static final JsonFactory PIECES = factory(false);

  /**
   * Trees of values inside a document: what follows them is the document's business. A name twice
   * in one object fails the read (not worded as the whole-file read words it: the caller reads the
   * file whole for the complaint).
   */
  private static final ObjectReader PIECE =
      MAPPER
          .readerFor(JsonNode.class)
          .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .with(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  private Json() {}

  /**
   * What JSON output escapes beyond the standard: DEL and every character of {@link
   * Escape#isHidden} (C1 controls, bidi controls, zero-width characters, …), and both halves of
   * every surrogate pair (a tag character is invisible as well; a pair is read back as its code
   * point), as {@code \\uXXXX}. A reader gets the same strings; a person reading the file, or a
   * diff of it, sees every such character.
   */
  private static final class HiddenEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    static final HiddenEscapes INSTANCE = new HiddenEscapes();

    private final int[] ascii;

    private HiddenEscapes() {
      ascii = CharacterEscapes.standardAsciiEscapesForJSON();
      ascii[0x7f] = CharacterEscapes.ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      if (!Character.isSurrogate((char) ch) && !Escape.isHidden(ch)) {
        return null;
      }
      return new SerializedString(String.format(java.util.Locale.ROOT, "\\u%04x", ch));
    }
  }

  private static JsonFactory factory(boolean strictDuplicates) {
    return new JsonFactoryBuilder()
        .characterEscapes(HiddenEscapes.INSTANCE)
        .configure(StreamReadFeature.STRICT_DUPLICATE_DETECTION, strictDuplicates)
        .streamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(64)
                .maxStringLength(16 * 1024 * 1024)
                .maxNumberLength(32)
                .build())
        .build();
  }

  private static ObjectMapper build() {
    return JsonMapper.builder(factory(true))
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .addModule(
            new BlackbirdModule()) // accessors as generated lambdas, not reflection (see Yaml)
        .build();
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Reads a JSON file as a tree; any problem is an {@link InputException} naming the file. */
  public static JsonNode readTree(Path file, String shownName) {
    try {
      long size = Files.size(file);
      if (size > MAX_INPUT_BYTES) {
        throw new InputException(
            shownName, null, "file is " + size + " bytes, over the limit of " + MAX_INPUT_BYTES);
      }
      if (size == 0) {
        throw new InputException(shownName, null, "file is empty");
      }
      return MAPPER.readTree(file.toFile());
    } catch (NoSuchFileException e) {
      throw new InputException(shownName, null, "file not found");
    } catch (JsonProcessingException e) {
      throw new InputException(shownName, null, "not valid JSON: " + describe(e), e);
    } catch (IOException e) {
      throw new InputException(shownName, null, "cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * A parser over a JSON file with the limits of {@link #readTree}, for reading a large file one
   * piece at a time; null where readTree refuses the file before parsing it (missing, empty, over
   * the size limit), so that the caller lets readTree say so. It does not look for a name twice in
   * an object: {@link #readTree(JsonParser)} does in what it builds, and the caller in what it
   * reads otherwise.
   */
  public static JsonParser parser(Path file) {
    try {
      long size = Files.size(file);
      if (size == 0 || size > MAX_INPUT_BYTES) {
        return null;
      }
      return PIECES.createParser(file.toFile());
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * The value that starts at {@code p}'s current token, as a tree exactly like the same value in
   * {@link #readTree}'s; the parser is left on its last token. A name twice in one of its objects
   * fails it.
   */
  public static JsonNode readTree(JsonParser p) throws IOException {
    return PIECE.readTree(p);
  }

  /** Reads a JSON file into a type; any problem is an {@link InputException} naming the file. */
  public static <T> T read(Path file, String shownName, Class<T> type) {
    JsonNode tree = readTree(file, shownName);
    try {
      return MAPPER.treeToValue(tree, type);
    } catch (JsonProcessingException e) {
      throw new InputException(shownName, null, describe(e), e);
    }
  }

  /** The stable pretty form, ending with a newline. */
  public static String write(Object value) {
    try {
      return WRITER.writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getName(), e);
    }
  }

  /**
   * {@link #write(Object)} into {@code out} as UTF-8, never held whole (inventory.json of 10,000
   * apps: 62 MB); Jackson's UTF-8 generator, not a writer and an encoder after it.
   */
  public static void write(Object value, OutputStream out) throws IOException {
    WRITER.without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, value);
    out.write('\n');
  }

  /** The field path of a binding problem, e.g. {@code apps.myapp.image} or {@code notes[2]}. */
  public static String path(com.fasterxml.jackson.databind.JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (var ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  /** A one-line description of a Jackson problem, with line and column when known. */
  public static String describe(JsonProcessingException e) {
    String msg = e.getOriginalMessage();
    if (msg == null) {
      msg = e.getClass().getSimpleName();
    }
    int cut = msg.indexOf('\n');
    if (cut >= 0) {
      msg = msg.substring(0, cut);
    }
    msg = msg.replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*\\][^)]*\\)", "").trim();
    if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
      msg +=
          " (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ")";
    }
    return msg;
  }
}
