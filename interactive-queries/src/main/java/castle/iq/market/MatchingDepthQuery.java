package castle.iq.market;

import castle.iq.StoreQuery;
import castle.market.book.DepthBook.Level;
import castle.market.read.MarketReads.DepthSnapshot;
import castle.market.read.MarketReads.SymbolInfo;
import castle.matching.MatchingStores;
import castle.matching.query.DepthQuery;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The depth snapshot from matching's own book, the freshest there is: {@code /api/v3/depth} and the
 * partial-book streams read it. Its {@code lastUpdateId} is on market.depth's updateId sequence, so
 * clients continue it with the diff streams. A symbol matching has no configuration for is unknown.
 */
final class MatchingDepthQuery implements StoreQuery<DepthSnapshot> {

  @Override
  public String name() {
    return "matching.depth";
  }

  @Override
  public String application() {
    return "matching";
  }

  @Override
  public String store() {
    return MatchingStores.DEPTH;
  }

  @Override
  public Class<DepthSnapshot> resultType() {
    return DepthSnapshot.class;
  }

  @Override
  public DepthSnapshot run(KafkaStreams streams, String symbol, Map<String, String> params) {
    int limit = new QueryParams(params).requiredInt(MarketQueries.LIMIT);
    return DepthQuery.depth(streams, symbol, limit)
        .map(depth -> new DepthSnapshot(new SymbolInfo(symbol, true, depth.baseScale(), depth.quoteScale()),
            depth.lastUpdateId(), levels(depth.bids()), levels(depth.asks())))
        .orElseGet(() -> new DepthSnapshot(new SymbolInfo(symbol, false, 0, 0), 0, List.of(), List.of()));
  }

  private static List<Level> levels(List<castle.matching.query.DepthSnapshot.Level> levels) {
    return levels.stream().map(level -> new Level(level.price(), level.qty())).toList();
  }
}
