package io.canary2k8s.render;

import io.canary2k8s.input.InputException;
import io.canary2k8s.input.IoFailure;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes a bundle all or nothing: into a temporary sibling directory first, then swapped into
 * place. A bundle equal to what is already there is not rewritten (files and their modification
 * times stay); in a bundle that changed, each file {@link Pending#put put} equal to the one already
 * there is taken over (the same file, its modification time kept) and only the others are written,
 * as are the streamed ones.
 *
 * <p>The bundle knows what it owns: its {@value BundleLayout#MANIFEST} lists the files written
 * ({@link BundleManifest}), and a directory is a bundle only when it has one. A rerun replaces,
 * adds and deletes only those; every other entry of the directory (a {@code .git/}, an {@code
 * OWNERS}) is the user's and is carried into the new bundle directory at the swap, moved whole (the
 * same files, inodes and times). A non-empty directory without a manifest is never written into,
 * but for a bundle of an earlier version recognised by its exact set of files ({@link
 * BundleManifest#legacy}).
 *
 * <p>One run at a time per bundle directory ({@link OutputLock}). A run that dies part-way (killed,
 * disk full, power cut) leaves the previous bundle in place, or, if it died in the few renames of
 * the swap, the previous bundle or the user's entries under hidden sibling names ({@code
 * .<out>.old-*}, {@code .<out>.tmp-*}); the next write to the same {@code out} puts them back and
 * deletes the rest before anything else ({@link Leftovers}).
 */
public final class BundleWriter {
  /** The filesystem steps of a write that can fail part-way; tests inject failures and pauses. */
  interface Io {
    void write(Path file, String content) throws IOException;

    /** A file made through a writer as it is written (the large ones: never held whole). */
    void write(Path file, BundleSink.Body body) throws IOException;

    void move(Path from, Path to) throws IOException;

    /** {@code to} made with {@code from}'s content: a hard link, else a copy. */
    default void takeOver(Path from, Path to) throws IOException {
      try {
        Files.createLink(to, from);
      } catch (UnsupportedOperationException | FileSystemException e) {
        // no hard links here (or not across these directories): the bytes, through write
        write(to, Files.readString(from, StandardCharsets.UTF_8));
      }
    }
  }

  static final Io REAL_IO =
      new Io() {
        @Override
        public void write(Path file, String content) throws IOException {
          Files.writeString(file, content, StandardCharsets.UTF_8);
        }

        @Override
        public void write(Path file, BundleSink.Body body) throws IOException {
          try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            body.writeTo(out);
          }
        }

        @Override
        public void move(Path from, Path to) throws IOException {
          BundleWriter.move(from, to);
        }
      };

  /** Package-private seam for tests; the real filesystem otherwise. */
  static volatile Io io = REAL_IO;

  private BundleWriter() {}

  /** Writes {@code bundle} to {@code out}; returns false when {@code out} already held it. */
  public static boolean write(Bundle bundle, Path out) {
    try (Pending p = open(out)) {
      bundle.asMap().forEach(p::put);
      return p.commit();
    }
  }

  /**
   * Starts writing a bundle to {@code out}: a directory that is there must be a bundle (or empty),
   * and what an earlier run left beside it is recovered first. The files then go into a temporary
   * sibling directory as they are {@link Pending#put put}; {@link Pending#commit} swaps it in, and
   * closing without a commit leaves {@code out} as it was. The bundle's lock is held until then.
   */
  public static Pending open(Path out) {
    String shown = out.toString();
    Path abs = out.toAbsolutePath().normalize();
    if (abs.getParent() == null || abs.getFileName() == null) {
      throw new InputException(shown, null, "cannot be the output directory (a root)");
    }
    Path made;
    Path target;
    try {
      made = firstMissing(abs.getParent());
      Files.createDirectories(abs.getParent());
      // the real directory: two spellings of one place take one lock
      target = abs.getParent().toRealPath().resolve(abs.getFileName().toString());
    } catch (IOException e) {
      throw new IoFailure("creating the directory of " + shown, e, "nothing was written");
    }
    OutputLock lock = OutputLock.take(target, shown);
    try {
      Leftovers.recover(target);
      Ownership old = inspect(target, shown);
      Path tmp = Leftovers.newDirectory(target, Leftovers.tmpPrefix(target));
      return new Pending(shown, target, tmp, made, old, lock);
    } catch (IOException e) {
      lock.close();
      throw failed(shown, e);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /** A bundle directory's ownership as its manifest says, to be read from it. */
  private static final Ownership LISTED = new Ownership(Set.of(), Set.of());

  /**
   * What {@code target} holds of a bundle: null when it is not there, nothing when it is an empty
   * directory, {@link #LISTED} when it has a manifest (read when the files are needed: an unchanged
   * rerun compares it whole instead), else the files of a bundle of an earlier version. Anything
   * else is refused.
   */
  private static Ownership inspect(Path target, String shown) throws IOException {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return null;
    }
    if (a.isSymbolicLink()) {
      throw new InputException(
          shown,
          null,
          "is a symbolic link (to "
              + Files.readSymbolicLink(target)
              + "): a bundle directory is replaced as a whole, so give the directory itself as"
              + " --out");
    }
    if (!a.isDirectory()) {
      throw new InputException(shown, null, "exists and is not a directory");
    }
    if (BundleManifest.present(target, shown)) {
      return LISTED;
    }
    if (isEmpty(target)) {
      return Ownership.NONE;
    }
    return Ownership.of(BundleManifest.legacy(target, shown));
  }

  /**
   * A bundle being written into a temporary directory beside its target. While every file put so
   * far equals the target's file of the same path, nothing is written: an unchanged rerun only
   * reads (large files, {@link #write streamed}, are written and then compared); at the first
   * difference the equal files are taken over, and from then on each file put is taken over when it
   * equals the target's and written when it does not. {@value BundleLayout#REVIEW} is held back to
   * be written at the commit, and the manifest is renamed into the temporary directory after it:
   * until then the directory holds nothing but files this write made. Thread-safe: distinct files
   * may be put from several threads, and are written outside the lock; every put must have returned
   * before the commit or the close.
   */
  public static final class Pending implements BundleSink, AutoCloseable {
    private final String shown;
    private final Path target;
    private final Path tmp;
    private final Path madeParent;
    private final OutputLock outputLock;

    /**
     * What {@code target} held of a bundle when the write began (each file put is compared with its
     * file there), or null when it was not there.
     */
    private Ownership old;

    /** Guards what follows: a streamed file may be written from another thread meanwhile. */
    private final Object lock = new Object();

    private final Set<String> dirs = new HashSet<>();

    /** The path of every file put, relative: the manifest's lines. */
    private final List<String> paths = new ArrayList<>();

    /** Paths of the target seen to be regular files while comparing (not asked again). */
    private final Set<String> regularInTarget = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Files equal to the target's, not written (yet). */
    private final List<String> sameSoFar = new ArrayList<>();

    private boolean same;
    private Body review;
    private boolean done;

    private Pending(
        String shown,
        Path target,
        Path tmp,
        Path madeParent,
        Ownership old,
        OutputLock outputLock) {
      this.shown = shown;
      this.target = target;
      this.tmp = tmp;
      this.madeParent = madeParent;
      this.old = old;
      this.outputLock = outputLock;
      this.same = old != null;
    }

    @Override
    public void put(String path, String content) {
      if (path.equals(BundleLayout.REVIEW)) {
        write(path, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
        return;
      }
      Path f;
      synchronized (lock) {
        f = file(path);
      }
      try {
        // compared, taken over and written outside the lock: other threads read and write their
        // files meanwhile (a rerun onto an unchanged bundle reads 100,000 of them)
        boolean equal = old != null && sameAsTarget(path, content);
        synchronized (lock) {
          if (equal && same) {
            sameSoFar.add(path);
            return;
          }
          if (!equal) {
            differs();
          }
          dir(path, f);
        }
        if (equal) {
          io.takeOver(target.resolve(path), f);
        } else {
          io.write(f, content);
        }
      } catch (IOException e) {
        throw failed(shown, e);
      }
    }

    /** Written, then compared: a streamed file is never held whole. Other files go on meanwhile. */
    @Override
    public void write(String path, Body body) {
      Path f;
      boolean compare;
      synchronized (lock) {
        if (path.equals(BundleLayout.REVIEW)) {
          open();
          review = body;
          return;
        }
        f = file(path);
        compare = same;
        try {
          dir(path, f);
        } catch (IOException e) {
          throw failed(shown, e);
        }
      }
      try {
        io.write(f, body);
        boolean equal = compare && sameAsTarget(path, f);
        synchronized (lock) {
          if (!equal) {
            differs();
          }
        }
      } catch (IOException e) {
        throw failed(shown, e);
      }
    }

    /**
     * Puts the bundle in place; false when {@code out} already held exactly these files (then it is
     * left untouched, modification times included).
     */
    public boolean commit() {
      synchronized (lock) {
        return commitLocked();
      }
    }

    private boolean commitLocked() {
      if (review == null) {
        throw new IllegalStateException("a bundle without " + BundleLayout.REVIEW);
      }
      Path reviewFile = file(BundleLayout.REVIEW);
      try {
        dir(BundleLayout.REVIEW, reviewFile);
        io.write(reviewFile, review);
        if (same && !sameAsTarget(BundleLayout.REVIEW, reviewFile)) {
          same = false;
        }
        String manifest = BundleManifest.format(paths);
        if (same && sameAsTarget(BundleLayout.MANIFEST, manifest)) {
          // every file of the bundle equal, and the same set of them: nothing to do
          done = true;
          deleteTree(tmp);
          return false;
        }
        differs();
        // the manifest last, renamed in whole: a temporary directory with one is complete
        Path part = tmp.resolve(BundleLayout.MANIFEST + ".part");
        io.write(part, manifest);
        io.move(part, tmp.resolve(BundleLayout.MANIFEST));
        if (old != null) {
          swap(Ownership.of(new HashSet<>(paths)));
        } else {
          io.move(tmp, target);
        }
        done = true;
        return true;
      } catch (IOException e) {
        throw failed(shown, e);
      }
    }

    /**
     * The new bundle in place of the old one, the user's entries carried over: each moved whole
     * from the old bundle directory into the new one (refused, nothing changed, where one stands in
     * the new bundle's way), then the two directories swapped by two renames. A failure on the way
     * moves everything back.
     *
     * @param next the new bundle's files
     */
    private void swap(Ownership next) throws IOException {
      if (old == LISTED) {
        old = Ownership.of(BundleManifest.read(target, shown)); // checked: bad input here
      }
      Ownership.Carry carry = old.carry(target, shown, next, tmp, regularInTarget);
      keepMode(target, tmp);
      List<String> carried = new ArrayList<>();
      Path away = null;
      try {
        for (String r : carry.moves()) {
          Path to = tmp.resolve(r);
          Files.createDirectories(to.getParent());
          io.move(target.resolve(r), to);
          carried.add(r);
        }
        away = Leftovers.freeName(target, Leftovers.oldPrefix(target));
        io.move(target, away);
        io.move(tmp, target);
      } catch (IOException | RuntimeException e) {
        try {
          if (away != null && Files.exists(away, LinkOption.NOFOLLOW_LINKS)) {
            REAL_IO.move(away, target); // the previous bundle back
          }
          for (int i = carried.size() - 1; i >= 0; i--) {
            REAL_IO.move(tmp.resolve(carried.get(i)), target.resolve(carried.get(i)));
          }
        } catch (IOException | RuntimeException again) {
          e.addSuppressed(again); // what is left, the next write puts back (Leftovers)
        }
        throw e;
      }
      done = true;
      // the previous bundle's files, and the user's files the new bundle took the place of
      Ownership gone = old;
      if (!carry.adopted().isEmpty()) {
        Set<String> more = new HashSet<>(old.files());
        more.addAll(carry.adopted());
        gone = Ownership.of(more);
      }
      try {
        Leftovers.dispose(away, gone, target, false);
      } catch (IOException e) {
        // the new bundle is in place; the next write removes what is left of the old one
      }
    }

    /** Without a commit: the temporary directory goes, and {@code out} is as it was. */
    @Override
    public void close() {
      synchronized (lock) {
        try {
          closeLocked();
        } finally {
          if (!done && madeParent != null) {
            try {
              // nobody else can have waited on a lock in a directory made a moment ago
              Files.deleteIfExists(outputLock.file());
            } catch (IOException e) {
              // left: an empty lock file
            }
          }
          outputLock.close();
          if (!done) {
            deleteMadeParents();
          }
          done = true;
        }
      }
    }

    private void closeLocked() {
      if (done) {
        return;
      }
      try {
        // complete (with a manifest) once the commit began: what is not the bundle's goes back
        if (Files.exists(tmp, LinkOption.NOFOLLOW_LINKS)) {
          Leftovers.dispose(tmp, target);
        }
      } catch (IOException e) {
        throw failed(shown, e);
      }
    }

    /** The parent directories this write made, if nothing else went into them. */
    private void deleteMadeParents() {
      try {
        for (Path d = target.getParent();
            madeParent != null && d != null && d.startsWith(madeParent);
            d = d.getParent()) {
          Files.deleteIfExists(d);
        }
      } catch (DirectoryNotEmptyException e) {
        // something else is there now: left as it is
      } catch (IOException e) {
        throw failed(shown, e);
      }
    }

    private void open() {
      if (done) {
        throw new IllegalStateException("the bundle is already committed or closed");
      }
    }

    /** The file of {@code path} in the temporary directory; records it for the manifest. */
    private Path file(String path) {
      open();
      Path f = tmp.resolve(path);
      String rel = path;
      if (!plainRelative(path)) {
        f = f.normalize();
        if (!f.startsWith(tmp) || f.equals(tmp)) {
          throw new IllegalStateException("bundle path escapes the output directory: " + path);
        }
        rel = BundleManifest.relative(tmp, f);
      }
      if (rel.equals(BundleLayout.MANIFEST) || rel.equals(BundleLayout.MANIFEST + ".part")) {
        throw new IllegalStateException("bundle path is the manifest's: " + path);
      }
      paths.add(rel);
      return f;
    }

    /**
     * {@code path} names a file below the directory it is resolved against, and resolving it gives
     * a normal path: names separated by single slashes, none empty, {@code .} or {@code ..}. Every
     * path a bundle is made of; a check of the text, where normalising the resolved path and
     * comparing it with the directory was a third of the time a file took under the lock.
     */
    static boolean plainRelative(String path) {
      int start = 0;
      int n = path.length();
      for (int i = 0; i <= n; i++) {
        char c = i < n ? path.charAt(i) : '/';
        if (c == '/') {
          int len = i - start;
          if (len == 0
              || (path.charAt(start) == '.'
                  && (len == 1 || (len == 2 && path.charAt(start + 1) == '.')))) {
            return false;
          }
          start = i + 1;
        }
      }
      return true;
    }

    /**
     * At the first difference, the files equal so far are taken over from the target, as every
     * equal file put after it is: hard-linked (one call per file, the bytes not read again), or
     * copied where the file system has no hard links. A rerun after a change in one app of a
     * 10,000-app estate takes over 100,000 files and writes a few: no new file for the others,
     * which on a file system without a journal would make each new one cost more while the old ones
     * are freed (the rerun columns of BENCHMARKS.md). The target's files are never written, so
     * sharing them until the swap deletes the old names is safe; a taken-over file keeps its
     * modification time.
     */
    private void differs() throws IOException {
      same = false;
      for (String p : sameSoFar) {
        Path f = tmp.resolve(p);
        dir(p, f);
        io.takeOver(target.resolve(p), f);
      }
      sameSoFar.clear();
    }

    /**
     * Makes the directory of {@code f}, the file of {@code path}, unless made before. Each
     * directory once: createDirectories on an existing one costs a failed mkdir and an exception (a
     * 10,000-app bundle has 104,000 files in 10,000 directories). The directories are known by the
     * text of {@code path} before its last slash: one text names one directory (another text for
     * the same one, from a path that is not plain, only makes it again), and the text is had
     * without taking the Path apart.
     */
    private void dir(String path, Path f) throws IOException {
      if (dirs.add(path.substring(0, Math.max(0, path.lastIndexOf('/'))))) {
        Files.createDirectories(f.getParent());
      }
    }

    /** The file written at {@code written} holds what the target's file at {@code path} does. */
    private boolean sameAsTarget(String path, Path written) throws IOException {
      Path f = target.resolve(path);
      return isRegularInTarget(path, f) && Files.mismatch(written, f) == -1;
    }

    private boolean sameAsTarget(String path, String content) throws IOException {
      Path f = target.resolve(path);
      if (!isRegularInTarget(path, f)) {
        return false;
      }
      byte[] want = content.getBytes(StandardCharsets.UTF_8);
      return Files.size(f) == want.length && Arrays.equals(Files.readAllBytes(f), want);
    }

    private boolean isRegularInTarget(String path, Path f) {
      if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
        regularInTarget.add(path);
        return true;
      }
      return false;
    }
  }

  /** The bundle directory keeps its mode across the swap (the new one was made by the umask's). */
  private static void keepMode(Path from, Path to) {
    try {
      Files.setPosixFilePermissions(
          to, Files.getPosixFilePermissions(from, LinkOption.NOFOLLOW_LINKS));
    } catch (UnsupportedOperationException | IOException e) {
      // no POSIX modes here: the new directory's own
    }
  }

  private static IoFailure failed(String out, IOException e) {
    return new IoFailure("writing the bundle to " + out, e, out + " is as it was");
  }

  /** The outermost of {@code dir} and its ancestors that does not exist yet, or null. */
  private static Path firstMissing(Path dir) {
    Path missing = null;
    for (Path d = dir;
        d != null && !Files.exists(d, LinkOption.NOFOLLOW_LINKS);
        d = d.getParent()) {
      missing = d;
    }
    return missing;
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (var s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }

  /**
   * Whether {@code dir} holds exactly {@code files} (the same regular files, the same content):
   * {@code read(dir).equals(files)}, one file at a time, stopping at the first difference, so that
   * a rerun does not hold the old bundle in memory next to the new one.
   */
  static boolean holds(Path dir, Map<String, String> files) throws IOException {
    int[] seen = {0};
    boolean[] same = {true};
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            if (attrs.isRegularFile()) {
              String want = files.get(dir.relativize(file).toString().replace('\\', '/'));
              if (want == null
                  || !want.equals(new String(Files.readAllBytes(file), StandardCharsets.UTF_8))) {
                same[0] = false;
                return FileVisitResult.TERMINATE;
              }
              seen[0]++;
            }
            return FileVisitResult.CONTINUE;
          }
        });
    return same[0] && seen[0] == files.size();
  }

  /**
   * The files canary2k8s wrote into the bundle {@code dir}, as its manifest lists them (the
   * manifest itself not included), or null when {@code dir} has no manifest.
   */
  public static Set<String> owned(Path dir) {
    return BundleManifest.read(dir, dir.toString());
  }

  /** Every regular file under {@code dir}, relative path → content. */
  public static Map<String, String> read(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            if (attrs.isRegularFile()) {
              out.put(
                  dir.relativize(file).toString().replace('\\', '/'),
                  new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
            }
            return FileVisitResult.CONTINUE;
          }
        });
    return out;
  }

  static void deleteTree(Path dir) throws IOException {
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
