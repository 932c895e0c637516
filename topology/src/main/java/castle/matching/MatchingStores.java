package castle.matching;

/**
 * Names of matching's state stores. The two changelogged stores hold the whole matching state;
 * {@link #DEPTH} is an in-memory view for interactive queries, rebuilt from them on start.
 */
public final class MatchingStores {

  /** Symbol to {@code SymbolBook}: configuration, sequences and last price. Changelogged RocksDB. */
  public static final String SYMBOLS = "matching-symbols";

  /** Symbol and order id to {@code BookOrder}: resting and stop orders. Changelogged RocksDB. */
  public static final String ORDERS = "matching-orders";

  /** Symbol to its aggregated depth and lastUpdateId, for {@link castle.matching.query.DepthQuery}. */
  public static final String DEPTH = "matching-depth";

  private MatchingStores() {}
}
