package io.canary2k8s.render.diff;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.canary2k8s.concurrent.Futures;
import io.canary2k8s.input.InputException;
import io.canary2k8s.yaml.Yaml;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * The Kubernetes objects of one side of a diff, by identity. Read from a bundle (every YAML under
 * its {@code base/}), from a directory of YAML files, from one multi-document YAML file, or from a
 * bundle in memory. Kustomization files are not objects and are skipped.
 */
public record Documents(SortedMap<ObjectId, Manifest> objects) {
  public Documents {
    objects = Collections.unmodifiableSortedMap(new TreeMap<>(objects));
  }

  public static final String BASE = "base";
  private static final JsonPointer NAMESPACE = JsonPointer.compile("/metadata/namespace");

  /**
   * A bundle directory (its {@code base/}), any directory of YAML files, or one multi-document YAML
   * file. Bad input is an {@link InputException} naming the file.
   */
  public static Documents read(Path path) {
    Side side = Side.read(path, null);
    side.throwIfUnreadable();
    return side.documents();
  }

  /** The two sides of a diff, read as {@link #read} reads each. */
  public record Pair(Documents before, Documents after) {}

  /**
   * Both sides of a diff. A file with the same text at the same place on both sides (an unchanged
   * file: most of a bundle from one run to the next) is parsed once and its trees used for both.
   * Errors come in the order of reading one side after the other: the first file of the old side
   * that cannot be read, then of the new side, then the first bad file of the old side, then of the
   * new side.
   */
  public static Pair read(Path before, Path after) {
    Side old = Side.read(before, null);
    old.throwIfUnreadable();
    Side now = Side.read(after, old);
    now.throwIfUnreadable();
    // both sides assembled at once; the first bad file of the old side is reported first
    CompletableFuture<Documents> second = CompletableFuture.supplyAsync(now::documents);
    Documents first = old.documents();
    return new Pair(first, Futures.join(second));
  }

  /**
   * One side of a diff as read: every YAML file {@link #read} takes, in the order found, read and
   * parsed on every core (parsing is the cost, and each file is independent), or what stops the
   * side from being read. Errors are kept, not thrown, so that the first one in reading order is
   * reported whatever the scheduling.
   *
   * @param files the files in the order the walk found them
   * @param error what ended the walk (or the side: not found), reported after the files' errors
   * @param root what is named when there are no YAML files
   */
  private record Side(List<Loaded> files, RuntimeException error, String root) {
    /** {@code path} read; files identical to {@code other}'s at the same place take their trees. */
    static Side read(Path path, Side other) {
      String shown = path.toString();
      if (Files.exists(path)
          && !Files.isDirectory(path)) { // a file, or a pipe such as <(kubectl kustomize …)
        return new Side(List.of(Loaded.of(path, -1, null, null)), null, shown);
      }
      if (!Files.isDirectory(path)) {
        return new Side(
            List.of(),
            new InputException(
                shown, null, "not found (expected a bundle directory or a YAML file)"),
            shown);
      }
      Path root = Files.isDirectory(path.resolve(BASE)) ? path.resolve(BASE) : path;
      // a kustomization lists files, it is not an object: not read (a 10,000-app bundle's is over
      // the size limit of one YAML file)
      YamlWalk.Listing walk =
          YamlWalk.under(root, shown, name -> isYaml(name) && !isKustomizationFile(name));
      Map<String, Loaded> same = other == null ? Map.of() : other.byPlace();
      String under = root.toString().endsWith("/") ? root.toString() : root + "/";
      List<Loaded> files =
          walk.files().parallelStream()
              .map(f -> Loaded.of(f.path(), f.size(), place(root, under, f.path()), same))
              .toList();
      return new Side(files, walk.error(), root.toString());
    }

    /**
     * {@code p} relative to {@code root} (which it is under: the walk found it there), as text: cut
     * from its text when that starts with {@code under} (the root's text and a slash), as it does
     * but for odd roots; {@code relativize} made 1 KB of garbage a file.
     */
    private static String place(Path root, String under, Path p) {
      String shown = p.toString();
      return shown.startsWith(under)
          ? shown.substring(under.length())
          : root.relativize(p).toString();
    }

    /**
     * What {@code texts} of one side threw: the first file that cannot be read, the walk's error,
     * or no files.
     */
    void throwIfUnreadable() {
      for (Loaded f : files) {
        if (f.readError() != null) {
          throw f.readError();
        }
      }
      if (error != null) {
        throw error;
      }
      if (files.isEmpty()) {
        throw new InputException(root, null, "holds no YAML files");
      }
    }

    /**
     * The side's objects. The error reported is that of the first bad file in path order; with no
     * error the order makes no difference (identities are unique, the objects are by identity). So
     * the files are taken in the order found, and sorted only to find the error to report (sorting
     * 100,000 paths costs a tenth of a diff).
     */
    Documents documents() {
      try {
        return assembleUnordered(files.stream().map(Loaded::parsed).toList());
      } catch (RuntimeException e) {
        assemble(byPath()); // an error in one order is an error in any: this one throws
        throw e;
      }
    }

