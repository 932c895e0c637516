package castle.market.read;

import castle.market.book.DepthBook;
import castle.market.candles.CandleSource;
import castle.market.candles.Candles;
import castle.market.candles.Interval;
import castle.market.read.MarketReads.AggTrades;
import castle.market.read.MarketReads.AlertList;
import castle.market.read.MarketReads.AlertView;
import castle.market.read.MarketReads.AvgPrice;
import castle.market.read.MarketReads.DepthSnapshot;
import castle.market.read.MarketReads.Kline;
import castle.market.read.MarketReads.Klines;
import castle.market.read.MarketReads.SymbolInfo;
import castle.market.read.MarketReads.TickerList;
import castle.market.read.MarketReads.TickerView;
import castle.market.read.MarketReads.TradeRow;
import castle.market.read.MarketReads.Trades;
import castle.market.store.MarketStores;
import castle.market.store.MarketView;
import castle.market.ticker.RollingTicker;
import castle.market.trades.AggTrade;
import castle.market.trades.AggTradeBuilder;
import castle.market.trades.TradeLog;
import castle.money.FixedPoint;
import castle.schema.alerts.AlertState;
import castle.schema.market.Candle;
import castle.schema.market.PublicTrade;
import castle.schema.market.Ticker;
import castle.schema.market.TickerState;
import castle.schema.reference.SymbolConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.BytesSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * Answers the market-data endpoints from the market app's stores: the same code runs on the
 * instance that owns a symbol (through interactive queries) and in tests against a
 * TopologyTestDriver's stores. Times such as "now" come from the caller, so that a forwarded query
 * answers for the moment the client asked.
 */
public final class MarketReader {

  /** The width of the average price's window, as Binance's avgPrice. */
  public static final int AVG_PRICE_MINUTES = 5;

  private static final long MAX_SPAN_MS = 3_600_000L;
  private static final BytesSerializer BYTES = new BytesSerializer();

  private final MarketView view;
  private final CandleSource candles;

  /** A reader of these stores. */
  public MarketReader(MarketView view) {
    this.view = view;
    this.candles = new CandleSource(view);
  }

  /** A symbol's scales, if it is configured or has traded. */
  public SymbolInfo symbol(String symbol) {
    SymbolConfig config = view.symbols().get(symbol);
    if (config != null) {
      return new SymbolInfo(symbol, true, config.getBaseScale(), config.getQuoteScale());
    }
    TickerState state = view.tickers().get(symbol);
    if (state != null) {
      return new SymbolInfo(symbol, true, state.getTicker().getBaseScale(), state.getTicker().getQuoteScale());
    }
    return SymbolInfo.unknown(symbol);
  }

  /**
   * Up to {@code limit} levels per side as of the update id read first: the book is written before
   * the id, so the levels reflect at least that update, and any later change they already show is
   * repeated, as an absolute quantity, by a depth update after the id.
   */
  public DepthSnapshot depth(String symbol, int limit) {
    TickerState state = view.tickers().get(symbol);
    SymbolInfo info = symbol(symbol);
    long lastUpdateId = state == null ? 0 : state.getTicker().getBookUpdateId();
    if (!info.known()) {
      return new DepthSnapshot(info, 0, List.of(), List.of());
    }
    return new DepthSnapshot(info, lastUpdateId,
        DepthBook.levels(view.book(), symbol, true, limit), DepthBook.levels(view.book(), symbol, false, limit));
  }

  /** The most recent {@code limit} trades, oldest first. */
  public Trades recentTrades(String symbol, int limit) {
    SymbolInfo info = symbol(symbol);
    List<TradeRow> rows = new ArrayList<>();
    try (KeyValueIterator<Bytes, PublicTrade> newestFirst = view.trades().reverseRange(
        MarketStores.tradeKey(symbol, 0), MarketStores.tradeKey(symbol, Long.MAX_VALUE))) {
      while (newestFirst.hasNext() && rows.size() < limit) {
        rows.add(row(newestFirst.next().value));
      }
    }
    Collections.reverse(rows);
    return new Trades(info, rows);
  }

  /** The most recent {@code limit} aggregate trades, oldest first. */
  public AggTrades recentAggTrades(String symbol, int limit) {
    List<PublicTrade> trades = new ArrayList<>();
    try (KeyValueIterator<Bytes, PublicTrade> newestFirst = view.trades().reverseRange(
        MarketStores.tradeKey(symbol, 0), MarketStores.tradeKey(symbol, Long.MAX_VALUE))) {
      int started = 0;
      PublicTrade later = null;
      while (newestFirst.hasNext()) {
        PublicTrade trade = newestFirst.next().value;
        if (later == null || !sameAggregate(trade, later)) {
          started++;
          if (started > limit) {
            break;
          }
        }
        trades.add(trade);
        later = trade;
      }
    }
    Collections.reverse(trades);
    return new AggTrades(symbol(symbol), AggTradeBuilder.fold(trades));
  }

