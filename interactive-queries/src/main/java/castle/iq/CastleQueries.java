package castle.iq;

import java.util.ArrayList;
import java.util.List;

/** Every store query Castle answers; each instance registers all of them. */
public final class CastleQueries {

  private CastleQueries() {}

  /** All queries, for the internal routes' registry. */
  public static List<StoreQuery<?>> all() {
    List<StoreQuery<?>> queries = new ArrayList<>();
    queries.addAll(castle.iq.market.MarketQueries.all());
    return queries;
  }

  /** A registry of {@link #all()}. */
  public static QueryRegistry registry() {
    return new QueryRegistry(all());
  }
}
