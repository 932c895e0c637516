package castle.market;

import castle.market.store.MarketStores;
import castle.topics.Topic;
import castle.topics.Topics;
import castle.topology.TopicNames;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * The market app's topology, top to bottom: four symbol-keyed, co-partitioned inputs (trades, depth
 * updates, alert commands, symbol configurations) feed one processor that owns every market store,
 * and three outputs leave it: candles and tickers keyed by symbol, notifications keyed by account.
 */
final class MarketTopology {

  private static final String PROCESSOR = "market";

  private MarketTopology() {}

  static Topology build(TopicNames topics, MarketSettings settings) {
    Topology topology = new Topology();
    List<Topic<? extends SpecificRecord>> inputs =
        List.of(Topics.MARKET_TRADES, Topics.MARKET_DEPTH, Topics.ALERT_COMMANDS, Topics.SYMBOLS);
    String[] sources = new String[inputs.size()];
    for (int i = 0; i < inputs.size(); i++) {
      Topic<? extends SpecificRecord> input = inputs.get(i);
      sources[i] = input.name() + "-source";
      topology.addSource(sources[i], input.keySerde().deserializer(), input.valueSerde().deserializer(), topics.of(input));
    }
    String symbolsTopic = topics.of(Topics.SYMBOLS);
    topology.addProcessor(PROCESSOR, () -> new MarketProcessor(settings, symbolsTopic), sources);
    for (StoreBuilder<?> store : MarketStores.builders()) {
      topology.addStateStore(store, PROCESSOR);
    }
    sink(topology, MarketProcessor.CANDLES_SINK, topics.of(Topics.MARKET_CANDLES), Topics.MARKET_CANDLES);
    sink(topology, MarketProcessor.TICKERS_SINK, topics.of(Topics.MARKET_TICKERS), Topics.MARKET_TICKERS);
    sink(topology, MarketProcessor.NOTIFICATIONS_SINK, topics.of(Topics.NOTIFICATIONS), Topics.NOTIFICATIONS);
    return topology;
  }

  @SuppressWarnings("unchecked")
  private static <V extends SpecificRecord> void sink(Topology topology, String name, String topic, Topic<V> type) {
    Serializer<SpecificRecord> values = (Serializer<SpecificRecord>) (Serializer<?>) type.valueSerde().serializer();
    topology.addSink(name, topic, type.keySerde().serializer(), values, PROCESSOR);
  }
}
