package io.canary2k8s.render;

import io.canary2k8s.input.InputException;
import io.canary2k8s.input.IoFailure;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One run at a time per bundle directory: an exclusive lock of the operating system on {@code
 * .<out>.lock} beside it, held from before anything of the bundle is read until the write is done
 * or abandoned, and released by the system when the process ends however it ends (kill -9
 * included), so a lock is never stale. The holder writes its pid into the file (emptied again when
 * it lets go) for the message of a run that finds the lock taken.
 *
 * <p>The file stays: deleting it while another process waits to open it would let two runs lock two
 * different files of one name. Within one JVM the lock is also kept in a set, since locks of the
 * system belong to the process (a second channel on the file would not be refused, and closing it
 * would release the first one's lock).
 */
final class OutputLock implements AutoCloseable {
  private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private OutputLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock file of the bundle directory {@code target} (whose parent is a real path). */
  static Path fileOf(Path target) {
    return target.resolveSibling("." + target.getFileName() + ".lock");
  }

  /**
   * Takes the lock of {@code target}, or fails at once (exit 2) naming the lock file and the pid of
   * the run that holds it; {@code shown} names the output directory in the message.
   */
  static OutputLock take(Path target, String shown) {
    Path file = fileOf(target);
    long pid = ProcessHandle.current().pid();
    if (!HELD_HERE.add(file)) {
      throw taken(shown, file, Long.toString(pid) + ", this process");
    }
    FileChannel ch = null;
    try {
      // not through a link: the lock file is truncated, and must be this one
      ch =
          FileChannel.open(
              file,
              StandardOpenOption.CREATE,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE,
              LinkOption.NOFOLLOW_LINKS);
      FileLock lock;
      try {
        lock = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        String holder = holder(ch);
        throw taken(shown, file, holder);
      }
      ch.truncate(0);
      ch.write(ByteBuffer.wrap((pid + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
      return new OutputLock(file, ch, lock);
    } catch (IOException e) {
      release(ch, file);
      throw new IoFailure("taking the lock " + file + " of " + shown, e, "nothing was written");
    } catch (RuntimeException e) {
      release(ch, file);
      throw e;
    }
  }

  private static void release(FileChannel ch, Path file) {
    try {
      if (ch != null) {
        ch.close();
      }
    } catch (IOException ignored) {
      // the lock (if any) goes with the channel either way
    } finally {
      HELD_HERE.remove(file);
    }
  }

  /** The pid the holder wrote, or a word saying it is not known (written the moment after). */
  private static String holder(FileChannel ch) {
    try {
      ByteBuffer b = ByteBuffer.allocate(32);
      ch.read(b, 0);
      String s = new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII).trim();
      return s.matches("[0-9]{1,19}") ? s : "unknown";
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static InputException taken(String shown, Path file, String holder) {
    return new InputException(
        shown,
        null,
        "another canary2k8s run (pid "
            + holder
            + ") is writing this bundle; it holds the lock "
            + file
            + " until it ends: nothing was written");
  }

  /** The file the lock is on. */
  Path file() {
    return file;
  }

  @Override
  public void close() {
    try {
      channel.truncate(0); // no pid while nobody holds it
    } catch (IOException ignored) {
      // only the message of a later run would name a pid that no longer holds it
    }
    try {
      lock.release();
    } catch (IOException ignored) {
      // released with the channel below
    }
    release(channel, file);
  }
}
