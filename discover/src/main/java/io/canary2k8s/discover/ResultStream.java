package io.canary2k8s.discover;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.canary2k8s.input.InputException;
import io.canary2k8s.input.Json;
import io.canary2k8s.input.Node;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * The result list of a CLI output file read one element at a time: a 10,000-app capture holds 90 MB
 * of Auto Scaling groups, too much to hold as one tree. Only the usual shape is streamed, {@code
 * {..., "<key>": [...], ...}} or a bare array; anything else, and any file the parser rejects, is
 * left to the whole-file read, so that every complaint is worded the way the whole-file read words
 * it.
 *
 * <p>The whole-file read reported a syntax error before anything about the content. A stream keeps
 * that order: what goes wrong while its elements are used is reported only after {@link #finish}
 * has read the rest of the file, and a syntax error there wins (see {@link
 * CaptureReader#read(Path)}). A file once rejected stays rejected: finishing it reports the
 * complaint again, so that a problem noticed after the parser reached the syntax error (by a check
 * made beside the reading) still comes second.
 *
 * <p>The parser does not look for a name twice in an object ({@link Json#parser}): each element is
 * built by {@link Json#readTree(JsonParser)}, which does, and so is every other value of the file,
 * as the whole-file read built them; the top-level object's names are checked here. A name twice is
 * reported as the whole-file read words it.
 *
 * <p>A file that holds a paging field saying more results follow (one page of a listing) is
 * rejected once read to its end, as the whole-file read rejects it before its content: that
 * complaint, too, comes before any about its elements.
 *
 * <p>A stream read on a thread that has been interrupted stops at its next element: its read was
 * abandoned (another part of the capture failed first).
 */
final class ResultStream implements Iterable<Node>, Iterator<Node> {
  private final Path file;
  private final String shown;
  private final JsonParser parser;

  /** The path of the list: its elements are {@code <prefix>[i]}. */
  private final String prefix;

  /**
   * The open streams of the read: this one is in it until the file has been read to its end (a
   * rejected file stays in it) or abandoned.
   */
  private final List<ResultStream> open;

  /** The names of the top-level object read so far; null for a bare list. */
  private final Set<String> rootNames;

  /** The top-level paging fields read so far (see {@link CaptureLayout#PAGING_FIELDS}). */
  private final Map<String, JsonNode> paging;

  private Node next;
  private int index;
  private boolean done;
  private boolean iterated;

  /** The list's end has been read. */
  private boolean listEnded;

  /** The whole-file read's complaint, once the parser has rejected the file. */
  private InputException rejected;

  private ResultStream(
      Path file,
      String shown,
      JsonParser parser,
      String prefix,
      Set<String> rootNames,
      Map<String, JsonNode> paging,
      List<ResultStream> open) {
    this.file = file;
    this.shown = shown;
    this.parser = parser;
    this.prefix = prefix;
    this.rootNames = rootNames;
    this.paging = paging;
    this.open = open;
    open.add(this);
  }

  /**
   * A stream over the list under {@code key} (or the bare list) of {@code file}, positioned at its
   * first element; null when the file is not of that shape or not valid JSON as far as it was read
   * (the caller reads it whole). The stream is in {@code open} until the file has been read to its
   * end.
   */
  static ResultStream open(Path file, String shown, String key, List<ResultStream> open) {
    JsonParser p = Json.parser(file);
    if (p == null) {
      return null;
    }
    try {
      JsonToken root = p.nextToken();
      if (root == JsonToken.START_ARRAY) {
        return new ResultStream(file, shown, p, "", null, new HashMap<>(), open);
      }
      if (root == JsonToken.START_OBJECT) {
        Set<String> names = new HashSet<>();
        Map<String, JsonNode> paging = new HashMap<>();
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
          String name = p.currentName();
          if (!names.add(name)) {
            break; // a name twice: the whole-file read says where
          }
          JsonToken value = p.nextToken();
          if (name.equals(key)) {
            if (value == JsonToken.START_ARRAY) {
              return new ResultStream(file, shown, p, key, names, paging, open);
            }
            break; // null or not a list: the whole-file read says which
          }
          readValue(p, name, paging);
        }
      }
    } catch (IOException e) {
      // not valid JSON: the whole-file read says where
    }
    close(p);
    return null;
  }

  @Override
  public Iterator<Node> iterator() {
    if (iterated) {
      throw new IllegalStateException("a result stream is read once");
    }
    iterated = true;
    return this;
  }

  @Override
  public boolean hasNext() {
    if (next == null && !done) {
      advance();
    }
    return next != null;
  }

  @Override
  public Node next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Node n = next;
    next = null;
    return n;
  }

  private void advance() {
    if (Thread.currentThread().isInterrupted()) {
      throw new CancellationException("reading " + shown + " was abandoned");
    }
    try {
      JsonToken t = parser.nextToken();
      if (t == JsonToken.END_ARRAY) {
        listEnded = true;
        finish();
        return;
      }
      if (t == null) {
        throw exact(null);
      }
      next = new Node(Json.readTree(parser), shown, prefix + "[" + index++ + "]");
    } catch (IOException e) {
      throw exact(e);
    }
  }

  /**
   * Reads the rest of the file, as the whole-file read did before anything else: the rest of the
   * top-level value and nothing after it; a syntax error is reported as that read words it.
   */
  void finish() {
    if (rejected != null) {
      throw rejected;
    }
    if (done) {
      return;
    }
    try {
      if (!listEnded) {
        // the elements not taken (the read stopped early), built for their names
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          if (t == null) {
            throw exact(null);
          }
          Json.readTree(parser);
        }
        listEnded = true;
      }
      if (rootNames != null) {
        // the rest of the top-level object
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
          if (t == null || !rootNames.add(parser.currentName())) {
            throw exact(null);
          }
          String name = parser.currentName();
          parser.nextToken();
          readValue(parser, name, paging);
        }
      }
      if (parser.nextToken() != null) {
        throw exact(null); // a second value after the document
      }
    } catch (IOException e) {
      throw exact(e);
    }
    done = true;
    next = null;
    close(parser);
    // one page of a listing is rejected as the whole-file read rejects it, and stays rejected
    for (String field : CaptureLayout.PAGING_FIELDS) {
      if (paging.containsKey(field)) {
        try {
          CaptureFiles.checkComplete(shown, field, paging.get(field));
        } catch (InputException e) {
          rejected = e;
          throw e;
        }
      }
    }
    open.remove(this);
  }

  /** Stops reading the file where it is: its read was abandoned. */
  void abandon() {
    done = true;
    next = null;
    close(parser);
    open.remove(this);
  }

  /**
   * Reads past the value of the top-level field {@code name} at {@code p}'s current token, keeping
   * it in {@code paging} when it is a paging field.
   */
  private static void readValue(JsonParser p, String name, Map<String, JsonNode> paging)
      throws IOException {
    if (CaptureLayout.PAGING_FIELDS.contains(name)) {
      JsonNode v = Json.readTree(p);
      paging.put(name, v == null ? NullNode.getInstance() : v);
    } else {
      skipValue(p);
    }
  }

  /** Reads past the value at {@code p}'s current token, building it if it has names to check. */
  private static void skipValue(JsonParser p) throws IOException {
    if (p.currentToken() != null && p.currentToken().isStructStart()) {
      Json.readTree(p);
    }
  }

  /**
   * The whole-file read's complaint about this file, which the parser has just rejected ({@code
   * cause}, when it threw).
   */
  private InputException exact(IOException cause) {
    done = true;
    close(parser);
    try {
      Json.readTree(file, shown); // throws, worded as always
      // not reached for a file the parser rejects; said as plainly as possible all the same
      rejected =
          new InputException(
              shown,
              null,
              cause instanceof JsonProcessingException j
                  ? "not valid JSON: " + Json.describe(j)
                  : "not valid JSON",
              cause);
    } catch (InputException e) {
      rejected = e;
    }
    return rejected;
  }

  private static void close(JsonParser p) {
    try {
      p.close();
    } catch (IOException e) {
      // read-only: nothing to lose
    }
  }
}
