package castle.market;

import castle.market.read.MarketReader;
import castle.market.store.MarketView;
import castle.schema.alerts.AlertCommand;
import castle.schema.alerts.AlertCondition;
import castle.schema.alerts.CreateAlert;
import castle.schema.alerts.DeleteAlert;
import castle.schema.alerts.Notification;
import castle.schema.market.Candle;
import castle.schema.market.DepthUpdate;
import castle.schema.market.PriceLevel;
import castle.schema.market.Ticker;
import castle.schema.market.Trade;
import castle.schema.reference.SymbolConfig;
import castle.schema.reference.SymbolStatus;
import castle.schema.orders.SelfTradePreventionMode;
import castle.topics.Topic;
import castle.topics.Topics;
import castle.topology.TopicNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The market topology in a TopologyTestDriver, with helpers that speak in prices and times: scales
 * are 2 for prices and 4 for quantities, so {@code price(101.5)} is 10150 and one lot is 10000.
 */
final class MarketDriver implements AutoCloseable {

  static final String SYMBOL = "BTCUSDT";
  static final int BASE_SCALE = 4;
  static final int QUOTE_SCALE = 2;
  static final Duration GRACE = Duration.ofSeconds(5);

  private final TopologyTestDriver driver;
  private final TestInputTopic<String, Trade> trades;
  private final TestInputTopic<String, DepthUpdate> depth;
  private final TestInputTopic<String, AlertCommand> alerts;
  private final TestInputTopic<String, SymbolConfig> symbols;
  private final TestOutputTopic<String, Candle> candles;
  private final TestOutputTopic<String, Ticker> tickers;
  private final TestOutputTopic<String, Notification> notifications;
  private long nextTradeId = 1;
  private long nextUpdateId = 1;
  private long nextCommandId = 1;

  /** A driver whose wall clock starts at {@code start}. */
  MarketDriver(Instant start) throws Exception {
    Path state = Files.createTempDirectory("market-ttd-");
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "market-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
    MarketSettings settings = new MarketSettings(GRACE, Duration.ofSeconds(10), Duration.ofSeconds(1), 1000);
    driver = new TopologyTestDriver(new MarketApp(TopicNames.standard(), settings).topology(), props, start);
    trades = input(Topics.MARKET_TRADES);
    depth = input(Topics.MARKET_DEPTH);
    alerts = input(Topics.ALERT_COMMANDS);
    symbols = input(Topics.SYMBOLS);
    candles = output(Topics.MARKET_CANDLES);
    tickers = output(Topics.MARKET_TICKERS);
    notifications = output(Topics.NOTIFICATIONS);
  }

  private <V extends org.apache.avro.specific.SpecificRecord> TestInputTopic<String, V> input(Topic<V> topic) {
    return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
  }

  private <V extends org.apache.avro.specific.SpecificRecord> TestOutputTopic<String, V> output(Topic<V> topic) {
    return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
  }

  static long price(double units) {
    return Math.round(units * 100);
  }

  static long qty(double units) {
    return Math.round(units * 10_000);
  }

  static long at(String isoInstant) {
    return Instant.parse(isoInstant).toEpochMilli();
  }

  /** A trade of {@code qty} at {@code price} at {@code time}, by a taker command of its own; returns its id. */
  long trade(long time, long price, long qty) {
    return trade(time, price, qty, nextCommandId++, false);
  }

  /** A trade with a given taker command and maker side; returns its id. */
  long trade(long time, long price, long qty, long takerCommandId, boolean buyerIsMaker) {
    long id = nextTradeId++;
    Trade trade = Trade.newBuilder()
        .setSymbol(SYMBOL).setTradeId(id).setPrice(price).setQty(qty)
        .setQuoteQty(castle.money.FixedPoint.notional(price, qty, BASE_SCALE))
        .setTime(time).setBuyerIsMaker(buyerIsMaker)
        .setBuyOrderId(100 + id).setSellOrderId(200 + id).setBuyerAccountId(7).setSellerAccountId(8)
        .setBuyerCommission(0).setSellerCommission(0).setTakerCommandId(takerCommandId)
        .setBaseAsset("BTC").setQuoteAsset("USDT").setBaseScale(BASE_SCALE).setQuoteScale(QUOTE_SCALE)
        .build();
    trades.pipeInput(SYMBOL, trade, time);
    return id;
  }

