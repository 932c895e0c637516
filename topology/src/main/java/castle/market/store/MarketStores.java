package castle.market.store;

import castle.market.candles.Interval;
import castle.schema.alerts.AlertCondition;
import castle.schema.alerts.AlertState;
import castle.schema.market.Candle;
import castle.schema.market.OpenCandles;
import castle.schema.market.PublicTrade;
import castle.schema.market.TickerState;
import castle.schema.reference.SymbolConfig;
import castle.serde.AvroSerde;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The market app's state stores, their key layouts and builders. Every store is changelogged, so a
 * task's state moves with it on a rebalance. The stores written on every trade or depth update
 * cache their writes, so the changelog gets one record per key per commit instead of one per event.
 */
public final class MarketStores {

  /** Symbol → its configuration, from the {@code symbols} topic. */
  public static final String SYMBOLS = "market-symbols";
  /** Symbol → the rolling 24-hour ticker, the last trade and the top of the book. */
  public static final String TICKERS = "market-tickers";
  /** Symbol → the candles of every interval that are not final yet. */
  public static final String OPEN_CANDLES = "market-open-candles";
  /** (symbol, interval, openTime) → a final candle. */
  public static final String CANDLES = "market-candles";
  /** (symbol, tradeId) → one of the symbol's recent trades. */
  public static final String TRADES = "market-trades";
  /** (symbol, side, price) → the quantity resting at that price. */
  public static final String BOOK = "market-book";
  /** (symbol, condition, threshold, alertId) → an active price alert. */
  public static final String ALERTS = "market-alerts";
  /** (accountId, symbol, alertId) → the alert's key in {@link #ALERTS}. */
  public static final String ALERTS_BY_ACCOUNT = "market-alerts-by-account";

  private static final byte BIDS = 0;
  private static final byte ASKS = 1;

  private MarketStores() {}

  /** Builders of every store, for the topology. */
  public static List<StoreBuilder<?>> builders() {
    return List.of(
        store(SYMBOLS, Serdes.String(), AvroSerde.of(SymbolConfig.class), false),
        store(TICKERS, Serdes.String(), AvroSerde.of(TickerState.class), true),
        store(OPEN_CANDLES, Serdes.String(), AvroSerde.of(OpenCandles.class), true),
        store(CANDLES, Serdes.Bytes(), AvroSerde.of(Candle.class), false),
        store(TRADES, Serdes.Bytes(), AvroSerde.of(PublicTrade.class), false),
        store(BOOK, Serdes.Bytes(), Serdes.Long(), true),
        store(ALERTS, Serdes.Bytes(), AvroSerde.of(AlertState.class), false),
        store(ALERTS_BY_ACCOUNT, Serdes.Bytes(), Serdes.Bytes(), false));
  }

  private static <K, V> StoreBuilder<KeyValueStore<K, V>> store(
      String name, org.apache.kafka.common.serialization.Serde<K> keys,
      org.apache.kafka.common.serialization.Serde<V> values, boolean cached) {
    StoreBuilder<KeyValueStore<K, V>> builder =
        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), keys, values);
    return cached ? builder.withCachingEnabled() : builder.withCachingDisabled();
  }

  /** Key of a final candle in {@link #CANDLES}. */
  public static Bytes candleKey(String symbol, Interval interval, long openTime) {
    return StoreKey.symbol(symbol).add(interval.id()).add(openTime).build();
  }

  /** Key of a trade in {@link #TRADES}. */
  public static Bytes tradeKey(String symbol, long tradeId) {
    return StoreKey.symbol(symbol).add(tradeId).build();
  }

  /** Prefix of one side of a symbol's book: bids sort best (highest) first, asks best (lowest) first. */
  public static Bytes bookSide(String symbol, boolean bids) {
    return StoreKey.symbol(symbol).add(bids ? BIDS : ASKS).build();
  }

  /** Key of one price level in {@link #BOOK}. */
  public static Bytes levelKey(String symbol, boolean bids, long price) {
    return StoreKey.symbol(symbol).add(bids ? BIDS : ASKS).add(bids ? Long.MAX_VALUE - price : price).build();
  }

  /** Key of an alert in {@link #ALERTS}: thresholds sort within a symbol and condition. */
  public static Bytes alertKey(String symbol, AlertCondition condition, long threshold, long alertId) {
    return StoreKey.symbol(symbol).add((byte) condition.ordinal()).add(threshold).add(alertId).build();
  }

  /** The first possible alert key of a symbol and condition at {@code threshold}. */
  public static Bytes alertThreshold(String symbol, AlertCondition condition, long threshold) {
    return StoreKey.symbol(symbol).add((byte) condition.ordinal()).add(threshold).build();
  }

  /** The prefix of every alert of a symbol and condition. */
  public static Bytes alertPrefix(String symbol, AlertCondition condition) {
    return StoreKey.symbol(symbol).add((byte) condition.ordinal()).build();
  }

  /** Key of an alert in {@link #ALERTS_BY_ACCOUNT}. */
  public static Bytes accountAlertKey(long accountId, String symbol, long alertId) {
    return StoreKey.number(accountId).text(symbol).add(alertId).build();
  }

  /** The prefix of every alert of an account in {@link #ALERTS_BY_ACCOUNT}. */
  public static Bytes accountAlertPrefix(long accountId) {
    return StoreKey.number(accountId).build();
  }

  /** The price of a level key. */
  public static long levelPrice(Bytes key, boolean bids) {
    long stored = StoreKey.lastLong(key);
    return bids ? Long.MAX_VALUE - stored : stored;
  }
}
