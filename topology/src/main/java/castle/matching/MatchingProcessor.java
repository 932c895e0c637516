package castle.matching;

import castle.matching.book.OrderBook;
import castle.matching.engine.CommandOutput;
import castle.matching.engine.SymbolEngine;
import castle.matching.query.DepthStore;
import castle.matching.state.BookStore;
import castle.schema.market.Trade;
import castle.schema.orders.AcceptedCommand;
import castle.schema.orders.Execution;
import castle.schema.reference.SymbolConfig;
import castle.topics.Keys;
import castle.topology.StageStamp;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matching for the symbols of one task. It reads accepted commands and symbol configurations (the
 * two topics are co-partitioned by symbol), runs each command through its symbol's
 * {@link SymbolEngine}, writes what changed through to the stores, then emits the executions (keyed
 * by account), trades and the depth update (keyed by symbol), and refreshes the queryable depth.
 *
 * <p>Books are rebuilt from the stores in {@link #init}, which Kafka Streams calls once the stores
 * are restored from their changelogs. All of a command's writes and outputs commit in one
 * exactly-once transaction, so a crash never leaves the books and the topics disagreeing.
 */
final class MatchingProcessor implements Processor<String, SpecificRecord, String, SpecificRecord> {

  private static final Logger LOG = LoggerFactory.getLogger(MatchingProcessor.class);

  private final Supplier<OrderBook> books;
  private final Map<String, SymbolEngine> engines = new HashMap<>();
  private ProcessorContext<String, SpecificRecord> context;
  private BookStore store;
  private DepthStore depth;

  MatchingProcessor(Supplier<OrderBook> books) {
    this.books = books;
  }

  @Override
  public void init(ProcessorContext<String, SpecificRecord> context) {
    this.context = context;
    this.store = new BookStore(context.getStateStore(MatchingStores.SYMBOLS), context.getStateStore(MatchingStores.ORDERS));
    this.depth = context.getStateStore(MatchingStores.DEPTH);
    engines.clear();
    store.load(books).forEach((symbol, engine) -> {
      engines.put(symbol, engine);
      int[] scales = scales(engine);
      depth.reset(symbol, engine.lastUpdateId(), scales[0], scales[1], engine.book());
    });
    LOG.info("Matching task {} restored {} symbols", context.taskId(), engines.size());
  }

  @Override
  public void process(Record<String, SpecificRecord> record) {
    SpecificRecord value = record.value();
    if (value instanceof SymbolConfig config) {
      if (record.key() == null || record.key().equals(config.getSymbol())) {
        configure(config);
      } else {
        LOG.warn("Matching ignores the configuration of {} published under the key {}", config.getSymbol(), record.key());
      }
    } else if (value instanceof AcceptedCommand command) {
      match(record.key() != null ? record.key() : command.getSymbol(), command, record);
    } else {
      LOG.warn("Matching ignores a record without a value on key {}", record.key());
    }
  }

  private void configure(SymbolConfig config) {
    SymbolEngine engine = engine(config.getSymbol());
    engine.configure(config);
    store.saveSymbol(engine);
    depth.scales(config.getSymbol(), config.getBaseScale(), config.getQuoteScale());
  }

  private void match(String symbol, AcceptedCommand command, Record<String, SpecificRecord> input) {
    SymbolEngine engine = engine(symbol);
    CommandOutput output = engine.execute(command, input.timestamp());
    store.save(engine, output);
    Headers headers = StageStamp.stamp(input.headers(), StageStamp.MATCHING);
    long time = input.timestamp();
    for (Execution execution : output.executions()) {
      context.forward(new Record<>(Keys.account(execution.getAccountId()), execution, time, headers),
          MatchingApp.EXECUTIONS_SINK);
    }
    for (Trade trade : output.trades()) {
      context.forward(new Record<>(symbol, trade, time, headers), MatchingApp.TRADES_SINK);
    }
    if (output.depthUpdate() != null) {
      context.forward(new Record<>(symbol, output.depthUpdate(), time, headers), MatchingApp.DEPTH_SINK);
      depth.apply(output.depthUpdate());
    }
  }

  private SymbolEngine engine(String symbol) {
    return engines.computeIfAbsent(symbol, s -> new SymbolEngine(s, books.get()));
  }

  private static int[] scales(SymbolEngine engine) {
    return engine.config() == null
        ? new int[] {0, 0}
        : new int[] {engine.config().getBaseScale(), engine.config().getQuoteScale()};
  }
}