  /** Aggregate trades with ids from {@code fromId}, oldest first, at most {@code limit}. */
  public AggTrades aggTradesFrom(String symbol, long fromId, int limit) {
    List<AggTrade> found = new ArrayList<>();
    AggTradeBuilder builder = new AggTradeBuilder();
    try (KeyValueIterator<Bytes, PublicTrade> trades = view.trades().range(
        MarketStores.tradeKey(symbol, Math.max(0, fromId - 1)), MarketStores.tradeKey(symbol, Long.MAX_VALUE))) {
      while (trades.hasNext() && found.size() < limit) {
        builder.add(trades.next().value).filter(agg -> agg.aggId() >= fromId).ifPresent(found::add);
      }
    }
    if (found.size() < limit) {
      builder.flush().filter(agg -> agg.aggId() >= fromId).ifPresent(found::add);
    }
    return new AggTrades(symbol(symbol), found);
  }

  /**
   * Aggregate trades in a time range of at most an hour, oldest first: [startTime, endTime], or the
   * hour from {@code startTime}, or the hour up to {@code endTime} when only one is given.
   */
  public AggTrades aggTradesBetween(String symbol, Long startTime, Long endTime, int limit) {
    long from = startTime != null ? startTime : endTime - MAX_SPAN_MS;
    long to = endTime != null ? endTime : startTime + MAX_SPAN_MS;
    List<AggTrade> found = new ArrayList<>();
    AggTradeBuilder builder = new AggTradeBuilder();
    long firstId = firstTradeAtOrAfter(symbol, from);
    try (KeyValueIterator<Bytes, PublicTrade> trades = view.trades().range(
        MarketStores.tradeKey(symbol, Math.max(0, firstId)), MarketStores.tradeKey(symbol, Long.MAX_VALUE))) {
      while (trades.hasNext() && found.size() < limit) {
        PublicTrade trade = trades.next().value;
        Optional<AggTrade> completed = builder.add(trade);
        completed.filter(agg -> agg.time() >= from && agg.time() <= to).ifPresent(found::add);
        if (completed.isPresent() && completed.get().time() > to) {
          return new AggTrades(symbol(symbol), found);
        }
      }
    }
    if (found.size() < limit) {
      builder.flush().filter(agg -> agg.time() >= from && agg.time() <= to).ifPresent(found::add);
    }
    return new AggTrades(symbol(symbol), found);
  }

  /**
   * Klines as Binance returns them: {@code limit} intervals ending with the current one, or starting
   * at the first interval that opens at or after {@code startTime}, or ending with the last one that
   * opens at or before {@code endTime}. Intervals before the symbol's first trade are left out;
   * intervals without trades after it carry the previous close, with zero volume.
   */
  public Klines klines(String symbol, Interval interval, Long startTime, Long endTime, int limit, long now) {
    SymbolInfo info = symbol(symbol);
    Optional<Candle> first = candles.first(symbol, interval);
    if (!info.known() || first.isEmpty()) {
      return new Klines(info, List.of());
    }
    long current = interval.openTime(now);
    long to = Math.min(current, endTime == null ? current : interval.openTime(endTime));
    long from;
    if (startTime != null) {
      long aligned = interval.openTime(startTime);
      from = aligned == startTime ? aligned : interval.next(aligned);
    } else {
      from = to;
      for (int i = 1; i < limit; i++) {
        from = interval.previous(from);
      }
    }
    from = Math.max(from, first.get().getOpenTime());
    long last = from;
    for (int i = 1; i < limit && last < to; i++) {
      last = interval.next(last);
    }
    to = Math.min(to, last);
    List<Kline> rows = new ArrayList<>();
    if (from > to) {
      return new Klines(info, rows);
    }
    Map<Long, Candle> byOpen = new TreeMap<>();
    for (Candle candle : candles.range(symbol, interval, from, to)) {
      byOpen.put(candle.getOpenTime(), candle);
    }
    long previousClose = candles.lastBefore(symbol, interval, from).map(Candle::getClose).orElse(0L);
    for (long open = from; open <= to; open = interval.next(open)) {
      Candle candle = byOpen.get(open);
      if (candle == null) {
        candle = Candles.empty(symbol, interval, open, previousClose, open < current, info.baseScale(), info.quoteScale());
      }
      rows.add(kline(candle));
      previousClose = candle.getClose();
    }
    return new Klines(info, rows);
  }

