package castle.sinks.standins;

import castle.sinks.postgres.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** One embedded PostgreSQL per test JVM; each test gets a database of its own. */
public final class SharedPostgres {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgresServer server;

  private SharedPostgres() {}

  /** The shared server, started on first use. */
  public static synchronized EmbeddedPostgresServer get() {
    if (server == null) {
      try {
        server = EmbeddedPostgresServer.start(Files.createTempDirectory("castle-postgres-"), 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      EmbeddedPostgresServer started = server;
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "shared-postgres-shutdown"));
    }
    return server;
  }

  /** Creates an empty database and returns its JDBC URL. */
  public static String newDatabase(String prefix) {
    String name = prefix + "_" + DATABASES.incrementAndGet();
    try (Connection connection = DriverManager.getConnection(get().jdbcUrl());
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create database " + name, e);
    }
    return "jdbc:postgresql://localhost:" + get().port() + "/" + name;
  }
}
