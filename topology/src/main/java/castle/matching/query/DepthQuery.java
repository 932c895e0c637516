package castle.matching.query;

import castle.matching.MatchingStores;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;

/**
 * Reads a symbol's order book depth from the running matching app, for REST {@code /api/v3/depth}
 * (any limit up to {@link #MAX_LIMIT}) and the book ticker (limit 1).
 *
 * <p>Only the instance that owns the symbol's partition has its book: in a multi-instance
 * deployment, find it with {@link #owner} and forward the request there. While the app rebalances
 * or restores, {@link KafkaStreams#store} throws
 * {@link org.apache.kafka.streams.errors.InvalidStateStoreException}: answer "try again".
 */
public final class DepthQuery {

  /** The largest depth REST serves. */
  public static final int MAX_LIMIT = 5000;

  private DepthQuery() {}

  /**
   * The top {@code limit} (1..{@link #MAX_LIMIT}) levels of each side with their lastUpdateId, or
   * empty when no local task holds the symbol.
   */
  public static Optional<DepthSnapshot> depth(KafkaStreams streams, String symbol, int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", was " + limit);
    }
    ReadOnlyDepthStore store = streams.store(
        StoreQueryParameters.fromNameAndType(MatchingStores.DEPTH, DepthStoreType.INSTANCE));
    return store.snapshot(symbol, limit);
  }

  /** The best bid and ask with their quantities (each side has at most one level). */
  public static Optional<DepthSnapshot> bookTicker(KafkaStreams streams, String symbol) {
    return depth(streams, symbol, 1);
  }

  /** Which instance hosts the symbol's book, for routing a query to it. */
  public static KeyQueryMetadata owner(KafkaStreams streams, String symbol) {
    return streams.queryMetadataForKey(MatchingStores.DEPTH, symbol, Serdes.String().serializer());
  }
}
