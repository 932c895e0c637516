package castle.gateway.market;

import castle.gateway.api.ApiException;
import castle.iq.StoreQueries;
import castle.iq.StoreQuery;
import castle.iq.StoreUnavailableException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The market endpoints' access to Streams state: every read goes through {@link StoreQueries}, and
 * state that is moving (a rebalance, a restore) becomes a 503 in the contract's format, never a
 * wrong or empty answer.
 */
final class MarketStore {

  private final StoreQueries queries;

  MarketStore(StoreQueries queries) {
    this.queries = queries;
  }

  <R> R byKey(StoreQuery<R> query, String key, Map<String, String> params) {
    return available(() -> queries.byKey(query, key, params));
  }

  <R> List<R> fromAll(StoreQuery<R> query, Map<String, String> params) {
    return available(() -> queries.fromAll(query, params));
  }

  /** Runs a read, turning unavailable state into {@link ApiException#backendUnavailable()}. */
  static <R> R available(Supplier<R> read) {
    try {
      return read.get();
    } catch (StoreUnavailableException e) {
      throw ApiException.backendUnavailable();
    }
  }
}
