package castle.sinks.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real PostgreSQL server run from this JVM, the local stand-in for Aurora PostgreSQL. Its data
 * directory is kept, so {@code castle local} finds its tables again after a restart; the server
 * binaries are unpacked once into the system's temporary directory.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  /** The database Castle's tables live in. */
  public static final String DATABASE = "postgres";
  /** The superuser of the embedded server (trust authentication on loopback). */
  public static final String USER = "postgres";

  private final EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /**
   * Starts PostgreSQL on {@code dataDir}, initializing it on first use.
   *
   * @param port the port; 0 picks a free one
   */
  public static EmbeddedPostgresServer start(Path dataDir, int port) {
    // Its processes carry the data directory as given, and PostgresProcesses finds them by it.
    Path absolute = dataDir.toAbsolutePath();
    try {
      Files.createDirectories(absolute);
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
          .setDataDirectory(absolute)
          .setCleanDataDirectory(false)
          // Small and quick: this serves one laptop, not production.
          .setServerConfig("shared_buffers", "32MB")
          .setServerConfig("max_connections", "50")
          .setServerConfig("fsync", "on");
      if (port != 0) {
        builder.setPort(port);
      }
      return new EmbeddedPostgresServer(builder.start());
    } catch (IOException | RuntimeException e) {
      // The library can fail after the server is up (a JVM already shutting down refuses its shutdown
      // hook), leaving a server nobody will stop that holds the data directory on the next start.
      PostgresProcesses.stopAll(absolute);
      if (e instanceof IOException io) {
        throw new UncheckedIOException("Cannot start PostgreSQL in " + absolute, io);
      }
      throw (RuntimeException) e;
    }
  }

  /** The JDBC URL of Castle's database. */
  public String jdbcUrl() {
    return postgres.getJdbcUrl(USER, DATABASE);
  }

  /** The port it listens on (loopback). */
  public int port() {
    return postgres.getPort();
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot stop PostgreSQL", e);
    }
  }
}
