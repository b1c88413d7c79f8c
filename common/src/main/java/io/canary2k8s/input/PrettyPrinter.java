package io.canary2k8s.input;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;

/**
 * {@link Json}'s pretty form: two-space indentation, LF, {@code ": "} between a key and its value.
 * The same text as Jackson's {@link DefaultPrettyPrinter} with these separators and a two-space
 * {@code DefaultIndenter}, but every line start and separator is a {@link SerializedString}, which
 * a generator copies as bytes it has encoded once; Jackson's indenter and separators hand over
 * characters that the UTF-8 generator encodes one by one, on every line of files of tens of MB
 * ({@code inventory.json}, {@code notes.json}). {@code PrettyPrinterTest} holds it to Jackson's
 * text; {@code bench/scale/JsonOutCpu.java} guards the cost.
 */
final class PrettyPrinter extends DefaultPrettyPrinter {
  /** Jackson's separators of that form, encoded once. */
  private final SerializableString keyValue;

  private final SerializableString entry;
  private final SerializableString arrayValue;

  PrettyPrinter() {
    super(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    _objectIndenter = Lines.INSTANCE;
    _arrayIndenter = Lines.INSTANCE;
    keyValue = new SerializedString(_objectFieldValueSeparatorWithSpaces);
    entry = new SerializedString(_objectEntrySeparator);
    arrayValue = new SerializedString(_arrayValueSeparator);
  }

  private PrettyPrinter(PrettyPrinter base) {
    super(base);
    keyValue = base.keyValue;
    entry = base.entry;
    arrayValue = base.arrayValue;
  }

  /** Jackson makes one per document from this one (it counts the nesting). */
  @Override
  public PrettyPrinter createInstance() {
    return new PrettyPrinter(this);
  }

  @Override
  public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
    g.writeRaw(keyValue);
  }

  @Override
  public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
    g.writeRaw(entry);
    _objectIndenter.writeIndentation(g, _nesting);
  }

  @Override
  public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
    g.writeRaw(arrayValue);
    _arrayIndenter.writeIndentation(g, _nesting);
  }

  /** A new line indented by two spaces a level, made once per level. */
  private static final class Lines implements Indenter {
    static final Lines INSTANCE = new Lines();
    private static final int KEPT = 64;
    private final SerializableString[] lines = new SerializableString[KEPT];

    private Lines() {
      for (int level = 0; level < KEPT; level++) {
        lines[level] = new SerializedString("\n" + "  ".repeat(level));
      }
    }

    @Override
    public void writeIndentation(JsonGenerator g, int level) throws IOException {
      g.writeRaw(level < KEPT ? lines[level] : new SerializedString("\n" + "  ".repeat(level)));
    }

    @Override
    public boolean isInline() {
      return false;
    }
  }
}
