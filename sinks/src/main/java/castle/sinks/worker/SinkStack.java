package castle.sinks.worker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Castle's sinks on an in-process Connect worker against a given Kafka cluster: what {@code castle
 * local} runs, and what tests use to put the sinks behind any pipeline. Closing it stops the worker;
 * its connectors commit what they have written first.
 */
public final class SinkStack implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SinkStack.class);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  /**
   * What to run.
   *
   * @param kafka client properties of the cluster: bootstrap servers and security settings
   * @param workDir where the worker keeps its files
   * @param restListener the worker's REST listener ({@code http://127.0.0.1:0} for a free port)
   * @param sinks the sinks to run, each with its connector settings (they override the defaults)
   * @param deadLetterReplication replication factor of the dead-letter topic if Connect creates it
   * @param workerSettings worker properties that override the defaults, such as a test's shorter
   *     {@code offset.flush.interval.ms}
   */
  public record Options(Map<String, ?> kafka, Path workDir, String restListener,
      Map<Sink, Map<String, String>> sinks, int deadLetterReplication, Map<String, String> workerSettings) {

    /** Options with the worker's default properties. */
    public Options(Map<String, ?> kafka, Path workDir, String restListener, Map<Sink, Map<String, String>> sinks,
        int deadLetterReplication) {
      this(kafka, workDir, restListener, sinks, deadLetterReplication, Map.of());
    }
  }

  private final ConnectWorker worker;
  private final Map<Sink, String> connectors;

  private SinkStack(ConnectWorker worker, Map<Sink, String> connectors) {
    this.worker = worker;
    this.connectors = connectors;
  }

  /** Starts a standalone worker and the chosen sinks, and waits until all of them run. */
  public static SinkStack start(Options options) {
    long begin = System.nanoTime();
    Map<String, String> workerProps = WorkerProperties.standalone(options.kafka(), options.workDir(), options.restListener());
    workerProps.putAll(options.workerSettings());
    ConnectWorker worker = ConnectWorker.start(workerProps, false);
    Map<Sink, String> connectors = new LinkedHashMap<>();
    try {
      options.sinks().forEach((sink, settings) -> {
        Map<String, String> config = ConnectorConfigs.of(sink, settings, options.deadLetterReplication());
        worker.putConnector(config.get("name"), config);
        connectors.put(sink, config.get("name"));
      });
      connectors.values().forEach(name -> worker.awaitRunning(name, START_TIMEOUT));
    } catch (RuntimeException e) {
      worker.close();
      throw e;
    }
    LOG.info("Sinks {} running in {} ms (Connect REST at {})", connectors.values(),
        (System.nanoTime() - begin) / 1_000_000, worker.restUrl());
    return new SinkStack(worker, connectors);
  }

  /** The worker, to inspect or manage connectors. */
  public ConnectWorker worker() {
    return worker;
  }

  /** The name of a running sink's connector. */
  public String connectorName(Sink sink) {
    return Optional.ofNullable(connectors.get(sink))
        .orElseThrow(() -> new IllegalArgumentException(sink.id() + " is not running"));
  }

  /** Why the sinks are not all running, or empty when they are. */
  public Optional<String> problem() {
    return connectors.values().stream()
        .filter(name -> !worker.isRunning(name))
        .findFirst()
        .map(name -> "connector " + name + " is not running");
  }

  @Override
  public void close() {
    worker.close();
  }
}
