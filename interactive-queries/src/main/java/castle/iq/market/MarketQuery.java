package castle.iq.market;

import castle.iq.StoreQuery;
import castle.market.read.MarketReader;
import castle.market.store.MarketStores;
import castle.market.store.MarketView;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;

/**
 * A read of the market app's stores through {@link MarketReader}. Every market store is keyed by
 * symbol and lives in the same task, so any of them gives the owner of a symbol; the ticker store
 * is used.
 *
 * @param name the query's name
 * @param resultType the result class
 * @param read what it reads, given the reader, the key (null for a fan-out) and the parameters
 * @param <R> the result type
 */
record MarketQuery<R>(String name, Class<R> resultType, Read<R> read) implements StoreQuery<R> {

  /** The market app's name, as its {@code StreamsApp} has it. */
  static final String APPLICATION = "market";

  /** One read against a reader. */
  @FunctionalInterface
  interface Read<R> {
    R apply(MarketReader reader, String key, QueryParams params);
  }

  @Override
  public String application() {
    return APPLICATION;
  }

  @Override
  public String store() {
    return MarketStores.TICKERS;
  }

  @Override
  public R run(KafkaStreams streams, String key, Map<String, String> params) {
    return read.apply(new MarketReader(MarketView.of(streams)), key, new QueryParams(params));
  }
}