    /**
     * The files parsed, in path order: the order of the paths below the root (they all start with
     * it), which are shorter to compare.
     */
    private List<Parsed> byPath() {
      Loaded[] sorted = files.toArray(new Loaded[0]);
      Arrays.sort(sorted, (x, y) -> x.path().compareTo(y.path()));
      return Arrays.stream(sorted).map(Loaded::parsed).toList();
    }

    /** Place (path relative to the side) → file, for the other side to find its unchanged files. */
    Map<String, Loaded> byPlace() {
      Map<String, Loaded> out = new HashMap<>();
      files.forEach(
          f -> {
            if (f.place() != null && f.text() != null) {
              out.put(f.place(), f);
            }
          });
      return out;
    }
  }

  /**
   * One file: its text as UTF-8 bytes (kept for the other side to compare with) and trees, or why
   * it cannot be read.
   */
  private record Loaded(
      String shown, String place, byte[] text, Parsed parsed, InputException readError) {
    /** What orders files by path. */
    String path() {
      return place != null ? place : shown;
    }

    /** {@code p} read ({@code size}: as the walk saw it, or -1) and parsed. */
    static Loaded of(Path p, long size, String place, Map<String, Loaded> other) {
      String shown = p.toString();
      byte[] text;
      try {
        text = readText(p, shown, size);
      } catch (InputException e) {
        return new Loaded(shown, place, null, null, e);
      }
      Loaded twin = other == null || place == null ? null : other.get(place);
      if (twin != null && twin.parsed().isClean() && Arrays.equals(text, twin.text())) {
        return new Loaded(shown, place, null, twin.parsed().as(shown), null);
      }
      return new Loaded(shown, place, text, Parsed.of(shown, text), null);
    }
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
    return assemble(parsed(files));
  }

  /**
   * Every file parsed. Parsing is the cost and each file is independent: every core. Errors are
   * kept per file, so that {@link #assemble} reports the first bad file in path order, whatever the
   * scheduling.
   */
  private static List<Parsed> parsed(Map<String, String> files) {
    return new TreeMap<>(files)
        .entrySet().parallelStream().map(e -> Parsed.of(e.getKey(), e.getValue())).toList();
  }

  /**
   * The objects of parsed files, in the given order (the first error is thrown); identities must be
   * unique.
   */
  private static Documents assemble(List<Parsed> parsed) {
    SortedMap<ObjectId, Manifest> out = new TreeMap<>();
    forEachObject(
        parsed,
        (p, index, count, m) -> {
          Manifest previous = out.put(m.id(), m);
          if (previous != null) {
            throw new InputException(
                p.shown(),
                where(index, count) + "metadata.name",
                m.id().display()
                    + " ("
                    + m.id().apiVersion()
                    + ") is also defined in "
                    + previous.source());
          }
        });
    return new Documents(out);
  }

  /**
   * What {@link #forEachObject} hands on: an object, its file and its place among the file's
   * documents.
   */
  private interface ObjectVisitor {
    void accept(Parsed file, int index, int count, Manifest manifest);
  }

  /** Every object of parsed files, in the given order; the first error met is thrown. */
  private static void forEachObject(List<Parsed> parsed, ObjectVisitor visitor) {
    for (Parsed p : parsed) {
      if (p.error() != null) {
        throw p.error();
      }
      List<Doc> docs = p.docs();
      for (int i = 0; i < docs.size(); i++) {
        Doc d = docs.get(i);
        if (d.invalid() != null) {
          throw d.invalid();
        }
        if (d.id() != null) { // else a kustomization
          visitor.accept(p, i, docs.size(), new Manifest(d.id(), p.file(), i, p.shown()));
        }
      }
    }
  }

