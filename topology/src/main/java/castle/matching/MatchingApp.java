package castle.matching;

import castle.matching.book.FastOrderBook;
import castle.matching.book.OrderBook;
import castle.matching.query.DepthStoreBuilder;
import castle.schema.matching.BookOrder;
import castle.schema.matching.SymbolBook;
import castle.serde.AvroSerde;
import castle.topics.Topic;
import castle.topics.Topics;
import castle.topology.StreamsApp;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The matching app ({@code castle-matching}): one processor, keyed by symbol, between the accepted
 * commands and the market's outputs.
 *
 * <pre>
 *   orders.accepted ─┐                          ┌─► orders.executions (by account)
 *                    ├─► match [symbols, orders, depth] ─► market.trades (by symbol)
 *   symbols ─────────┘                          └─► market.depth (by symbol)
 * </pre>
 *
 * It runs with Castle's exactly-once defaults ({@link castle.topology.StreamsSettings}) and no
 * overrides.
 */
public final class MatchingApp implements StreamsApp {

  static final String EXECUTIONS_SINK = "executions";
  static final String TRADES_SINK = "trades";
  static final String DEPTH_SINK = "depth";
  private static final String MATCH = "match";

  private final Supplier<OrderBook> books;
  private final MatchingTopics topics;

  /** The app with the fast book on Castle's topics. */
  public MatchingApp() {
    this(FastOrderBook::new, MatchingTopics.CASTLE);
  }

  /** The app with another book implementation (tests run the reference book through it too) or topics. */
  public MatchingApp(Supplier<OrderBook> books, MatchingTopics topics) {
    this.books = books;
    this.topics = topics;
  }

  @Override
  public String name() {
    return "matching";
  }

  @Override
  public Topology topology() {
    Topology topology = new Topology();
    source(topology, "accepted", topics.accepted(), Topics.ORDERS_ACCEPTED);
    source(topology, "symbols", topics.symbols(), Topics.SYMBOLS);
    topology.addProcessor(MATCH, () -> new MatchingProcessor(books), "accepted", "symbols");
    // Caching lets repeated writes of one order within a commit interval (a maker filled in pieces)
    // reach RocksDB and the changelog once; the books in memory are the source of truth meanwhile.
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(MatchingStores.SYMBOLS), Serdes.String(), AvroSerde.of(SymbolBook.class))
            .withCachingEnabled(),
        MATCH);
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(MatchingStores.ORDERS), Serdes.String(), AvroSerde.of(BookOrder.class))
            .withCachingEnabled(),
        MATCH);
    topology.addStateStore(new DepthStoreBuilder(MatchingStores.DEPTH), MATCH);
    sink(topology, EXECUTIONS_SINK, topics.executions(), Topics.ORDER_EXECUTIONS);
    sink(topology, TRADES_SINK, topics.trades(), Topics.MARKET_TRADES);
    sink(topology, DEPTH_SINK, topics.depth(), Topics.MARKET_DEPTH);
    return topology;
  }

  private static void source(Topology topology, String name, String topicName, Topic<?> type) {
    topology.addSource(name, type.keySerde().deserializer(), type.valueSerde().deserializer(), topicName);
  }

  private static void sink(Topology topology, String name, String topicName, Topic<?> type) {
    topology.addSink(name, topicName, type.keySerde().serializer(), type.valueSerde().serializer(), MATCH);
  }
}
