package castle.iq;

import castle.iq.accounts.AccountReads;
import castle.iq.market.MarketQueries;
import castle.iq.users.UserCredentialsQuery;
import castle.iq.users.UserProfileQuery;
import java.util.ArrayList;
import java.util.List;

/** Every store query Castle answers; each instance registers all of them. */
public final class CastleQueries {

  private CastleQueries() {}

  /** All queries, for the internal routes' registry. */
  public static List<StoreQuery<?>> all() {
    List<StoreQuery<?>> queries = new ArrayList<>();
    // users
    queries.add(new UserProfileQuery());
    queries.add(new UserCredentialsQuery());
    // accounts (balances, orders, trades for /api/v3)
    queries.addAll(AccountReads.all());
    // market data (candles, tickers, trades, book, alerts)
    queries.addAll(MarketQueries.all());
    return queries;
  }

  /** A registry of {@link #all()}. */
  public static QueryRegistry registry() {
    return new QueryRegistry(all());
  }
}
