package castle.topology;

import java.util.Map;
import org.apache.kafka.streams.Topology;

/**
 * One Kafka Streams application of Castle: its own application id, topology and settings. Apps are
 * split by the guarantees they need (matching and accounts move money and run exactly-once; the
 * market app serves quotes), so each can be tuned and scaled on its own.
 */
public interface StreamsApp {

  /** Short name, unique among Castle's apps; the application id is {@code castle-<name>}. */
  String name();

  /** The topology, built fresh for each KafkaStreams instance. */
  Topology topology();

  /**
   * Whether a waiting order's answer passes through this app (accounts, matching). Apps off that path
   * (candles and tickers, notifications) commit less often: see {@link StreamsSettings}.
   */
  default boolean onOrderPath() {
    return true;
  }

  /** Settings that differ from {@link StreamsSettings}' defaults for this app, each with its reason. */
  default Map<String, Object> overrides() {
    return Map.of();
  }
}
