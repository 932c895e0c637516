package castle.market;

import castle.market.alerts.AlertBook;
import castle.market.book.DepthBook;
import castle.market.candles.CandleSchedule;
import castle.market.candles.CandleSource;
import castle.market.candles.Candles;
import castle.market.candles.Interval;
import castle.market.candles.OpenCandleBook;
import castle.market.store.MarketStores;
import castle.market.store.MarketView;
import castle.market.ticker.RollingTicker;
import castle.market.trades.PublicTrades;
import castle.market.trades.TradeLog;
import castle.schema.alerts.AlertCommand;
import castle.schema.alerts.CreateAlert;
import castle.schema.alerts.DeleteAlert;
import castle.schema.alerts.Notification;
import castle.schema.market.Candle;
import castle.schema.market.DepthUpdate;
import castle.schema.market.OpenCandles;
import castle.schema.market.PublicTrade;
import castle.schema.market.Ticker;
import castle.schema.market.TickerState;
import castle.schema.market.Trade;
import castle.schema.reference.SymbolConfig;
import castle.topics.Keys;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The market app's single processor, per task (a partition of every symbol-keyed input). It reads,
 * in offset order, trades, depth updates, alert commands and symbol configurations, and keeps every
 * market store of its symbols. Trades update the recent-trade log, the open candles, the 24-hour
 * ticker and the alerts; depth updates the book and its top; alert commands the alerts.
 *
 * <p>Every emission round (wall clock, {@link MarketSettings#emitEvery()}) closes the candles whose
 * grace period has ended, publishes candles and tickers that changed since the last round, and
 * slides the tickers' windows. A change of the top of the book publishes the ticker at once, so the
 * book ticker stream is real time. Which candles and tickers wait to be published is kept in the
 * stores, so a crash between a change and its publication loses nothing.
 */
final class MarketProcessor implements Processor<String, SpecificRecord, String, SpecificRecord> {

  static final String CANDLES_SINK = "market-candles-sink";
  static final String TICKERS_SINK = "market-tickers-sink";
  static final String NOTIFICATIONS_SINK = "notifications-sink";

  private static final Logger LOG = LoggerFactory.getLogger(MarketProcessor.class);

  private final MarketSettings settings;
  private final String symbolsTopic;
  private final OpenCandleBook candleBook;
  private final TradeLog tradeLog;
  private final CandleSchedule schedule = new CandleSchedule();
  private final Set<String> unemittedCandles = new HashSet<>();
  private final Set<String> unemittedTickers = new HashSet<>();

  private ProcessorContext<String, SpecificRecord> context;
  private KeyValueStore<String, SymbolConfig> symbols;
  private KeyValueStore<String, TickerState> tickers;
  private KeyValueStore<String, OpenCandles> openCandles;
  private KeyValueStore<Bytes, Candle> candles;
  private KeyValueStore<Bytes, PublicTrade> trades;
  private KeyValueStore<Bytes, Long> book;
  private CandleSource candleSource;
  private AlertBook alerts;
  private MarketClock clock;
  private long windowStart;

  MarketProcessor(MarketSettings settings, String symbolsTopic) {
    this.settings = settings;
    this.symbolsTopic = symbolsTopic;
    this.candleBook = new OpenCandleBook(settings.grace().toMillis());
    this.tradeLog = new TradeLog(settings.tradesKept());
  }

  @Override
  public void init(ProcessorContext<String, SpecificRecord> context) {
    this.context = context;
    symbols = context.getStateStore(MarketStores.SYMBOLS);
    tickers = context.getStateStore(MarketStores.TICKERS);
    openCandles = context.getStateStore(MarketStores.OPEN_CANDLES);
    candles = context.getStateStore(MarketStores.CANDLES);
    trades = context.getStateStore(MarketStores.TRADES);
    book = context.getStateStore(MarketStores.BOOK);
    MarketView view = new MarketView() {
      @Override
      public <K, V> org.apache.kafka.streams.state.ReadOnlyKeyValueStore<K, V> store(String name) {
        return context.getStateStore(name);
      }
    };
    candleSource = new CandleSource(view);
    alerts = new AlertBook(context.getStateStore(MarketStores.ALERTS), context.getStateStore(MarketStores.ALERTS_BY_ACCOUNT),
        candleSource);
    long wallNow = context.currentSystemTimeMs();
    clock = new MarketClock(rebuildIndexes(), settings.grace().toMillis(), settings.idleAfter().toMillis(), wallNow);
    windowStart = RollingTicker.windowStart(clock.now());
    context.schedule(settings.emitEvery(), PunctuationType.WALL_CLOCK_TIME, this::emissionRound);
  }

  /** Rebuilds what waits to be closed or published from the stores; returns the latest event time. */
  private long rebuildIndexes() {
    long latest = 0;
    try (KeyValueIterator<String, OpenCandles> all = openCandles.all()) {
      while (all.hasNext()) {
        KeyValue<String, OpenCandles> entry = all.next();
        schedule.set(entry.key, candleBook.nextDeadline(entry.value));
        if (OpenCandleBook.hasUnemitted(entry.value)) {
          unemittedCandles.add(entry.key);
        }
      }
    }
    try (KeyValueIterator<String, TickerState> all = tickers.all()) {
      while (all.hasNext()) {
        KeyValue<String, TickerState> entry = all.next();
        latest = Math.max(latest, entry.value.getTicker().getCloseTime());
        if (entry.value.getChanged()) {
          unemittedTickers.add(entry.key);
        }
      }
    }
    return latest;
  }

  @Override
  public void process(Record<String, SpecificRecord> record) {
    SpecificRecord value = record.value();
    if (value instanceof Trade trade) {
      onTrade(trade);
    } else if (value instanceof DepthUpdate update) {
      onDepth(update);
    } else if (value instanceof AlertCommand command) {
      onAlertCommand(command, record.timestamp());
    } else if (value instanceof SymbolConfig config) {
      symbols.put(config.getSymbol(), config);
    } else if (value == null && isFromSymbols()) {
      symbols.delete(record.key());
    }
  }

  private boolean isFromSymbols() {
    return context.recordMetadata().map(metadata -> metadata.topic().equals(symbolsTopic)).orElse(false);
  }

  private void onTrade(Trade trade) {
    String symbol = trade.getSymbol();
    if (TradeLog.contains(trades, symbol, trade.getTradeId())) {
      return;
    }
    PublicTrade pub = PublicTrades.of(trade);
    tradeLog.record(trades, symbol, pub);
    clock.observe(trade.getTime(), context.currentSystemTimeMs());
    TickerState state = tickerState(symbol, trade.getBaseScale(), trade.getQuoteScale());
    Ticker ticker = state.getTicker();
    long previousPrice = ticker.getLastPrice();
    boolean lateMinute = Interval.M1.openTime(trade.getTime()) < Interval.M1.openTime(state.getLastTradeTime());

    if (candleBook.accepts(trade.getTime(), clock.now())) {
      OpenCandles set = openCandles.get(symbol);
      if (set == null) {
        set = OpenCandles.newBuilder().setSymbol(symbol).setCandles(new ArrayList<>()).build();
      }
      candleBook.add(set, pub, trade.getBaseScale(), trade.getQuoteScale());
      openCandles.put(symbol, set);
      schedule.set(symbol, candleBook.nextDeadline(set));
      unemittedCandles.add(symbol);
      if (!slide(state, RollingTicker.windowStart(clock.now())) && trade.getTime() >= ticker.getOpenTime()) {
        RollingTicker.add(state.getTicker(), pub);
      }
    } else {
      LOG.warn("Trade {} of {} at {} arrived after its candle closed (market time {}); it counts in no candle or "
          + "24h statistic", trade.getTradeId(), symbol, trade.getTime(), clock.now());
    }
    ticker = state.getTicker();
    ticker.setLastPrice(trade.getPrice());
    ticker.setLastQty(trade.getQty());
    ticker.setCloseTime(clock.now());
    state.setLastTradeTime(Math.max(state.getLastTradeTime(), trade.getTime()));
    markChanged(symbol, state);
    tickers.put(symbol, state);
    for (Notification notification : alerts.onTrade(symbol, previousPrice, pub, lateMinute)) {
      notify(notification);
    }
  }

  private void onDepth(DepthUpdate update) {
    String symbol = update.getSymbol();
    TickerState state = tickerState(symbol, update.getBaseScale(), update.getQuoteScale());
    Ticker ticker = state.getTicker();
    long last = ticker.getBookUpdateId();
    if (update.getUpdateId() <= last) {
      return;
    }
    if (last != 0 && update.getUpdateId() != last + 1) {
      LOG.error("market.depth of {} jumps from updateId {} to {}: depth updates were lost upstream",
          symbol, last, update.getUpdateId());
    }
    clock.observe(update.getTime(), context.currentSystemTimeMs());
    DepthBook.apply(book, update);
    DepthBook.Level bid = DepthBook.best(book, symbol, true);
    DepthBook.Level ask = DepthBook.best(book, symbol, false);
    boolean topChanged = differs(bid, ticker.getBidPrice(), ticker.getBidQty())
        || differs(ask, ticker.getAskPrice(), ticker.getAskQty());
    ticker.setBidPrice(bid == null ? 0 : bid.price());
    ticker.setBidQty(bid == null ? 0 : bid.qty());
    ticker.setAskPrice(ask == null ? 0 : ask.price());
    ticker.setAskQty(ask == null ? 0 : ask.qty());
    ticker.setBookUpdateId(update.getUpdateId());
    if (slide(state, RollingTicker.windowStart(clock.now()))) {
      markChanged(symbol, state);
    }
    state.getTicker().setCloseTime(clock.now());
    if (topChanged || state.getChanged()) {
      state.setChanged(false);
      unemittedTickers.remove(symbol);
      forwardTicker(state.getTicker(), clock.now());
    }
    tickers.put(symbol, state);
  }

  private static boolean differs(DepthBook.Level level, long price, long qty) {
    return level == null ? price != 0 || qty != 0 : level.price() != price || level.qty() != qty;
  }

  private void onAlertCommand(AlertCommand command, long time) {
    Optional<Notification> outcome = Optional.empty();
    if (command.getAction() instanceof CreateAlert create) {
      TickerState state = tickers.get(command.getSymbol());
      long lastPrice = state == null ? 0 : state.getTicker().getLastPrice();
      OptionalInt quoteScale = quoteScale(command.getSymbol(), create, state);
      if (quoteScale.isPresent()) {
        outcome = alerts.create(command, create, lastPrice, quoteScale.getAsInt(), time);
      } else {
        LOG.warn("Ignoring alert command {}: no scale given and symbol {} unknown", command.getCommandId(),
            command.getSymbol());
      }
    } else if (command.getAction() instanceof DeleteAlert delete) {
      outcome = alerts.delete(command, delete, time);
    }
    outcome.ifPresent(this::notify);
  }

  /** The scale of an alert's price: as the gateway read it, else the symbol's. */
  private OptionalInt quoteScale(String symbol, CreateAlert create, TickerState state) {
    if (create.getQuoteScale() >= 0) {
      return OptionalInt.of(create.getQuoteScale());
    }
    if (state != null) {
      return OptionalInt.of(state.getTicker().getQuoteScale());
    }
    SymbolConfig config = symbols.get(symbol);
    return config == null ? OptionalInt.empty() : OptionalInt.of(config.getQuoteScale());
  }

  private void emissionRound(long wallNow) {
    clock.tick(wallNow);
    long now = clock.now();
    for (String symbol = schedule.due(now); symbol != null; symbol = schedule.due(now)) {
      closeCandles(symbol, now);
    }
    for (String symbol : unemittedCandles) {
      OpenCandles set = openCandles.get(symbol);
      if (set != null) {
        OpenCandleBook.takeUnemitted(set).forEach(candle -> forwardCandle(candle, now));
        openCandles.put(symbol, set);
      }
    }
    unemittedCandles.clear();
    long start = RollingTicker.windowStart(now);
    if (start != windowStart) {
      windowStart = start;
      slideAll(start);
    }
    for (String symbol : unemittedTickers) {
      TickerState state = tickers.get(symbol);
      if (state != null && state.getChanged()) {
        state.setChanged(false);
        forwardTicker(state.getTicker(), now);
        tickers.put(symbol, state);
      }
    }
    unemittedTickers.clear();
  }

  private void closeCandles(String symbol, long now) {
    OpenCandles set = openCandles.get(symbol);
    if (set == null) {
      schedule.set(symbol, Long.MAX_VALUE);
      return;
    }
    for (Candle closed : candleBook.closeDue(set, now)) {
      candles.put(MarketStores.candleKey(symbol, Candles.intervalOf(closed), closed.getOpenTime()), closed);
      forwardCandle(Candle.newBuilder(closed).build(), now);
    }
    if (set.getCandles().isEmpty()) {
      openCandles.delete(symbol);
    } else {
      openCandles.put(symbol, set);
    }
    schedule.set(symbol, candleBook.nextDeadline(set));
  }

  private void slideAll(long start) {
    List<String> sliding = new ArrayList<>();
    try (KeyValueIterator<String, TickerState> all = tickers.all()) {
      all.forEachRemaining(entry -> {
        if (entry.value.getTicker().getOpenTime() < start) {
          sliding.add(entry.key);
        }
      });
    }
    for (String symbol : sliding) {
      TickerState state = tickers.get(symbol);
      if (slide(state, start)) {
        markChanged(symbol, state);
      }
      tickers.put(symbol, state);
    }
  }

  /** Moves a ticker's window to {@code start} if it is later; returns whether the statistics were recomputed. */
  private boolean slide(TickerState state, long start) {
    Ticker ticker = state.getTicker();
    if (start <= ticker.getOpenTime()) {
      return false;
    }
    if (ticker.getTradeCount() == 0) {
      ticker.setOpenTime(start);
      return false;
    }
    state.setTicker(RollingTicker.recompute(ticker, start, candleSource));
    return true;
  }

  private TickerState tickerState(String symbol, int baseScale, int quoteScale) {
    TickerState state = tickers.get(symbol);
    if (state == null) {
      state = TickerState.newBuilder()
          .setTicker(RollingTicker.empty(symbol, baseScale, quoteScale, clock.now()))
          .setLastTradeTime(0)
          .setChanged(false)
          .build();
    }
    return state;
  }

  private void markChanged(String symbol, TickerState state) {
    state.setChanged(true);
    unemittedTickers.add(symbol);
  }

  private void forwardCandle(Candle candle, long time) {
    context.forward(new Record<String, SpecificRecord>(candle.getSymbol(), candle, time), CANDLES_SINK);
  }

  private void forwardTicker(Ticker ticker, long time) {
    context.forward(new Record<String, SpecificRecord>(ticker.getSymbol(), Ticker.newBuilder(ticker).build(), time),
        TICKERS_SINK);
  }

  private void notify(Notification notification) {
    context.forward(new Record<String, SpecificRecord>(Keys.account(notification.getAccountId()), notification,
        notification.getTime()), NOTIFICATIONS_SINK);
  }
}
