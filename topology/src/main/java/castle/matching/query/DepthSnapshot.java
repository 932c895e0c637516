package castle.matching.query;

import java.util.List;

/**
 * A consistent view of one symbol's book: the top aggregated levels of each side, best first, and
 * the {@code lastUpdateId} of the last depth update they include. It is what REST
 * {@code /api/v3/depth} returns: a client applies market.depth updates with a higher updateId on top.
 *
 * @param symbol the symbol
 * @param lastUpdateId the last DepthUpdate.updateId applied; 0 before the first
 * @param baseScale scale of the quantities
 * @param quoteScale scale of the prices
 * @param bids bid levels, highest price first
 * @param asks ask levels, lowest price first
 */
public record DepthSnapshot(
    String symbol, long lastUpdateId, int baseScale, int quoteScale, List<Level> bids, List<Level> asks) {

  /** The total quantity resting at one price. */
  public record Level(long price, long qty) {}
}
