package castle.matching;

import castle.matching.book.OrderBook;
import castle.matching.engine.Reasons;
import castle.matching.query.DepthSnapshot;
import castle.matching.query.DepthStore;
import castle.orders.RejectReason;
import castle.schema.market.DepthUpdate;
import castle.schema.market.Trade;
import castle.schema.orders.AcceptedCommand;
import castle.schema.orders.CancelAllOrders;
import castle.schema.orders.CancelOrder;
import castle.schema.orders.Execution;
import castle.schema.orders.ExecutionType;
import castle.schema.reference.SymbolConfig;
import castle.topics.Topics;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The matching topology in a TopologyTestDriver, with a persistent state directory, driven one
 * command at a time. Each call returns the command's {@link Outcome}: what it emitted on the three
 * output topics.
 */
final class MatchingDriver implements AutoCloseable {

  static final long T0 = 1_750_000_000_000L;

  private final TopologyTestDriver driver;
  private final TestInputTopic<String, AcceptedCommand> accepted;
  private final TestInputTopic<String, SymbolConfig> symbols;
  private final TestOutputTopic<String, Execution> executions;
  private final TestOutputTopic<String, Trade> trades;
  private final TestOutputTopic<String, DepthUpdate> depth;
  private long nextCommandId = 1;
  private long nextOrderId = 1;
  private long clock = T0;

  MatchingDriver(Path stateDir, Supplier<OrderBook> books) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "castle-matching");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    driver = new TopologyTestDriver(new MatchingApp(books, MatchingTopics.CASTLE).topology(), props);
    accepted = input(driver, Topics.ORDERS_ACCEPTED);
    symbols = input(driver, Topics.SYMBOLS);
    executions = output(driver, Topics.ORDER_EXECUTIONS);
    trades = output(driver, Topics.MARKET_TRADES);
    depth = output(driver, Topics.MARKET_DEPTH);
  }

  MatchingDriver(Path stateDir) {
    this(stateDir, castle.matching.book.FastOrderBook::new);
  }

  TopologyTestDriver driver() {
    return driver;
  }

  /** Publishes a symbol configuration. */
  MatchingDriver given(SymbolConfig config) {
    symbols.pipeInput(config.getSymbol(), config, clock);
    return this;
  }

  /** Places an order with the next order id. */
  Outcome place(Orders.Place order) {
    long orderId = nextOrderId++;
    return send(order.command(nextCommandId++, orderId), orderId);
  }

  Outcome cancel(long account, CancelOrder cancel) {
    return send(new AcceptedCommand(nextCommandId++, account, Orders.SYMBOL, cancel), cancel.getOrderId());
  }

  Outcome cancelAll(long account) {
    CancelAllOrders all = Orders.cancelAll();
    return send(new AcceptedCommand(nextCommandId++, account, Orders.SYMBOL, all), 0);
  }

  /** Sends any command, keyed by its symbol, one second after the previous one. */
  Outcome send(AcceptedCommand command) {
    return send(command, 0);
  }

  Outcome send(AcceptedCommand command, long orderId) {
    return sendKeyed(command.getSymbol(), command, orderId);
  }

  /** Pipes a command at the given record time and leaves its outputs unread. */
  void pipe(AcceptedCommand command, long time) {
    accepted.pipeInput(command.getSymbol(), command, time);
  }

  /** Pipes a symbol configuration at the given record time. */
  void pipe(SymbolConfig config, long time) {
    symbols.pipeInput(config.getSymbol(), config, time);
  }

  Outcome sendKeyed(String key, AcceptedCommand command, long orderId) {
    clock += 1000;
    accepted.pipeInput(key, command, clock);
    return new Outcome(command.getCommandId(), orderId, executions.readRecordsToList(), trades.readValuesToList(),
        depth.readValuesToList());
  }

  /** The depth the interactive query would return now. */
  DepthSnapshot depth(int limit) {
    DepthStore store = (DepthStore) driver.getStateStore(MatchingStores.DEPTH);
    return store.snapshot(Orders.SYMBOL, limit).orElseThrow();
  }

  long lastCommandId() {
    return nextCommandId - 1;
  }

  @Override
  public void close() {
    driver.close();
  }

  private static <V extends org.apache.avro.specific.SpecificRecord> TestInputTopic<String, V> input(
      TopologyTestDriver driver, castle.topics.Topic<V> topic) {
    return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
  }

  private static <V extends org.apache.avro.specific.SpecificRecord> TestOutputTopic<String, V> output(
      TopologyTestDriver driver, castle.topics.Topic<V> topic) {
    return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
  }

  /** What one command emitted. */
  record Outcome(
      long commandId, long orderId, List<TestRecord<String, Execution>> executionRecords, List<Trade> trades,
      List<DepthUpdate> depthUpdates) {

    private static final Map<String, String> REASON_NAMES = reasonNames();

    List<Execution> executions() {
      return executionRecords.stream().map(TestRecord::value).toList();
    }

    Execution execution(int i) {
      return executions().get(i);
    }

    /** The single depth update of the command. */
    DepthUpdate depth() {
      if (depthUpdates.size() != 1) {
        throw new AssertionError("expected one depth update, got " + depthUpdates);
      }
      return depthUpdates.get(0);
    }

    /**
     * The executions as one line each: {@code account #order TYPE STATUS}, then for a trade
     * {@code qty@price}, and for a rejection or expiry why, by name.
     */
    List<String> events() {
      return executions().stream().map(Outcome::render).toList();
    }

    static String render(Execution e) {
      StringBuilder line = new StringBuilder()
          .append(name(e.getAccountId())).append(" #").append(e.getOrderId()).append(' ')
          .append(e.getExecutionType()).append(' ').append(e.getStatus());
      if (e.getExecutionType() == ExecutionType.TRADE) {
        line.append(' ').append(plain(e.getLastQty())).append('@').append(plain(e.getLastPrice()));
      }
      if (e.getExecutionType() == ExecutionType.REJECTED) {
        line.append(' ').append(RejectReason.ofMessage(e.getReason()).map(Enum::name).orElse(e.getReason()));
      }
      if (e.getExecutionType() == ExecutionType.EXPIRED) {
        line.append(' ').append(REASON_NAMES.getOrDefault(e.getReason(), e.getReason()));
      }
      return line.toString();
    }

    static String plain(long units) {
      return BigDecimal.valueOf(units, Orders.SCALE).stripTrailingZeros().toPlainString();
    }

    private static String name(long account) {
      if (account == Orders.ALICE) {
        return "alice";
      }
      if (account == Orders.BOB) {
        return "bob";
      }
      return account == Orders.CAROL ? "carol" : Long.toString(account);
    }

    private static Map<String, String> reasonNames() {
      Map<String, String> names = new HashMap<>();
      for (Field field : Reasons.class.getFields()) {
        if (Modifier.isStatic(field.getModifiers())) {
          try {
            names.put((String) field.get(null), field.getName());
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
          }
        }
      }
      return names;
    }
  }
}
