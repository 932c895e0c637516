package castle.app.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a data directory, so two {@code castle local} processes never share one broker
 * log or state store. The operating system releases it when the process dies, so a crash never leaves
 * a stale lock behind.
 */
public final class DataDirectoryLock implements AutoCloseable {

  /** Thrown when another process holds the lock. */
  public static final class AlreadyLockedException extends RuntimeException {
    AlreadyLockedException(String message) {
      super(message);
    }
  }

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirectoryLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the lock on {@code dataDir}, creating the directory if needed. */
  public static DataDirectoryLock acquire(Path dataDir) {
    Path file = dataDir.resolve("castle.lock");
    try {
      Files.createDirectories(dataDir);
      FileChannel channel =
          FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw new AlreadyLockedException(
            "Another castle is already running on "
                + dataDir.toAbsolutePath()
                + " (it holds "
                + file.getFileName()
                + "). Stop it first, or give this one its own --data-dir.");
      }
      return new DataDirectoryLock(channel, lock);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot lock " + file, e);
    }
  }

  @Override
  public void close() throws IOException {
    lock.release();
    channel.close();
  }
}
