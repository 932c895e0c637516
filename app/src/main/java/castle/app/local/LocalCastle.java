package castle.app.local;

import castle.app.Metrics;
import castle.app.Resources;
import castle.app.gateway.BinanceOptions;
import castle.app.gateway.GatewayApis;
import castle.app.gateway.GatewayWiring;
import castle.app.identity.IdentityOptions;
import castle.app.identity.LocalAdmin;
import castle.app.kafka.KafkaOptions;
import castle.app.streams.CastleApps;
import castle.app.streams.QueryWiring;
import castle.app.streams.StreamsWiring;
import castle.broker.BrokerSettings;
import castle.broker.EmbeddedKafkaBroker;
import castle.gateway.GatewayServer;
import castle.gateway.GatewaySettings;
import castle.gateway.NativeApi;
import castle.gateway.health.ReadinessCheck;
import castle.gateway.identity.IdentityConfig;
import castle.gateway.identity.auth.AuthMode;
import castle.gateway.kafka.KafkaClients;
import castle.mskconfig.TopicApplier;
import castle.mskconfig.TopicSpecs;
import castle.topology.StreamsEnvironment;
import castle.topology.StreamsTuning;
import castle.topology.runtime.StreamsRuntime;
import io.javalin.config.JavalinConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole exchange in one process: locks the data directory, starts the embedded broker on its
 * {@code kafka} sub-folder, applies the local topic specs, starts the Streams apps (state in {@code
 * streams}), then the gateway with the native API, makes sure the local admin exists (its
 * credentials in {@code admin.json}), and starts the sinks in the background (PostgreSQL on the
 * {@code postgres} sub-folder). Closing it stops everything in reverse order.
 */
public final class LocalCastle implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalCastle.class);

  /** How long the first start waits for the users app before creating the local admin. */
  private static final Duration ADMIN_BOOTSTRAP_WAIT = Duration.ofSeconds(90);

  /**
   * What to start.
   *
   * @param dataDir where Kafka and all state live
   * @param host the address every listener binds
   * @param port the gateway port; 0 picks a free one
   * @param kafkaPort the broker's client port; 0 picks a free one
   * @param sinks which sinks to run in-process
   * @param tuning the Streams apps' latency-versus-CPU settings
   */
  public record Settings(
      Path dataDir, String host, int port, int kafkaPort, LocalSinks.Settings sinks, StreamsTuning tuning) {

    /** The default sinks (the JDBC sink on an embedded PostgreSQL) and default tuning. */
    public Settings(Path dataDir, String host, int port, int kafkaPort) {
      this(dataDir, host, port, kafkaPort, LocalSinks.Settings.defaults(), StreamsTuning.DEFAULT);
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

  /** Starts everything with the default identity options. */
  public static LocalCastle start(Settings settings, Resources resources) throws Exception {
    return start(settings, IdentityOptions.defaults(), BinanceOptions.defaults(), resources);
  }

  /** Starts everything into {@code resources}; on failure, closes what had started. */
  public static LocalCastle start(Settings settings, IdentityOptions identity, BinanceOptions binance,
      Resources resources) throws Exception {
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
              StreamsEnvironment.local(kafka, data.resolve("streams"), settings.host() + ":" + gatewayPort)
                  .withTuning(settings.tuning()),
              registry,
              resources);
      // One instance: the internal query routes are only ever called by this process itself.
      QueryWiring queries =
          new QueryWiring(streams, new HostInfo(settings.host(), gatewayPort), UUID.randomUUID().toString());
      IdentityConfig identityConfig = identity.resolve(data.resolve(IdentityOptions.SECRETS_DIR));
      GatewayApis apis = GatewayApis.start(identityConfig, binance.settings(identityConfig.nodeId()),
          new KafkaClients(kafka, registry), queries.router(), resources);
      Map<String, ReadinessCheck> checks = new LinkedHashMap<>(StreamsWiring.readiness(streams));
      checks.putAll(apis.checks());
      List<Consumer<JavalinConfig>> routes = new ArrayList<>(List.of(queries.routes()));
      routes.addAll(apis.routes());
      GatewayServer gateway =
          GatewayWiring.start(new GatewaySettings(settings.host(), gatewayPort), kafka, registry, checks, routes, resources);
      if (identity.mode() == AuthMode.CASTLE) {
        ensureAdmin(data, "http://" + settings.host() + ":" + gateway.port(), streams, apis.nativeApi());
      }
      LocalSinks sinks = LocalSinks.startInBackground(settings.sinks(), broker, kafka, data, resources);
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

  private static void ensureAdmin(Path data, String url, StreamsRuntime streams, NativeApi nativeApi) throws Exception {
    if (!streams.awaitRunning(ADMIN_BOOTSTRAP_WAIT)) {
      throw new IllegalStateException("Streams apps did not start within " + ADMIN_BOOTSTRAP_WAIT + "; cannot create the local admin");
    }
    LocalAdmin.ensure(data, url, nativeApi);
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
