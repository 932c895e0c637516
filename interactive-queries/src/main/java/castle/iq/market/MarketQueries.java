package castle.iq.market;

import castle.iq.StoreQuery;
import castle.market.candles.Interval;
import castle.market.read.MarketReads.AggTrades;
import castle.market.read.MarketReads.AlertList;
import castle.market.read.MarketReads.AvgPrice;
import castle.market.read.MarketReads.DepthSnapshot;
import castle.market.read.MarketReads.Klines;
import castle.market.read.MarketReads.SymbolInfo;
import castle.market.read.MarketReads.TickerList;
import castle.market.read.MarketReads.TickerView;
import castle.market.read.MarketReads.Trades;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The market app's store queries. Keyed ones take the symbol as key; {@link #TICKERS} and
 * {@link #ALERTS} fan out to every instance. Times such as {@code now} travel as parameters, so a
 * forwarded query answers for the moment the client asked.
 */
public final class MarketQueries {

  /** Parameter: how many rows or levels. */
  public static final String LIMIT = "limit";
  /** Parameter: the first aggregate trade id. */
  public static final String FROM_ID = "fromId";
  /** Parameter: the start of a time range, epoch ms. */
  public static final String START_TIME = "startTime";
  /** Parameter: the end of a time range, epoch ms. */
  public static final String END_TIME = "endTime";
  /** Parameter: a kline interval's code. */
  public static final String INTERVAL = "interval";
  /** Parameter: the moment the client asked, epoch ms. */
  public static final String NOW = "now";
  /** Parameter: whose alerts. */
  public static final String ACCOUNT_ID = "accountId";

  /** A symbol's scales, or unknown. */
  public static final StoreQuery<SymbolInfo> SYMBOL =
      new MarketQuery<>("market.symbol", SymbolInfo.class, (reader, symbol, params) -> reader.symbol(symbol));

  /** Matching's book as of an update id, the source of REST depth; parameter {@code limit}. */
  public static final StoreQuery<DepthSnapshot> MATCHING_DEPTH = new MatchingDepthQuery();

  /** The market app's copy of the book as of an update id; parameter {@code limit}. */
  public static final StoreQuery<DepthSnapshot> DEPTH = new MarketQuery<>("market.depth", DepthSnapshot.class,
      (reader, symbol, params) -> reader.depth(symbol, params.requiredInt(LIMIT)));

  /** The most recent trades; parameter {@code limit}. */
  public static final StoreQuery<Trades> TRADES = new MarketQuery<>("market.trades", Trades.class,
      (reader, symbol, params) -> reader.recentTrades(symbol, params.requiredInt(LIMIT)));

  /** Aggregate trades: the most recent, from {@code fromId}, or between {@code startTime} and {@code endTime}. */
  public static final StoreQuery<AggTrades> AGG_TRADES = new MarketQuery<>("market.aggTrades", AggTrades.class,
      (reader, symbol, params) -> {
        int limit = params.requiredInt(LIMIT);
        Long fromId = params.optionalLong(FROM_ID);
        Long startTime = params.optionalLong(START_TIME);
        Long endTime = params.optionalLong(END_TIME);
        if (fromId != null) {
          return reader.aggTradesFrom(symbol, fromId, limit);
        }
        if (startTime != null || endTime != null) {
          return reader.aggTradesBetween(symbol, startTime, endTime, limit);
        }
        return reader.recentAggTrades(symbol, limit);
      });

  /** Klines; parameters {@code interval}, {@code limit}, {@code now}, optional {@code startTime}, {@code endTime}. */
  public static final StoreQuery<Klines> KLINES = new MarketQuery<>("market.klines", Klines.class,
      (reader, symbol, params) -> reader.klines(symbol,
          Interval.parse(params.required(INTERVAL))
              .orElseThrow(() -> new IllegalArgumentException("Unknown interval " + params.required(INTERVAL))),
          params.optionalLong(START_TIME), params.optionalLong(END_TIME), params.requiredInt(LIMIT),
          params.requiredLong(NOW)));

  /** A symbol's rolling ticker; parameter {@code now}. */
  public static final StoreQuery<TickerView> TICKER = new MarketQuery<>("market.ticker", TickerView.class,
      (reader, symbol, params) -> reader.ticker(symbol, params.requiredLong(NOW)));

  /** Fan-out: every ticker each instance holds; parameter {@code now}. */
  public static final StoreQuery<TickerList> TICKERS = new MarketQuery<>("market.tickers", TickerList.class,
      (reader, key, params) -> reader.tickers(params.requiredLong(NOW)));

  /** The five-minute average price; parameter {@code now}. */
  public static final StoreQuery<AvgPrice> AVG_PRICE = new MarketQuery<>("market.avgPrice", AvgPrice.class,
      (reader, symbol, params) -> reader.avgPrice(symbol, params.requiredLong(NOW)));

  /** Fan-out: an account's active alerts on each instance; parameter {@code accountId}. */
  public static final StoreQuery<AlertList> ALERTS = new MarketQuery<>("market.alerts", AlertList.class,
      (reader, key, params) -> reader.alerts(params.requiredLong(ACCOUNT_ID)));

  private MarketQueries() {}

  /** Every market query, for {@link castle.iq.CastleQueries}. */
  public static List<StoreQuery<?>> all() {
    return List.of(SYMBOL, MATCHING_DEPTH, DEPTH, TRADES, AGG_TRADES, KLINES, TICKER, TICKERS, AVG_PRICE, ALERTS);
  }

  /** Query parameters from name-value pairs; pairs with a null value are left out. */
  public static Map<String, String> params(Object... nameValuePairs) {
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      if (nameValuePairs[i + 1] != null) {
        params.put((String) nameValuePairs[i], String.valueOf(nameValuePairs[i + 1]));
      }
    }
    return params;
  }
}
