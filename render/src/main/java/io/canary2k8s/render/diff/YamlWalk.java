package io.canary2k8s.render.diff;

import io.canary2k8s.input.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The files under a directory that a predicate on their names takes, exactly as one {@code
 * Files.walk} finds them (links not followed: the same files, in the same order, with the same
 * first error), but walked on every core: one walk per entry of the directory, joined in the
 * directory's order (a 10,000-app bundle has 10,000 directories). Each file comes with its size as
 * the walk saw it, so that it need not be asked again.
 */
final class YamlWalk {
  /** A regular file found, and its size then. */
  record Found(Path path, long size) {}

  /**
   * What one walk found, in its order.
   *
   * @param error the {@link UncheckedIOException} that ended the walk (as {@code Files.walk}'s
   *     iterator throws it), an {@link InputException} when the directory cannot be read at all;
   *     null when it ended normally
   */
  record Listing(List<Found> files, RuntimeException error) {}

  private YamlWalk() {}

  /**
   * The regular files under {@code root} whose names {@code wanted} takes; {@code shown} names the
   * root in a message.
   */
  static Listing under(Path root, String shown, Predicate<String> wanted) {
    List<Path> entries = new ArrayList<>();
    IOException ended = null;
    try {
      // Files.walk reads the start's attributes without following a link, then opens it
      if (!Files.readAttributes(root, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
          .isDirectory()) {
        return new Listing(List.of(), null); // a link: the walk sees one entry, not a regular file
      }
      DirectoryStream<Path> ds = Files.newDirectoryStream(root);
      try {
        Iterator<Path> it = ds.iterator();
        while (it.hasNext()) {
          entries.add(it.next());
        }
      } catch (DirectoryIteratorException e) {
        ended = e.getCause();
      }
      try {
        ds.close();
      } catch (IOException e) {
        if (ended == null) {
          ended = e;
        } else {
          ended.addSuppressed(e);
        }
      }
    } catch (IOException e) {
      return new Listing(
          List.of(), new InputException(shown, null, "cannot read: " + e.getMessage()));
    }
    List<Listing> parts = entries.parallelStream().map(e -> entry(e, wanted)).toList();
    List<Found> files = new ArrayList<>();
    for (Listing part : parts) {
      files.addAll(part.files());
      if (part.error() != null) {
        return new Listing(files, part.error()); // where one walk would have stopped
      }
    }
    // the directory's own end (an error reading or closing it) comes after all its entries
    return new Listing(files, ended == null ? null : new UncheckedIOException(ended));
  }

  /**
   * One entry of the root and everything under it, as the one walk would have gone through them.
   */
  private static Listing entry(Path entry, Predicate<String> wanted) {
    List<Found> found = new ArrayList<>();
    // the matcher sees the walk's own attributes; it collects, in the walk's order
    try (Stream<Path> s =
        Files.find(
            entry,
            Integer.MAX_VALUE,
            (p, attributes) -> {
              if (attributes.isRegularFile() && wanted.test(p.getFileName().toString())) {
                found.add(new Found(p, attributes.size()));
              }
              return false;
            })) {
      s.forEach(p -> {});
    } catch (IOException e) {
      // the start of this walk, an entry of the one walk: there, its iterator's error
      return new Listing(found, new UncheckedIOException(e));
    } catch (RuntimeException e) {
      return new Listing(found, e);
    }
    return new Listing(found, null);
  }
}
