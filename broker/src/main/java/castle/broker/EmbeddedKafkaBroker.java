package castle.broker;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka cluster (combined broker and KRaft controller) running inside this JVM.
 *
 * <p>Its log directory is formatted on first start and reused afterwards, so topics and records
 * survive a restart on the same directory. Every internal topic is set to replication 1 and min ISR
 * 1, or exactly-once producers and consumer groups would never start on one node.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
  private static final int NODE_ID = 1;
  private static final String CONTROLLER_LISTENER = "CONTROLLER";

  private final KafkaRaftServer server;
  private final String bootstrapServers;
  private final Path logDir;

  private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers, Path logDir) {
    this.server = server;
    this.bootstrapServers = bootstrapServers;
    this.logDir = logDir;
  }

  /** Formats the log directory if it is new, starts the node and waits until it serves requests. */
  public static EmbeddedKafkaBroker start(BrokerSettings settings) {
    Path logDir = settings.logDir().toAbsolutePath();
    int port = settings.port() == 0 ? freePort(settings.host()) : settings.port();
    int controllerPort = freePort(settings.host());
    Properties props = serverProperties(settings, logDir, port, controllerPort);
    try {
      Files.createDirectories(logDir);
      if (!Files.exists(logDir.resolve("meta.properties"))) {
        format(logDir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare Kafka log directory " + logDir, e);
    }
    KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
    server.startup();
    String bootstrap = settings.host() + ":" + port;
    EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, bootstrap, logDir);
    broker.awaitReady(settings.startupTimeout());
    LOG.info("Embedded Kafka ready at {} with data in {}", bootstrap, logDir);
    return broker;
  }

  /** host:port for clients' {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** Where the broker keeps its logs and metadata. */
  public Path logDir() {
    return logDir;
  }

  /** Stops the node and waits until it has released its files. */
  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
  }

  private void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      while (true) {
        try {
          if (!admin.describeCluster().nodes().get().isEmpty()) {
            return;
          }
        } catch (Exception e) {
          if (System.nanoTime() > deadline) {
            close();
            throw new IllegalStateException("Embedded Kafka did not become ready in " + timeout, e);
          }
        }
        Thread.sleep(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for embedded Kafka", e);
    }
  }

  private static void format(Path logDir) throws IOException {
    try {
      new Formatter()
          .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
          .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
          .setNodeId(NODE_ID)
          .setClusterId(Uuid.randomUuid().toString())
          .setDirectories(Set.of(logDir.toString()))
          .setMetadataLogDirectory(logDir.toString())
          .setReleaseVersion(MetadataVersion.latestProduction())
          .setControllerListenerName(CONTROLLER_LISTENER)
          .run();
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("Cannot format " + logDir, e);
    }
  }

  private static Properties serverProperties(
      BrokerSettings settings, Path logDir, int port, int controllerPort) {
    String host = settings.host();
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", Integer.toString(NODE_ID));
    p.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
    p.put("listeners", "PLAINTEXT://" + host + ":" + port + "," + CONTROLLER_LISTENER + "://" + host + ":" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
    p.put("controller.listener.names", CONTROLLER_LISTENER);
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("log.dirs", logDir.toString());
    // One node: every internal topic must accept a single replica.
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "5");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "5");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("default.replication.factor", "1");
    p.put("min.insync.replicas", "1");
    // Topics come from the topic specs; a typo must not silently create a topic.
    p.put("auto.create.topics.enable", "false");
    // Consumer groups form at once instead of waiting 3 s for more members that never come.
    p.put("group.initial.rebalance.delay.ms", "0");
    // The log cleaner's default 128 MiB buffer is a lot of heap for a laptop broker.
    p.put("log.cleaner.dedupe.buffer.size", Long.toString(8L * 1024 * 1024));
    p.put("log.segment.bytes", Integer.toString(settings.segmentBytes()));
    p.putAll(settings.overrides());
    return p;
  }

  private static int freePort(String host) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(host, 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port on " + host, e);
    }
  }
}
