package castle.market.store;

import castle.schema.alerts.AlertState;
import castle.schema.market.Candle;
import castle.schema.market.OpenCandles;
import castle.schema.market.PublicTrade;
import castle.schema.market.TickerState;
import castle.schema.reference.SymbolConfig;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Read access to the market app's stores, the same for the processor (its own task's stores), for
 * interactive queries (all tasks of a KafkaStreams instance) and for TopologyTestDriver tests, so
 * that every reader runs the same code against all three.
 */
public interface MarketView {

  /** The named store, read-only. */
  <K, V> ReadOnlyKeyValueStore<K, V> store(String name);

  /** The stores of a running KafkaStreams instance, over every task it runs actively. */
  static MarketView of(KafkaStreams streams) {
    return new MarketView() {
      @Override
      public <K, V> ReadOnlyKeyValueStore<K, V> store(String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<K, V>keyValueStore()));
      }
    };
  }

  /** Symbol configurations. */
  default ReadOnlyKeyValueStore<String, SymbolConfig> symbols() {
    return store(MarketStores.SYMBOLS);
  }

  /** Rolling tickers by symbol. */
  default ReadOnlyKeyValueStore<String, TickerState> tickers() {
    return store(MarketStores.TICKERS);
  }

  /** Open candles by symbol. */
  default ReadOnlyKeyValueStore<String, OpenCandles> openCandles() {
    return store(MarketStores.OPEN_CANDLES);
  }

  /** Final candles. */
  default ReadOnlyKeyValueStore<Bytes, Candle> candles() {
    return store(MarketStores.CANDLES);
  }

  /** Recent trades. */
  default ReadOnlyKeyValueStore<Bytes, PublicTrade> trades() {
    return store(MarketStores.TRADES);
  }

  /** Price levels. */
  default ReadOnlyKeyValueStore<Bytes, Long> book() {
    return store(MarketStores.BOOK);
  }

  /** Active alerts. */
  default ReadOnlyKeyValueStore<Bytes, AlertState> alerts() {
    return store(MarketStores.ALERTS);
  }

  /** Alert keys by account. */
  default ReadOnlyKeyValueStore<Bytes, Bytes> alertsByAccount() {
    return store(MarketStores.ALERTS_BY_ACCOUNT);
  }
}
