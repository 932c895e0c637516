package castle.app.local;

import castle.app.Metrics;
import castle.app.Resources;
import castle.app.gateway.GatewayWiring;
import castle.app.kafka.KafkaOptions;
import castle.broker.BrokerSettings;
import castle.broker.EmbeddedKafkaBroker;
import castle.gateway.GatewayServer;
import castle.gateway.GatewaySettings;
import castle.mskconfig.TopicApplier;
import castle.mskconfig.TopicSpecs;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole exchange in one process: locks the data directory, starts the embedded broker on its
 * {@code kafka} sub-folder, applies the local topic specs, starts the gateway, then the sinks in the
 * background (PostgreSQL on the {@code postgres} sub-folder). Closing it stops everything in reverse
 * order.
 */
public final class LocalCastle implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalCastle.class);

  /**
   * What to start.
   *
   * @param dataDir where Kafka and all state live
   * @param host the address every listener binds
   * @param port the gateway port; 0 picks a free one
   * @param kafkaPort the broker's client port; 0 picks a free one
   * @param sinks which sinks to run in-process
   */
  public record Settings(Path dataDir, String host, int port, int kafkaPort, LocalSinks.Settings sinks) {

    /** The default sinks: the JDBC sink on an embedded PostgreSQL. */
    public Settings(Path dataDir, String host, int port, int kafkaPort) {
      this(dataDir, host, port, kafkaPort, LocalSinks.Settings.defaults());
    }
  }

  private final Resources resources;
  private final EmbeddedKafkaBroker broker;
  private final GatewayServer gateway;
  private final Path dataDir;
  private final LocalSinks sinks;

  private LocalCastle(Resources resources, EmbeddedKafkaBroker broker, GatewayServer gateway, Path dataDir,
      LocalSinks sinks) {
    this.resources = resources;
    this.broker = broker;
    this.gateway = gateway;
    this.dataDir = dataDir;
    this.sinks = sinks;
  }

  /** Starts everything into {@code resources}; on failure, closes what had started. */
  public static LocalCastle start(Settings settings, Resources resources) throws Exception {
    Path data = settings.dataDir().toAbsolutePath().normalize();
    try {
      resources.add("data directory lock", DataDirectoryLock.acquire(data));
      EmbeddedKafkaBroker broker =
          resources.add(
              "embedded Kafka",
              EmbeddedKafkaBroker.start(
                  BrokerSettings.local(data.resolve("kafka"))
                      .withHost(settings.host())
                      .withPort(settings.kafkaPort())));
      Map<String, Object> kafka = KafkaOptions.local(broker.bootstrapServers()).clientProperties();
      applyTopics(kafka);
      PrometheusMeterRegistry registry = Metrics.registry();
      GatewayServer gateway =
          GatewayWiring.start(
              new GatewaySettings(settings.host(), settings.port()), kafka, registry, Map.of(), resources);
      LocalSinks sinks = LocalSinks.startInBackground(settings.sinks(), kafka, data, resources);
      return new LocalCastle(resources, broker, gateway, data, sinks);
    } catch (Exception | Error e) {
      resources.close();
      throw e;
    }
  }

  /** The embedded broker. */
  public EmbeddedKafkaBroker broker() {
    return broker;
  }

  /** The gateway's HTTP port. */
  public int gatewayPort() {
    return gateway.port();
  }

  /** The sinks running in this process. */
  public LocalSinks sinks() {
    return sinks;
  }

  /** The absolute data directory. */
  public Path dataDir() {
    return dataDir;
  }

  @Override
  public void close() {
    resources.close();
  }

  private static void applyTopics(Map<String, Object> kafkaProperties) throws Exception {
    try (Admin admin = Admin.create(kafkaProperties)) {
      new TopicApplier(admin).apply(TopicSpecs.load("local")).forEach(change -> LOG.info("Topics: {}", change));
    }
  }
}