  /** A symbol's rolling ticker for the window that ends at {@code now}. */
  public TickerView ticker(String symbol, long now) {
    SymbolInfo info = symbol(symbol);
    TickerState state = view.tickers().get(symbol);
    Ticker ticker;
    if (state == null) {
      ticker = RollingTicker.empty(symbol, info.baseScale(), info.quoteScale(), now);
    } else {
      ticker = state.getTicker();
      long start = RollingTicker.windowStart(now);
      if (start > ticker.getOpenTime()) {
        ticker = RollingTicker.recompute(ticker, start, candles);
      }
    }
    return TickerView.of(info, ticker, now);
  }

  /** The tickers of every symbol this instance holds, configured or traded. */
  public TickerList tickers(long now) {
    List<String> names = new ArrayList<>();
    try (KeyValueIterator<String, SymbolConfig> configured = view.symbols().all()) {
      configured.forEachRemaining(entry -> names.add(entry.key));
    }
    try (KeyValueIterator<String, TickerState> traded = view.tickers().all()) {
      traded.forEachRemaining(entry -> names.add(entry.key));
    }
    return new TickerList(names.stream().distinct().sorted().map(name -> ticker(name, now)).toList());
  }

  /** The volume-weighted average price of the last five minutes, or the last price if nothing traded. */
  public AvgPrice avgPrice(String symbol, long now) {
    SymbolInfo info = symbol(symbol);
    long currentMinute = Interval.M1.openTime(now);
    long base = 0;
    long quote = 0;
    for (Candle candle : candles.range(symbol, Interval.M1, currentMinute - (AVG_PRICE_MINUTES - 1) * 60_000L,
        currentMinute)) {
      base = Math.addExact(base, candle.getVolume());
      quote = Math.addExact(quote, candle.getQuoteVolume());
    }
    TickerState state = view.tickers().get(symbol);
    long lastPrice = state == null ? 0 : state.getTicker().getLastPrice();
    long lastTradeTime = state == null ? 0 : state.getLastTradeTime();
    long price = base == 0 ? lastPrice : FixedPoint.mulDiv(quote, FixedPoint.pow10(info.baseScale()), base);
    return new AvgPrice(info, AVG_PRICE_MINUTES, price, lastTradeTime);
  }

  /** The active alerts of an account among this instance's symbols, oldest first. */
  public AlertList alerts(long accountId) {
    List<AlertView> found = new ArrayList<>();
    try (KeyValueIterator<Bytes, Bytes> keys =
        view.alertsByAccount().prefixScan(MarketStores.accountAlertPrefix(accountId), BYTES)) {
      while (keys.hasNext()) {
        KeyValue<Bytes, Bytes> entry = keys.next();
        AlertState alert = view.alerts().get(entry.value);
        if (alert != null && alert.getAccountId() == accountId) {
          found.add(new AlertView(alert.getAlertId(), alert.getAccountId(), alert.getSymbol(),
              alert.getCondition().name(), alert.getPrice(), alert.getMovePercentBasisPoints(), alert.getWindowMs(),
              alert.getRecurring(), alert.getNote(), alert.getCreatedAt(), alert.getFiredCount(),
              alert.getLastFiredAt(), alert.getQuoteScale()));
        }
      }
    }
    found.sort(Comparator.comparingLong(AlertView::createdAt).thenComparingLong(AlertView::alertId));
    return new AlertList(found);
  }

  private long firstTradeAtOrAfter(String symbol, long time) {
    PublicTrade oldest = TradeLog.oldest(view.trades(), symbol);
    if (oldest == null) {
      return 0;
    }
    long low = oldest.getTradeId();
    long high = TradeLog.newest(view.trades(), symbol).getTradeId();
    while (low < high) {
      long middle = low + (high - low) / 2;
      PublicTrade trade = view.trades().get(MarketStores.tradeKey(symbol, middle));
      if (trade == null || trade.getTime() < time) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  private static boolean sameAggregate(PublicTrade earlier, PublicTrade later) {
    return earlier.getTradeId() + 1 == later.getTradeId()
        && earlier.getTakerCommandId() == later.getTakerCommandId()
        && earlier.getPrice() == later.getPrice();
  }

  private static TradeRow row(PublicTrade trade) {
    return new TradeRow(trade.getTradeId(), trade.getPrice(), trade.getQty(), trade.getQuoteQty(), trade.getTime(),
        trade.getBuyerIsMaker());
  }

  private static Kline kline(Candle candle) {
    return new Kline(candle.getOpenTime(), candle.getOpen(), candle.getHigh(), candle.getLow(), candle.getClose(),
        candle.getVolume(), candle.getCloseTime(), candle.getQuoteVolume(), candle.getTradeCount(),
        candle.getTakerBuyBaseVolume(), candle.getTakerBuyQuoteVolume());
  }
}
