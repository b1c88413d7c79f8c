package io.canary2k8s.discover;

import static io.canary2k8s.discover.CaptureLayout.RESULT_KEYS;

import com.fasterxml.jackson.databind.JsonNode;
import io.canary2k8s.input.InputException;
import io.canary2k8s.input.Json;
import io.canary2k8s.input.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The files of one capture directory as one part of its read sees them (see {@link Sections}): each
 * part has its own, so with result lists of its own. Every complaint names the file as the user
 * would find it.
 */
final class CaptureFiles {
  private final Path dir;

  /** The result lists being read, outermost first (see {@link CaptureReader#read(Path)}). */
  private final List<ResultStream> open = new ArrayList<>();

  /** Elements of result lists read so far, by every part: what progress shows. */
  private final LongAdder items;

  CaptureFiles(Path dir, LongAdder items) {
    this.dir = dir;
    this.items = items;
  }

  boolean exists(String rel) {
    return Files.isRegularFile(dir.resolve(rel));
  }

  JsonNode tree(String rel) {
    return Json.readTree(dir.resolve(rel), shown(rel));
  }

  /** How a capture file is named in messages: as the user would find it. */
  String shown(String rel) {
    return dir.resolve(rel).toString();
  }

  /**
   * The result list of a CLI command's output: the array under {@code key}, or a bare array (the
   * output of {@code --query}), read one element at a time (see {@link ResultStream}). A document
   * holding another command's result key is named as such. Iterated once; each element read is
   * counted.
   */
  Iterable<Node> results(String rel, String key) {
    Iterable<Node> list = resultList(rel, key);
    return () -> {
      Iterator<Node> it = list.iterator();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public Node next() {
          Node n = it.next();
          items.increment();
          return n;
        }
      };
    };
  }

  private Iterable<Node> resultList(String rel, String key) {
    ResultStream stream = ResultStream.open(dir.resolve(rel), shown(rel), key, open);
    if (stream != null) {
      return stream;
    }
    JsonNode root = tree(rel);
    if (root.isArray()) {
      return new Node(root, shown(rel), "").elements();
    }
    return document(rel, root, key).array(key);
  }

  /** The object under {@code key} of a CLI command's output (e.g. the attributes of one ELB). */
  Node object(String rel, String key) {
    Node doc = document(rel, tree(rel), key);
    Node o = doc.optObject(key);
    return o != null ? o : doc.get(key);
  }

  /** The whole output of a CLI command, which must hold {@code key}. */
  Node document(String rel, String key) {
    return document(rel, tree(rel), key);
  }

  /**
   * Fails when the top-level {@code value} of {@code name} says more results follow: the file is
   * one page of a listing, not all of it (see {@link CaptureLayout#PAGING_FIELDS}).
   */
  static void checkComplete(String shown, String name, JsonNode value) {
    boolean more =
        name.equals("IsTruncated")
            ? value.isBoolean() && value.asBoolean()
            : value.isTextual() && !value.asText().isEmpty();
    if (more) {
      throw new InputException(shown, name, CaptureLayout.NOT_PAGINATED);
    }
  }

  /**
   * The top-level object of a CLI output file, which must hold {@code key}; a file holding another
   * command's result key is named as such.
   */
  private Node document(String rel, JsonNode root, String key) {
    if (!root.isObject()) {
      throw new InputException(shown(rel), null, "expected a JSON object with " + key);
    }
    if (!root.has(key)) {
      String expected = "the output of '" + RESULT_KEYS.get(key) + "'";
      for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
        String other = it.next();
        if (RESULT_KEYS.containsKey(other)) {
          throw new InputException(
              shown(rel),
              key,
              "missing; the file holds "
                  + other
                  + ", the output of '"
                  + RESULT_KEYS.get(other)
                  + "', not "
                  + expected);
        }
      }
      throw new InputException(shown(rel), key, "missing; expected " + expected);
    }
    for (String field : CaptureLayout.PAGING_FIELDS) {
      if (root.has(field)) {
        checkComplete(shown(rel), field, root.get(field));
      }
    }
    return new Node(root, shown(rel), "");
  }

  /** Reads the rest of every result list still open, outermost first. */
  void finishOpen() {
    for (ResultStream s : List.copyOf(open)) {
      s.finish();
    }
  }

  /** Closes every result list still open, unread: the read was abandoned. */
  void closeOpen() {
    for (ResultStream s : List.copyOf(open)) {
      s.abandon();
    }
  }
}
