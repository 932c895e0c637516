package castle.accounts.query;

import castle.accounts.store.AccountStores;
import castle.accounts.store.StoreKeys;
import castle.schema.accounts.AccountRecord;
import castle.schema.accounts.AccountTrade;
import castle.schema.accounts.Balance;
import castle.schema.accounts.ClientOrderRef;
import castle.schema.accounts.DepositRecord;
import castle.schema.accounts.OrderState;
import castle.schema.accounts.Withdrawal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * What the gateway reads from accounts' stores through interactive queries: balances, orders (open
 * and final), trades, deposits and withdrawals of one account. Every read is a point lookup or a
 * range scan within the account's keys ({@link StoreKeys}); nothing scans a whole store.
 *
 * <p>An instance reads the stores of one KafkaStreams instance, so the caller must ask the instance
 * that hosts the account: {@code streams.queryMetadataForKey(AccountStores.BALANCES,
 * Keys.account(accountId), Serdes.String().serializer())} names it.
 */
public final class AccountQueries {

  private final Function<String, ReadOnlyKeyValueStore<String, ?>> stores;

  /** Queries over stores looked up by name (a TopologyTestDriver's, or any other source). */
  public AccountQueries(Function<String, ReadOnlyKeyValueStore<String, ?>> stores) {
    this.stores = stores;
  }

  /** Queries over the stores of every partition this KafkaStreams instance hosts. */
  public static AccountQueries of(KafkaStreams streams) {
    return new AccountQueries(name ->
        streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, Object>keyValueStore())));
  }

  /** The account's profile as accounts enforces it (KYC, fee tier), if the account was ever seen. */
  public Optional<AccountRecord> account(long accountId) {
    return Optional.ofNullable(this.<AccountRecord>store(AccountStores.PROFILES).get(StoreKeys.account(accountId)));
  }

  /** Every asset the account ever held, by asset name. */
  public List<Balance> balances(long accountId) {
    return all(AccountStores.BALANCES, StoreKeys.accountPrefix(accountId));
  }

  /** One asset's balance, if the account ever held it. */
  public Optional<Balance> balance(long accountId, String asset) {
    return Optional.ofNullable(this.<Balance>store(AccountStores.BALANCES).get(StoreKeys.balance(accountId, asset)));
  }

  /** An order by its id, open or final (GET /api/v3/order with orderId). */
  public Optional<OrderState> order(long accountId, String symbol, long orderId) {
    if (orderId <= 0) {
      return Optional.empty();
    }
    String key = StoreKeys.order(accountId, symbol, orderId);
    OrderState open = this.<OrderState>store(AccountStores.OPEN_ORDERS).get(key);
    return open != null
        ? Optional.of(open)
        : Optional.ofNullable(this.<OrderState>store(AccountStores.ORDER_HISTORY).get(key));
  }

  /** The latest order placed with this clientOrderId on the symbol (GET /api/v3/order with origClientOrderId). */
  public Optional<OrderState> orderByClientOrderId(long accountId, String symbol, String clientOrderId) {
    ClientOrderRef ref = this.<ClientOrderRef>store(AccountStores.CLIENT_ORDER_IDS)
        .get(StoreKeys.clientOrderId(accountId, clientOrderId));
    if (ref == null || !ref.getSymbol().equals(symbol)) {
      return Optional.empty();
    }
    return order(accountId, symbol, ref.getOrderId());
  }

  /** Every open order of the account, by symbol then orderId (GET /api/v3/openOrders). */
  public List<OrderState> openOrders(long accountId) {
    return all(AccountStores.OPEN_ORDERS, StoreKeys.accountPrefix(accountId));
  }

  /** The account's open orders on one symbol, by orderId. */
  public List<OrderState> openOrders(long accountId, String symbol) {
    return all(AccountStores.OPEN_ORDERS, StoreKeys.symbolPrefix(accountId, symbol));
  }

  /** Open and final orders of one symbol (GET /api/v3/allOrders; {@code fromId} is the orderId). */
  public List<OrderState> allOrders(long accountId, String symbol, Page page) {
    String prefix = StoreKeys.symbolPrefix(accountId, symbol);
    String from = page.fromId().isPresent() ? StoreKeys.order(accountId, symbol, page.fromId().getAsLong()) : prefix;
    return SortedScan.collect(
        List.of(store(AccountStores.OPEN_ORDERS), store(AccountStores.ORDER_HISTORY)),
        from, StoreKeys.endOf(prefix), page.newestFirst(), o -> page.includes(o.getTime()), page.limit());
  }

  /**
   * The account's trades on one symbol (GET /api/v3/myTrades; {@code fromId} is the tradeId), only
   * those of {@code orderId} if given. A self-trade appears twice, once per side.
   */
  public List<AccountTrade> trades(long accountId, String symbol, OptionalLong orderId, Page page) {
    String prefix = StoreKeys.symbolPrefix(accountId, symbol);
    long fromId = page.fromId().orElse(0);
    String to = StoreKeys.endOf(prefix);
    if (orderId.isPresent()) {
      // An order's fills lie between its first and last trade ids: scan only those.
      Optional<OrderState> order = order(accountId, symbol, orderId.getAsLong());
      if (order.isEmpty() || order.get().getFirstTradeId() < 0) {
        return List.of();
      }
      fromId = Math.max(fromId, order.get().getFirstTradeId());
      to = StoreKeys.endOf(StoreKeys.tradeFrom(accountId, symbol, order.get().getLastTradeId()));
    }
    long wantedOrder = orderId.orElse(-1);
    return SortedScan.collect(
        List.of(store(AccountStores.TRADES)), StoreKeys.tradeFrom(accountId, symbol, fromId), to, page.newestFirst(),
        t -> page.includes(t.getTime()) && (wantedOrder < 0 || t.getOrderId() == wantedOrder), page.limit());
  }

  /** Every credited deposit of the account, by depositId. */
  public List<DepositRecord> deposits(long accountId) {
    return all(AccountStores.DEPOSITS, StoreKeys.accountPrefix(accountId));
  }

  /** Every withdrawal of the account, by withdrawalId. */
  public List<Withdrawal> withdrawals(long accountId) {
    return all(AccountStores.WITHDRAWALS, StoreKeys.accountPrefix(accountId));
  }

  /** One withdrawal, if known. */
  public Optional<Withdrawal> withdrawal(long accountId, String withdrawalId) {
    return Optional.ofNullable(
        this.<Withdrawal>store(AccountStores.WITHDRAWALS).get(StoreKeys.walletReference(accountId, withdrawalId)));
  }

  private <V> List<V> all(String storeName, String prefix) {
    return SortedScan.collect(List.of(store(storeName)), prefix, StoreKeys.endOf(prefix), false, v -> true,
        Integer.MAX_VALUE);
  }

  @SuppressWarnings("unchecked")
  private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
    return (ReadOnlyKeyValueStore<String, V>) stores.apply(name);
  }
}
