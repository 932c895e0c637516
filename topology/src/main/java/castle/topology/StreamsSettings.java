package castle.topology;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndFailExceptionHandler;

/**
 * The Kafka Streams settings every Castle app starts from. Each setting that differs from Kafka's
 * default says why, with its latency or safety trade-off; an app's {@link StreamsApp#overrides()}
 * come last.
 */
public final class StreamsSettings {

  /** Prefix of every Castle application id. */
  public static final String APPLICATION_ID_PREFIX = "castle-";

  /** The shortest commit interval of an app that no waiting order passes through. */
  public static final long OFF_ORDER_PATH_COMMIT_INTERVAL_MS = 100;

  private StreamsSettings() {}

  /** The properties of one app in one environment. */
  public static Properties forApp(StreamsApp app, StreamsEnvironment environment) {
    Map<String, Object> p = new HashMap<>(environment.kafkaClientProperties());
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID_PREFIX + app.name());
    p.put(StreamsConfig.STATE_DIR_CONFIG, environment.stateDir().resolve(app.name()).toString());

    // Every Castle app moves money, matches orders or fires notifications exactly once: a replayed
    // input must never produce a second output. Costs a transaction per commit interval.
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    // Commit interval, linger and threads trade latency against CPU: see StreamsTuning. Kafka's EOS
    // default commit interval is 100 ms; Castle's is 10 ms on the order path. Apps off it keep at least
    // Kafka's 100 ms: a tenth of their transactions (each one costs the broker requests and markers that
    // orders then queue behind), and nobody reads a candle or a notification to the millisecond.
    StreamsTuning tuning = environment.tuning();
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, app.onOrderPath()
        ? tuning.commitIntervalMs() : Math.max(tuning.commitIntervalMs(), OFF_ORDER_PATH_COMMIT_INTERVAL_MS));
    p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), tuning.producerLingerMs());
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, tuning.streamThreads());
    // A record that cannot be decoded stops the app instead of being skipped: skipping an order or
    // a fill would silently break conservation. Operators see it in readiness and logs.
    p.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        LogAndFailExceptionHandler.class.getName());
    // Global stores (the symbols accounts reads) fail the same way as the rest, as Kafka 5 will do
    // by default, instead of each app logging a warning at start.
    p.put("processing.exception.handler.global.enabled", true);

    // Internal topics (changelogs, repartitions) get the same durability as Castle's own topics:
    // state that cannot be restored is money that cannot be accounted for.
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) environment.replicationFactor());
    p.put(
        StreamsConfig.topicPrefix(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG),
        Integer.toString(environment.minInsyncReplicas()));
    // Warm copies of state on other instances let a failover skip the changelog restore.
    p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, environment.standbyReplicas());
    // RocksDB memory is bounded and shared across all stores of the JVM instead of 50+ MB per store.
    p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class.getName());
    // A restarted instance rejoins without waiting out the old member's session: shorter than the
    // 45 s default, still far above a GC pause.
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 2_000);
    if (environment.applicationServer() != null) {
      p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, environment.applicationServer());
    }
    p.putAll(app.overrides());

    Properties properties = new Properties();
    properties.putAll(p);
    return properties;
  }
}
