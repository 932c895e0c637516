package castle.app.local;

import castle.app.Metrics;
import castle.app.Resources;
import castle.app.gateway.GatewayWiring;
import castle.app.gateway.MarketWiring;
import castle.app.kafka.KafkaOptions;
import castle.app.streams.CastleApps;
import castle.app.streams.QueryWiring;
import castle.app.streams.StreamsWiring;
import castle.broker.BrokerSettings;
import castle.broker.EmbeddedKafkaBroker;
import castle.gateway.GatewayServer;
import castle.gateway.GatewaySettings;
import castle.mskconfig.TopicApplier;
import castle.mskconfig.TopicSpecs;
import castle.topology.StreamsEnvironment;
import castle.topology.runtime.StreamsRuntime;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole exchange in one process: locks the data directory, starts the embedded broker on its
 * {@code kafka} sub-folder, applies the local topic specs, starts the Streams apps (state in {@code
 * streams}), then the gateway. Closing it stops
 * everything in reverse order.
 */
public final class LocalCastle implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalCastle.class);

  /** How long start waits for the Streams apps to be RUNNING. */
  private static final Duration STREAMS_STARTUP = Duration.ofSeconds(60);

  /**
   * What to start.
   *
   * @param dataDir where Kafka and all state live
   * @param host the address every listener binds
   * @param port the gateway port; 0 picks a free one
   * @param kafkaPort the broker's client port; 0 picks a free one
   */
  public record Settings(Path dataDir, String host, int port, int kafkaPort) {}

  private final Resources resources;
  private final EmbeddedKafkaBroker broker;
  private final GatewayServer gateway;
  private final Path dataDir;

  private LocalCastle(Resources resources, EmbeddedKafkaBroker broker, GatewayServer gateway, Path dataDir) {
    this.resources = resources;
    this.broker = broker;
    this.gateway = gateway;
    this.dataDir = dataDir;
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
      // Streams needs the gateway's address for interactive queries before the gateway starts.
      int gatewayPort = settings.port() == 0 ? freePort(settings.host()) : settings.port();
      StreamsRuntime streams =
          StreamsWiring.start(
              CastleApps.all(),
              StreamsEnvironment.local(kafka, data.resolve("streams"), settings.host() + ":" + gatewayPort),
              registry,
              resources);
      // One instance: the internal query routes are only ever called by this process itself.
      QueryWiring queries =
          new QueryWiring(streams, new HostInfo(settings.host(), gatewayPort), UUID.randomUUID().toString());
      GatewayServer gateway =
          GatewayWiring.start(
              new GatewaySettings(settings.host(), gatewayPort),
              kafka,
              registry,
              StreamsWiring.readiness(streams),
              List.of(queries.routes(), MarketWiring.start(queries.router(), kafka, resources)),
              resources);
      // "Castle is running" means ready: Streams apps take a few seconds to join their groups and restore.
      if (!streams.awaitRunning(STREAMS_STARTUP)) {
        LOG.warn("Streams apps are not all running after {}; /health/ready says which", STREAMS_STARTUP);
      }
      return new LocalCastle(resources, broker, gateway, data);
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

  /** The absolute data directory. */
  public Path dataDir() {
    return dataDir;
  }

  @Override
  public void close() {
    resources.close();
  }

  private static int freePort(String host) throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
      return socket.getLocalPort();
    }
  }

  private static void applyTopics(Map<String, Object> kafkaProperties) throws Exception {
    try (Admin admin = Admin.create(kafkaProperties)) {
      new TopicApplier(admin).apply(TopicSpecs.load("local")).forEach(change -> LOG.info("Topics: {}", change));
    }
  }
}
