package castle.app.local;

import castle.app.Resources;
import castle.broker.EmbeddedKafkaBroker;
import castle.sinks.postgres.EmbeddedPostgresServer;
import castle.sinks.worker.Sink;
import castle.sinks.worker.SinkSelection;
import castle.sinks.worker.SinkStack;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sinks of {@code castle local}: Castle's connectors on a Connect worker inside the process,
 * started in the background once the exchange runs. The
 * JDBC sink writes to an embedded PostgreSQL kept under {@code <data-dir>/postgres}, unless the sink
 * settings give a {@code jdbc.jdbc.url} of their own; the other sinks run when the settings enable them.
 */
public final class LocalSinks implements AutoCloseable {

  /**
   * What to run.
   *
   * @param enabled sinks to run, comma-separated (jdbc, dynamodb, timestream, notifications, or none)
   * @param settingsFile a properties file of sink settings prefixed by sink name, or null
   * @param postgresPort the embedded PostgreSQL's port; 0 picks a free one
   */
  public record Settings(String enabled, Path settingsFile, int postgresPort) {

    /** The JDBC sink on an embedded PostgreSQL, on a free port. */
    public static Settings defaults() {
      return new Settings("jdbc", null, 0);
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(LocalSinks.class);

  private final List<String> enabled;
  private final CompletableFuture<SinkStack> stack;
  private final CompletableFuture<Optional<EmbeddedPostgresServer>> postgres;

  private LocalSinks(Map<Sink, ?> sinks, CompletableFuture<SinkStack> stack,
      CompletableFuture<Optional<EmbeddedPostgresServer>> postgres) {
    this.enabled = sinks.keySet().stream().map(Sink::id).toList();
    this.stack = stack;
    this.postgres = postgres;
  }

  /**
   * Starts, in the background, the embedded PostgreSQL when the JDBC sink needs it, then the worker and
   * the sinks. The sinks copy what the exchange produces, so the exchange neither waits for them (nor
   * shares the CPU with them while it starts) nor stops when they fail.
   */
  static LocalSinks startInBackground(Settings settings, EmbeddedKafkaBroker broker, Map<String, Object> kafka,
      Path dataDir, Resources resources) {
    Map<Sink, Map<String, String>> sinks = SinkSelection.of(settings.enabled(), settings.settingsFile());
    boolean embedded = sinks.containsKey(Sink.JDBC) && !sinks.get(Sink.JDBC).containsKey("jdbc.url");
    CompletableFuture<Optional<EmbeddedPostgresServer>> postgres = embedded
        ? CompletableFuture.supplyAsync(() -> Optional.of(EmbeddedPostgresServer.start(dataDir.resolve("postgres"), settings.postgresPort())))
        : CompletableFuture.completedFuture(Optional.empty());
    if (sinks.isEmpty()) {
      return new LocalSinks(sinks, CompletableFuture.completedFuture(null), postgres);
    }
    CompletableFuture<SinkStack> stack = postgres.thenApplyAsync(server -> SinkStack.start(
        new SinkStack.Options(kafka, dataDir, "http://127.0.0.1:0", withDatabase(sinks, server), 1)));
    stack.whenComplete((started, failure) -> {
      if (failure != null) {
        LOG.error("The sinks did not start; the exchange runs without them", failure);
      } else {
        LOG.info("Sinks running{}; Connect REST API at {}connectors",
            server(postgres).map(pg -> ", PostgreSQL at " + pg.jdbcUrl()).orElse(""), started.worker().restUrl());
      }
    });
    return resources.addNeedingOnly("sinks", new LocalSinks(sinks, stack, postgres), broker);
  }

  /** Stops the worker, then the database it writes to; waits for either still starting first. */
  @Override
  public void close() {
    SinkStack started = stack.exceptionally(failure -> null).join();
    if (started != null) {
      started.close();
    }
    postgres.exceptionally(failure -> Optional.empty()).join().ifPresent(EmbeddedPostgresServer::close);
  }

  private static Map<Sink, Map<String, String>> withDatabase(
      Map<Sink, Map<String, String>> sinks, Optional<EmbeddedPostgresServer> postgres) {
    Map<Sink, Map<String, String>> withDatabase = new HashMap<>(sinks);
    postgres.ifPresent(server -> {
      Map<String, String> jdbc = new HashMap<>(sinks.get(Sink.JDBC));
      jdbc.put("jdbc.url", server.jdbcUrl());
      jdbc.put("jdbc.user", EmbeddedPostgresServer.USER);
      withDatabase.put(Sink.JDBC, jdbc);
    });
    return withDatabase;
  }

  /** The sinks asked for, by id. */
  public List<String> enabled() {
    return enabled;
  }

  /** Waits until the sinks run (or failed to start); for tests and tools. */
  public void awaitStarted() {
    stack.join();
  }

  /** Why the sinks are not running, or empty when they are (or none were asked for). */
  public Optional<String> problem() {
    if (!stack.isDone()) {
      return Optional.of("sinks are starting");
    }
    if (stack.isCompletedExceptionally()) {
      return Optional.of("sinks failed to start");
    }
    SinkStack started = stack.join();
    return started == null ? Optional.empty() : started.problem();
  }

  /** The Connect REST API of the in-process worker, once it runs. */
  public Optional<String> restUrl() {
    SinkStack started = stack.isDone() && !stack.isCompletedExceptionally() ? stack.join() : null;
    return Optional.ofNullable(started).map(s -> s.worker().restUrl().toString());
  }

  /** The embedded PostgreSQL's JDBC URL, once it runs. */
  public Optional<String> jdbcUrl() {
    return server(postgres).map(EmbeddedPostgresServer::jdbcUrl);
  }

  private static Optional<EmbeddedPostgresServer> server(CompletableFuture<Optional<EmbeddedPostgresServer>> postgres) {
    return postgres.isDone() && !postgres.isCompletedExceptionally() ? postgres.join() : Optional.empty();
  }
}
