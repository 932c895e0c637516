package castle.gateway.market;

import castle.iq.StoreQueries;
import castle.iq.market.MarketQueries;
import castle.market.read.MarketReads.DepthSnapshot;

/**
 * Where depth snapshots come from, for {@code GET /api/v3/depth} and the partial-book streams. The
 * snapshot's {@code lastUpdateId} must be on the same sequence as {@code market.depth}'s updateIds,
 * which both matching's book and the market app's book are. Matching's own store is the freshest
 * source and the one the gateway uses; the market app's copy, rebuilt from {@code market.depth},
 * serves where matching does not run (the market-data tests).
 */
@FunctionalInterface
public interface DepthSource {

  /**
   * Up to {@code limit} levels per side, best first.
   *
   * @throws castle.iq.StoreUnavailableException while the owning state is moving
   */
  DepthSnapshot snapshot(String symbol, int limit);

  /** Snapshots from matching's book through interactive queries. */
  static DepthSource matchingBook(StoreQueries queries) {
    return (symbol, limit) ->
        queries.byKey(MarketQueries.MATCHING_DEPTH, symbol, MarketQueries.params(MarketQueries.LIMIT, limit));
  }

  /** Snapshots from the market app's copy of the book through interactive queries. */
  static DepthSource marketBook(StoreQueries queries) {
    return (symbol, limit) -> queries.byKey(MarketQueries.DEPTH, symbol, MarketQueries.params(MarketQueries.LIMIT, limit));
  }
}