  /**
   * The objects of parsed files, which must hold no error and no identity twice (else any error is
   * thrown, not the one {@link #assemble} reports). Sorted at once (on every core), not looked up
   * one by one in a growing tree (which costs a third of reading a side of 100,000 objects).
   */
  private static Documents assembleUnordered(List<Parsed> parsed) {
    List<Manifest> manifests = new ArrayList<>(parsed.size());
    forEachObject(parsed, (p, index, count, m) -> manifests.add(m));
    Manifest[] sorted = manifests.toArray(new Manifest[0]);
    Arrays.parallelSort(sorted, (a, b) -> a.id().compareTo(b.id()));
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i - 1].id().equals(sorted[i].id())) {
        throw new IllegalStateException("an identity twice: " + sorted[i].id());
      }
    }
    return new Documents(new SortedByIdentity(Arrays.asList(sorted)));
  }

  /**
   * Manifests sorted by identity, each identity once, as a sorted map for a {@link TreeMap} to
   * copy: it builds itself from a sorted map at once, without a search per key. Only what that copy
   * reads is supported.
   */
  private static final class SortedByIdentity extends AbstractMap<ObjectId, Manifest>
      implements SortedMap<ObjectId, Manifest> {
    private final List<Manifest> sorted;

    SortedByIdentity(List<Manifest> sorted) {
      this.sorted = sorted;
    }

    @Override
    public Set<Map.Entry<ObjectId, Manifest>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public Iterator<Map.Entry<ObjectId, Manifest>> iterator() {
          Iterator<Manifest> it = sorted.iterator();
          return new Iterator<>() {
            @Override
            public boolean hasNext() {
              return it.hasNext();
            }

            @Override
            public Map.Entry<ObjectId, Manifest> next() {
              Manifest m = it.next();
              return Map.entry(m.id(), m);
            }
          };
        }

        @Override
        public int size() {
          return sorted.size();
        }
      };
    }

    @Override
    public Comparator<? super ObjectId> comparator() {
      return null; // the keys' natural order
    }

    @Override
    public ObjectId firstKey() {
      return sorted.get(0).id();
    }

    @Override
    public ObjectId lastKey() {
      return sorted.get(sorted.size() - 1).id();
    }

    @Override
    public SortedMap<ObjectId, Manifest> subMap(ObjectId from, ObjectId to) {
      throw new UnsupportedOperationException("only copied");
    }

    @Override
    public SortedMap<ObjectId, Manifest> headMap(ObjectId to) {
      throw new UnsupportedOperationException("only copied");
    }

    @Override
    public SortedMap<ObjectId, Manifest> tailMap(ObjectId from) {
      throw new UnsupportedOperationException("only copied");
    }
  }

  /** How a document is named in a message: by its number when the file holds several. */
  private static String where(int index, int count) {
    return count == 1 ? "" : "document " + (index + 1) + ": ";
  }

  /**
   * One file parsed (its documents identified, their trees left to the collector: {@link
   * SourceFile}), or the reason it could not be; errors are thrown when its turn comes, in path
   * order.
   */
  private record Parsed(String shown, SourceFile file, List<Doc> docs, RuntimeException error) {
    /** A file read: its text as UTF-8 bytes. */
    static Parsed of(String shown, byte[] utf8) {
      try {
        List<JsonNode> trees = Yaml.outlines(utf8, shown); // identities are all that is needed here
        return new Parsed(shown, SourceFile.ofBytes(shown, utf8, trees), docs(trees, shown), null);
      } catch (RuntimeException e) {
        return new Parsed(shown, null, null, e);
      }
    }

    /** A text in memory. */
    static Parsed of(String shown, String text) {
      try {
        List<JsonNode> trees = Yaml.outlines(text, shown); // identities are all that is needed here
        return new Parsed(shown, SourceFile.ofText(shown, text, trees), docs(trees, shown), null);
      } catch (RuntimeException e) {
        return new Parsed(shown, null, null, e);
      }
    }

    private static List<Doc> docs(List<JsonNode> trees, String shown) {
      List<Doc> docs = new ArrayList<>(trees.size());
      for (int i = 0; i < trees.size(); i++) {
        docs.add(Doc.of(trees.get(i), shown, where(i, trees.size())));
      }
      return docs;
    }

    /**
     * Parsed, every document an object or a kustomization: what another file of the same text can
     * take.
     */
    boolean isClean() {
      return error == null && docs.stream().allMatch(d -> d.invalid() == null);
    }

    /** The same documents, as read from the file {@code shown} (of the same text). */
    Parsed as(String shown) {
      return new Parsed(shown, file, docs, null);
    }
  }

  /**
   * One document of a file: its identity, or why it is not a Kubernetes object; neither for a
   * kustomization (not an object of the diff).
   */
  private record Doc(ObjectId id, InputException invalid) {
    static Doc of(JsonNode t, String shown, String where) {
      if (!t.isObject()) {
        return new Doc(
            null,
            new InputException(
                shown, where + "(top level)", "not a Kubernetes object (a YAML mapping)"));
      }
      if (isKustomization(t)) {
        return new Doc(null, null);
      }
      try {
        return new Doc(
            new ObjectId(
                text(t, "apiVersion", shown, where),
                text(t, "kind", shown, where),
                optional(t.at(NAMESPACE), shown, where + "metadata.namespace"),
                text(t.path("metadata"), "name", shown, where + "metadata.")),
            null);
      } catch (InputException e) {
        return new Doc(null, e);
      }
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
      throw new InputException(
          shown,
          where + field,
          "missing or not a string (every object needs apiVersion, kind and metadata.name)");
    }
    return v.asText();
  }

  private static boolean isAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
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

  /**
   * The text of {@code p} (whose size is {@code size}, or -1: asked here) as its UTF-8 bytes,
   * checked as {@code Files.readString} checks them (what is not UTF-8 is not text) but neither
   * decoded nor copied when it is ASCII: a diff reads 200,000 files.
   */
  private static byte[] readText(Path p, String shown, long size) {
    try {
      if ((size < 0 ? Files.size(p) : size) > Yaml.MAX_INPUT_CHARS) {
        throw new InputException(
            shown, null, "file is over the limit of " + Yaml.MAX_INPUT_CHARS + " bytes");
      }
      byte[] bytes = Files.readAllBytes(p);
      if (!isAscii(bytes)) {
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes));
      }
      return bytes;
    } catch (MalformedInputException e) {
      throw new InputException(shown, null, "not UTF-8 text");
    } catch (IOException e) {
      throw new InputException(shown, null, "cannot read: " + e.getMessage());
    }
  }
}
