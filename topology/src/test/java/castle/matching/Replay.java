package castle.matching;

import castle.matching.book.OrderBook;
import castle.matching.engine.RandomMarket;
import castle.matching.engine.SymbolEngine;
import castle.matching.state.BookStore;
import castle.schema.matching.BookOrder;
import castle.schema.matching.SymbolBook;
import castle.topics.Topics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs a random market through the matching topology and keeps what it wrote, as bytes: the three
 * output topics in order (values only; headers hold wall-clock stamps) and the two changelogs.
 */
final class Replay {

  static final String SYMBOLS_CHANGELOG = "castle-matching-" + MatchingStores.SYMBOLS + "-changelog";
  static final String ORDERS_CHANGELOG = "castle-matching-" + MatchingStores.ORDERS + "-changelog";

  /** One record as written. */
  record Written(String topic, String key, byte[] value) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Written w && w.topic.equals(topic) && java.util.Objects.equals(w.key, key)
          && Arrays.equals(w.value, value);
    }

    @Override
    public int hashCode() {
      return topic.hashCode() * 31 + Arrays.hashCode(value);
    }
  }

  final List<Written> outputs = new ArrayList<>();
  final List<Written> changelog = new ArrayList<>();
  Map<String, SymbolEngine> storedEngines;

  /** Runs {@code events} on a fresh driver with the given book implementation. */
  static Replay run(Path stateDir, Supplier<OrderBook> books, List<RandomMarket.Event> events) {
    Replay replay = new Replay();
    try (MatchingDriver market = new MatchingDriver(stateDir, books)) {
      TopologyTestDriver driver = market.driver();
      for (RandomMarket.Event event : events) {
        if (event.config() != null) {
          market.pipe(event.config(), event.time());
        } else {
          market.pipe(event.command(), event.time());
        }
      }
      outputTopics().forEach(topic -> replay.outputs.addAll(drain(driver, topic)));
      replay.changelog.addAll(drain(driver, SYMBOLS_CHANGELOG));
      replay.changelog.addAll(drain(driver, ORDERS_CHANGELOG));
      replay.storedEngines = BookStore.load(
          driver.<String, SymbolBook>getKeyValueStore(MatchingStores.SYMBOLS),
          driver.<String, BookOrder>getKeyValueStore(MatchingStores.ORDERS), books);
    }
    return replay;
  }

  static List<Written> drain(TopologyTestDriver driver, String topic) {
    TestOutputTopic<String, byte[]> raw =
        driver.createOutputTopic(topic, new StringDeserializer(), new ByteArrayDeserializer());
    return raw.readRecordsToList().stream().map(r -> new Written(topic, r.key(), r.value())).toList();
  }

  static List<String> outputTopics() {
    return List.of(Topics.ORDER_EXECUTIONS.name(), Topics.MARKET_TRADES.name(), Topics.MARKET_DEPTH.name());
  }
}
