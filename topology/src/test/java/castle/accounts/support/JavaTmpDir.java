package castle.accounts.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes sure {@code java.io.tmpdir} exists. The build points it at {@code target/tmp} without
 * creating it, and RocksDB unpacks its native library there on first use: if that fails, RocksDB
 * stays unusable for the whole test JVM. (Kafka Streams' default state directory used to create the
 * folder as a side effect; these tests keep their state elsewhere.)
 */
public final class JavaTmpDir {

  private JavaTmpDir() {}

  /** Creates {@code java.io.tmpdir} if it is missing. */
  public static void ensureExists() {
    try {
      Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
