package castle.topology.runtime;

import castle.topology.StreamsApp;
import castle.topology.StreamsEnvironment;
import castle.topology.StreamsSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Castle's Streams apps in this process, reports whether each is RUNNING, and closes them
 * together within a deadline.
 *
 * <p>An exception that escapes a processor stops that app (it goes to ERROR and readiness says so)
 * rather than replacing the thread: the same record would fail again, and skipping it could break
 * an invariant. Closing leaves the consumer group, so a restart does not wait for the old member's
 * session to expire.
 */
public final class StreamsRuntime implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StreamsRuntime.class);

  private final Map<String, KafkaStreams> apps;
  private final Map<String, String> failures = new ConcurrentHashMap<>();
  private final List<KafkaStreamsMetrics> metrics = new ArrayList<>();
  private final Duration closeTimeout;

  private StreamsRuntime(Map<String, KafkaStreams> apps, Duration closeTimeout) {
    this.apps = apps;
    this.closeTimeout = closeTimeout;
  }

  /** Starts every app; does not wait for them to reach RUNNING. */
  public static StreamsRuntime start(
      List<StreamsApp> definitions, StreamsEnvironment environment, MeterRegistry registry, Duration closeTimeout) {
    Map<String, KafkaStreams> apps = new LinkedHashMap<>();
    for (StreamsApp app : definitions) {
      apps.put(app.name(), new KafkaStreams(app.topology(), StreamsSettings.forApp(app, environment)));
    }
    StreamsRuntime runtime = new StreamsRuntime(apps, closeTimeout);
    apps.forEach((name, streams) -> {
      streams.setUncaughtExceptionHandler(e -> {
        LOG.error("Streams app {} failed and stops; fix the cause and restart it", name, e);
        runtime.failures.put(name, e.getClass().getSimpleName() + ": " + e.getMessage());
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
      });
      streams.setStateListener((now, before) -> LOG.info("Streams app {}: {} -> {}", name, before, now));
      KafkaStreamsMetrics binder = new KafkaStreamsMetrics(streams);
      binder.bindTo(registry);
      runtime.metrics.add(binder);
      streams.start();
    });
    return runtime;
  }

  /** The running KafkaStreams instances by app name, for interactive queries. */
  public Map<String, KafkaStreams> apps() {
    return Map.copyOf(apps);
  }

  /** Why the named app cannot serve, or empty while it is RUNNING. */
  public Optional<String> problem(String name) {
    KafkaStreams streams = apps.get(name);
    KafkaStreams.State state = streams.state();
    if (state == KafkaStreams.State.RUNNING) {
      return Optional.empty();
    }
    String failure = failures.get(name);
    return Optional.of(name + " is " + state + (failure == null ? "" : " after " + failure));
  }

  /** Blocks until every app is RUNNING or the timeout passes; returns whether they all are. */
  public boolean awaitRunning(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (apps.keySet().stream().allMatch(name -> problem(name).isEmpty())) {
        return true;
      }
      Thread.sleep(50);
    }
    return false;
  }

  /** Closes all apps in parallel, each committing its work and leaving its group. */
  @Override
  public void close() {
    CloseOptions options =
        CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
            .withTimeout(closeTimeout);
    List<Thread> closers = new ArrayList<>();
    apps.forEach((name, streams) -> {
      Thread closer = new Thread(() -> {
        if (!streams.close(options)) {
          LOG.warn("Streams app {} did not close within {}", name, closeTimeout);
        }
      }, "close-" + name);
      closer.start();
      closers.add(closer);
    });
    for (Thread closer : closers) {
      try {
        closer.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    metrics.forEach(KafkaStreamsMetrics::close);
  }
}
