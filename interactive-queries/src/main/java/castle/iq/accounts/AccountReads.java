package castle.iq.accounts;

import castle.accounts.config.AccountsConfig;
import castle.accounts.query.Page;
import castle.iq.StoreQueries;
import castle.iq.StoreQuery;
import castle.topics.Keys;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the gateway reads of one account, wherever its state lives: each read is a store query sent
 * through {@link StoreQueries} to the instance that owns the account. Only the caller's own account
 * id is ever passed in, so no read can reach another account's data.
 */
public final class AccountReads {

  private static final AccountQuery ACCOUNT = new AccountQuery(AccountsConfig.deployed());
  private static final OrderQuery ORDER = new OrderQuery();
  private static final OpenOrdersQuery OPEN_ORDERS = new OpenOrdersQuery();
  private static final AllOrdersQuery ALL_ORDERS = new AllOrdersQuery();
  private static final TradesQuery TRADES = new TradesQuery();

  private final StoreQueries queries;

  /** Reads through {@code queries}. */
  public AccountReads(StoreQueries queries) {
    this.queries = queries;
  }

  /** Every account query, for the registry each instance serves. */
  public static List<StoreQuery<?>> all() {
    return List.of(ACCOUNT, ORDER, OPEN_ORDERS, ALL_ORDERS, TRADES);
  }

  /** The account's balances, permission and rates. */
  public AccountView account(long accountId) {
    return queries.byKey(ACCOUNT, Keys.account(accountId), Map.of());
  }

  /** One order by its id. */
  public Optional<OrderView> order(long accountId, String symbol, long orderId) {
    return first(queries.byKey(ORDER, Keys.account(accountId),
        Map.of(QueryParams.SYMBOL, symbol, QueryParams.ORDER_ID, Long.toString(orderId))));
  }

  /** The latest order placed with a client id on the symbol. */
  public Optional<OrderView> orderByClientOrderId(long accountId, String symbol, String clientOrderId) {
    return first(queries.byKey(ORDER, Keys.account(accountId),
        Map.of(QueryParams.SYMBOL, symbol, QueryParams.CLIENT_ORDER_ID, clientOrderId)));
  }

  /** Open orders, on one symbol or (empty) all. */
  public List<OrderView> openOrders(long accountId, Optional<String> symbol) {
    Map<String, String> params = symbol.map(s -> Map.of(QueryParams.SYMBOL, s)).orElse(Map.of());
    return queries.byKey(OPEN_ORDERS, Keys.account(accountId), params).orders();
  }

  /** A page of the symbol's orders, open and final. */
  public List<OrderView> allOrders(long accountId, String symbol, Page page) {
    Map<String, String> params = new HashMap<>(QueryParams.of(page));
    params.put(QueryParams.SYMBOL, symbol);
    return queries.byKey(ALL_ORDERS, Keys.account(accountId), params).orders();
  }

  /** A page of the symbol's trades, only those of {@code orderId} if given. */
  public List<TradeView> trades(long accountId, String symbol, OptionalLong orderId, Page page) {
    Map<String, String> params = new HashMap<>(QueryParams.of(page));
    params.put(QueryParams.SYMBOL, symbol);
    orderId.ifPresent(id -> params.put(QueryParams.ORDER_ID, Long.toString(id)));
    return queries.byKey(TRADES, Keys.account(accountId), params).trades();
  }

  private static Optional<OrderView> first(OrderList list) {
    return list.orders().stream().findFirst();
  }
}