  /** Pipes a trade record again, as a redelivery would. */
  void redeliverTrade(long id, long time, long price, long qty) {
    long saved = nextTradeId;
    nextTradeId = id;
    trade(time, price, qty);
    nextTradeId = saved;
  }

  /** A depth update with the next update id; levels are {price, qty} pairs. */
  long depth(long time, long[][] bids, long[][] asks) {
    long id = nextUpdateId++;
    depth.pipeInput(SYMBOL, DepthUpdate.newBuilder()
        .setSymbol(SYMBOL).setUpdateId(id).setTime(time)
        .setBids(levels(bids)).setAsks(levels(asks))
        .setBaseScale(BASE_SCALE).setQuoteScale(QUOTE_SCALE).build(), time);
    return id;
  }

  private static List<PriceLevel> levels(long[][] pairs) {
    List<PriceLevel> levels = new ArrayList<>();
    for (long[] pair : pairs) {
      levels.add(new PriceLevel(pair[0], pair[1]));
    }
    return levels;
  }

  void configureSymbol() {
    symbols.pipeInput(SYMBOL, SymbolConfig.newBuilder()
        .setSymbol(SYMBOL).setBaseAsset("BTC").setQuoteAsset("USDT").setBaseScale(BASE_SCALE).setQuoteScale(QUOTE_SCALE)
        .setTickSize(1).setMinPrice(1).setMaxPrice(price(1_000_000)).setStepSize(1).setMinQty(1).setMaxQty(qty(1000))
        .setMinNotional(0).setMaxNotional(0).setDefaultSelfTradePreventionMode(SelfTradePreventionMode.NONE)
        .setStatus(SymbolStatus.TRADING).setUpdatedAt(0).build());
  }

  void createCrossingAlert(long accountId, long alertId, AlertCondition condition, long threshold, boolean recurring,
      long time) {
    alerts.pipeInput(SYMBOL, new AlertCommand(nextCommandId++, accountId, SYMBOL,
        CreateAlert.newBuilder().setAlertId(alertId).setCondition(condition).setPrice(threshold)
            .setRecurring(recurring).build()), time);
  }

  void createMoveAlert(long accountId, long alertId, int basisPoints, Duration window, boolean recurring, long time) {
    alerts.pipeInput(SYMBOL, new AlertCommand(nextCommandId++, accountId, SYMBOL,
        CreateAlert.newBuilder().setAlertId(alertId).setCondition(AlertCondition.MOVES_PERCENT)
            .setMovePercentBasisPoints(basisPoints).setWindowMs(window.toMillis()).setRecurring(recurring).build()), time);
  }

  void deleteAlert(long accountId, long alertId, long time) {
    alerts.pipeInput(SYMBOL, new AlertCommand(nextCommandId++, accountId, SYMBOL, new DeleteAlert(alertId)), time);
  }

  /** Advances the wall clock, which runs the emission rounds that fall in it. */
  void advanceWallClock(Duration duration) {
    driver.advanceWallClockTime(duration);
  }

  List<Candle> candles() {
    return candles.readValuesToList();
  }

  List<Ticker> tickers() {
    return tickers.readValuesToList();
  }

  List<org.apache.kafka.streams.test.TestRecord<String, Notification>> notifications() {
    return notifications.readRecordsToList();
  }

  MarketReader reader() {
    return new MarketReader(new MarketView() {
      @Override
      public <K, V> ReadOnlyKeyValueStore<K, V> store(String name) {
        return driver.getKeyValueStore(name);
      }
    });
  }

  @Override
  public void close() {
    driver.close();
  }
}
