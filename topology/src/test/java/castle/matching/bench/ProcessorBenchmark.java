package castle.matching.bench;

import castle.matching.MatchingApp;
import castle.matching.MatchingTopics;
import castle.matching.book.FastOrderBook;
import castle.schema.orders.AcceptedCommand;
import castle.schema.orders.AcceptedOrder;
import castle.schema.orders.CancelOrder;
import castle.schema.orders.OrderType;
import castle.schema.orders.PlaceOrder;
import castle.schema.orders.SelfTradePreventionMode;
import castle.schema.orders.Side;
import castle.schema.orders.TimeInForce;
import castle.schema.reference.SymbolConfig;
import castle.schema.reference.SymbolStatus;
import castle.topics.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole matching processor per command, through TopologyTestDriver: Avro decoding of the
 * command, the engine, the write-through to the RocksDB stores (with their caching and changelog
 * records), and encoding the executions, trades and depth update. The driver commits after every
 * record, which flushes the store cache each time: a pessimistic figure next to the real app's
 * 10 ms commit interval. The commands are exchange-core's mix ({@link OrderMix}), generated as the
 * benchmark runs; a move is a cancel plus a place, so one operation is one or two commands. Run with
 * {@code ./topology/jmh ProcessorBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ProcessorBenchmark {

  private static final String SYMBOL = "BENCHUSD";

  private Path stateDir;
  private TopologyTestDriver driver;
  private TestInputTopic<String, AcceptedCommand> accepted;
  private List<TestOutputTopic<String, byte[]>> outputs;
  private OrderMix mix;
  private long commandId;
  private long time = 1_750_000_000_000L;
  private long records;

  @Setup(Level.Trial)
  public void open() throws IOException {
    stateDir = Files.createTempDirectory("matching-bench");
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "castle-matching");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    driver = new TopologyTestDriver(new MatchingApp(FastOrderBook::new, MatchingTopics.CASTLE).topology(), props);
    accepted = driver.createInputTopic(Topics.ORDERS_ACCEPTED.name(), Topics.ORDERS_ACCEPTED.keySerde().serializer(),
        Topics.ORDERS_ACCEPTED.valueSerde().serializer());
    outputs = Stream.of(Topics.ORDER_EXECUTIONS, Topics.MARKET_TRADES, Topics.MARKET_DEPTH)
        .map(topic -> driver.createOutputTopic(topic.name(), new StringDeserializer(), new ByteArrayDeserializer()))
        .toList();
    driver.createInputTopic(Topics.SYMBOLS.name(), Topics.SYMBOLS.keySerde().serializer(),
        Topics.SYMBOLS.valueSerde().serializer()).pipeInput(SYMBOL, config(), time);
    mix = new OrderMix(42);
    mix.prefill().forEach(this::send);
  }

  @Benchmark
  public long command() {
    send(mix.next());
    return records;
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    driver.close();
    try (Stream<Path> files = Files.walk(stateDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  private void send(OrderMix.Command command) {
    switch (command.op()) {
      case CANCEL -> pipe(command.account(), new CancelOrder(command.orderId(), null, "x"));
      case MOVE -> {
        pipe(command.account(), new CancelOrder(command.orderId(), null, "x"));
        pipe(command.account(), place(command, TimeInForce.GTC));
      }
      case GTC -> pipe(command.account(), place(command, TimeInForce.GTC));
      case IOC -> pipe(command.account(), place(command, TimeInForce.IOC));
    }
    for (TestOutputTopic<String, byte[]> output : outputs) {
      records += output.readValuesToList().size();
    }
  }

  private void pipe(long account, Object action) {
    accepted.pipeInput(SYMBOL, new AcceptedCommand(++commandId, account, SYMBOL, action), ++time);
  }

  private static AcceptedOrder place(OrderMix.Command c, TimeInForce timeInForce) {
    PlaceOrder order = new PlaceOrder(c.orderId(), "c" + c.orderId(), c.buy() ? Side.BUY : Side.SELL,
        OrderType.LIMIT, timeInForce, c.price(), c.qty(), 0L, 0L, null);
    return new AcceptedOrder(order, c.buy() ? c.price() * c.qty() : c.qty(), 1000, 1000);
  }

  private static SymbolConfig config() {
    return SymbolConfig.newBuilder()
        .setSymbol(SYMBOL).setBaseAsset("BENCH").setQuoteAsset("USD").setBaseScale(0).setQuoteScale(2)
        .setTickSize(1).setMinPrice(1).setMaxPrice(100_000_000).setStepSize(1).setMinQty(1).setMaxQty(1_000_000)
        .setMinNotional(0).setMaxNotional(0).setDefaultSelfTradePreventionMode(SelfTradePreventionMode.NONE)
        .setStatus(SymbolStatus.TRADING).setUpdatedAt(0)
        .build();
  }
}
