package io.canary2k8s.render;

import io.canary2k8s.input.InputException;
import io.canary2k8s.input.IoFailure;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The record a bundle keeps of the files canary2k8s wrote into it ({@value BundleLayout#MANIFEST}):
 * what makes a directory a bundle, and all that a rerun may replace or delete there. Every other
 * file in the directory is the user's (a {@code .git/}, an {@code OWNERS}, a README) and is left
 * where it is.
 *
 * <p>The format is for people as much as for the tool: two comment lines, then the bundle's other
 * files, one path a line relative to the bundle directory with {@code /} between names, sorted by
 * their text (UTF-16 order, the same on every machine). No hashes: the manifest says what the tool
 * owns, not what the files hold (that is what version control is for), so it changes only when the
 * set of files does, and no file has to be hashed on the way to the disk.
 */
public final class BundleManifest {
  /** The first line; its version names this format. */
  static final String HEADER =
      "# canary2k8s bundle v1: the files canary2k8s wrote here, one path a line, sorted.";

  private static final String SECOND =
      "# A rerun replaces, adds and deletes only these; every other file here is left as it is.";

  /** More than the manifest of the largest bundle measured (104,000 files: 5 MB). */
  private static final long MAX_BYTES = 64L << 20;

  private BundleManifest() {}

  /** The manifest of a bundle of {@code paths} (the other files, the manifest not among them). */
  static String format(Collection<String> paths) {
    String[] sorted = paths.toArray(new String[0]);
    java.util.Arrays.sort(sorted);
    StringBuilder sb = new StringBuilder(64 + sorted.length * 48);
    sb.append(HEADER).append('\n').append(SECOND).append('\n');
    for (String p : sorted) {
      sb.append(p).append('\n');
    }
    return sb.toString();
  }

  /**
   * The paths {@code dir}'s manifest lists, or null when it has none. A manifest that cannot be
   * what this class wrote (not a regular file, not this format, a path that is not plainly inside
   * the bundle: absolute, {@code ..}, empty names) is bad input, never a path to act on.
   *
   * @param shown how {@code dir} is named in a message
   */
  static Set<String> read(Path dir, String shown) {
    Path f = dir.resolve(BundleLayout.MANIFEST);
    String name = shown + "/" + BundleLayout.MANIFEST;
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (java.nio.file.NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new IoFailure("reading " + name, e, null);
    }
    if (!a.isRegularFile()) {
      throw new InputException(
          name, null, "is not a regular file (a symbolic link or a directory): not a manifest");
    }
    if (a.size() > MAX_BYTES) {
      throw new InputException(name, null, "is over " + MAX_BYTES + " bytes: not a manifest");
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(Files.readAllBytes(f)))
              .toString();
    } catch (CharacterCodingException e) {
      throw new InputException(name, null, "is not UTF-8 text: not a manifest");
    } catch (IOException e) {
      throw new IoFailure("reading " + name, e, null);
    }
    return parse(text, name);
  }

  /**
   * Whether {@code dir} has a manifest: a regular file that begins with the header (what it lists
   * is read by {@link #read}, when needed). One that cannot be a manifest is bad input.
   */
  static boolean present(Path dir, String shown) {
    Path f = dir.resolve(BundleLayout.MANIFEST);
    String name = shown + "/" + BundleLayout.MANIFEST;
    try {
      BasicFileAttributes a =
          Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (!a.isRegularFile()) {
        throw new InputException(
            name, null, "is not a regular file (a symbolic link or a directory): not a manifest");
      }
      byte[] want = "# canary2k8s bundle v1".getBytes(StandardCharsets.US_ASCII);
      try (var in = Files.newInputStream(f)) {
        if (!java.util.Arrays.equals(in.readNBytes(want.length), want)) {
          throw new InputException(
              name,
              "line 1",
              "is not the header of a canary2k8s bundle manifest (\"# canary2k8s bundle v1...\")");
        }
      }
      return true;
    } catch (java.nio.file.NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      throw new IoFailure("reading " + name, e, null);
    }
  }

  /** The paths of a manifest's text; {@code name} names the file in a message. */
  static Set<String> parse(String text, String name) {
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new java.io.StringReader(text))) {
      for (String l = r.readLine(); l != null; l = r.readLine()) {
        lines.add(l);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e); // a string does not fail
    }
    if (lines.isEmpty() || !lines.get(0).startsWith("# canary2k8s bundle v1")) {
      throw new InputException(
          name,
          "line 1",
          "is not the header of a canary2k8s bundle manifest (\"# canary2k8s bundle v1...\")");
    }
    Set<String> paths = new HashSet<>();
    for (int i = 1; i < lines.size(); i++) {
      String p = lines.get(i);
      if (p.startsWith("#")) {
        continue;
      }
      String problem = problem(p);
      if (problem != null) {
        throw new InputException(
            name, "line " + (i + 1), "'" + printable(p) + "' " + problem + "; nothing was changed");
      }
      paths.add(p);
    }
    return paths;
  }

  /** Why {@code p} cannot be a path of a bundle's manifest, or null. */
  private static String problem(String p) {
    if (p.startsWith("/")) {
      return "is absolute (a manifest lists paths inside the bundle)";
    }
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\\') {
        return "holds a control character or a backslash";
      }
    }
    if (!BundleWriter.Pending.plainRelative(p)) {
      return "is not a plain path inside the bundle (an empty name, '.' or '..')";
    }
    if (p.equals(BundleLayout.MANIFEST)) {
      return "is the manifest itself";
    }
    return null;
  }

  private static String printable(String p) {
    StringBuilder sb = new StringBuilder();
    p.codePoints()
        .limit(200)
        .forEach(
            c ->
                sb.append(
                    c < 0x20 || c == 0x7f
                        ? String.format(java.util.Locale.ROOT, "\\u%04x", c)
                        : Character.toString(c)));
    return sb.toString();
  }

  /**
   * The files of a bundle written before bundles had a manifest, recognised by their exact set:
   * {@code REVIEW.md} as canary2k8s begins it, and nothing but regular files and directories at the
   * places a bundle has them (the top-level reports, {@code base/}, {@code overlays/}, {@code
   * dns/}). A directory with anything else (sources, a {@code .git/}, a link) is not such a bundle
   * and is refused whole: its files are the user's.
   *
   * @throws InputException naming the first entry that no bundle has
   */
  static Set<String> legacy(Path dir, String shown) {
    Path review = dir.resolve(BundleLayout.REVIEW);
    try {
      if (!Files.isRegularFile(review, LinkOption.NOFOLLOW_LINKS) || !beginsAsReview(review)) {
        throw notABundle(shown, "no " + BundleLayout.MANIFEST);
      }
      Set<String> files = new HashSet<>();
      String foreign = legacyWalk(dir, "", files);
      if (foreign != null) {
        throw notABundle(
            shown,
            "no "
                + BundleLayout.MANIFEST
                + ", and "
                + printable(foreign)
                + " is not a file canary2k8s writes");
      }
      for (String needed :
          List.of(
              BundleLayout.NOTES,
              BundleLayout.INVENTORY,
              BundleLayout.BASE + "/" + BundleLayout.KUSTOMIZATION)) {
        if (!files.contains(needed)) {
          throw notABundle(shown, "no " + BundleLayout.MANIFEST + " and no " + needed);
        }
      }
      return files;
    } catch (IOException e) {
      throw new IoFailure("reading " + shown, e, null);
    }
  }

  /**
   * Collects the files under {@code rel} of a bundle without a manifest into {@code files}, in
   * sorted order; returns the first entry no such bundle has ({@code name/} for a directory), or
   * null.
   */
  private static String legacyWalk(Path dir, String rel, Set<String> files) throws IOException {
    for (String name : Ownership.names(rel.isEmpty() ? dir : dir.resolve(rel))) {
      String r = rel.isEmpty() ? name : rel + "/" + name;
      BasicFileAttributes a =
          Files.readAttributes(
              dir.resolve(r), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (a.isDirectory()) {
        if (!isLegacyDirectory(r)) {
          return r + "/";
        }
        String inside = legacyWalk(dir, r, files);
        if (inside != null) {
          return inside;
        }
      } else if (a.isRegularFile() && isLegacyFile(r)) {
        files.add(r);
      } else {
        return r;
      }
    }
    return null;
  }

  private static InputException notABundle(String shown, String why) {
    return new InputException(
        shown,
        null,
        "is not empty and is not a canary2k8s bundle ("
            + why
            + "); refusing to write into it (choose an empty or new directory)");
  }

  private static boolean beginsAsReview(Path review) throws IOException {
    byte[] want = "# canary2k8s review".getBytes(StandardCharsets.US_ASCII);
    try (var in = Files.newInputStream(review)) {
      return java.util.Arrays.equals(in.readNBytes(want.length), want);
    }
  }

  static String relative(Path dir, Path p) {
    return dir.relativize(p).toString().replace(dir.getFileSystem().getSeparator(), "/");
  }

  /** Directories a bundle without a manifest has: base/, overlays/, dns/ and one level below. */
  private static boolean isLegacyDirectory(String rel) {
    String[] s = rel.split("/", -1);
    boolean known =
        s[0].equals(BundleLayout.BASE)
            || s[0].equals(BundleLayout.OVERLAYS)
            || s[0].equals(io.canary2k8s.render.dns.DnsCutover.DIR);
    return known && s.length <= 2;
  }

  /** Files a bundle without a manifest has, by place and name. */
  private static boolean isLegacyFile(String rel) {
    String[] s = rel.split("/", -1);
    return switch (s.length) {
      case 1 ->
          List.of(
                  BundleLayout.REVIEW,
                  BundleLayout.NOTES,
                  BundleLayout.INVENTORY,
                  BundleLayout.DIFF,
                  BundleLayout.DIFF_JSON)
              .contains(s[0]);
      case 2 ->
          rel.equals(BundleLayout.BASE + "/" + BundleLayout.KUSTOMIZATION)
              || rel.equals(io.canary2k8s.render.dns.DnsCutover.DIR + "/README.md");
      case 3 ->
          (s[0].equals(BundleLayout.BASE) && s[2].endsWith(".yaml"))
              || (s[0].equals(BundleLayout.OVERLAYS) && s[2].equals(BundleLayout.KUSTOMIZATION))
              || (s[0].equals(io.canary2k8s.render.dns.DnsCutover.DIR) && s[2].endsWith(".json"));
      default -> false;
    };
  }
}
