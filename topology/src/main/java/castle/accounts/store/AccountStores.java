package castle.accounts.store;

import castle.schema.accounts.AccountRecord;
import castle.schema.accounts.AccountTrade;
import castle.schema.accounts.Balance;
import castle.schema.accounts.ClientOrderRef;
import castle.schema.accounts.DepositRecord;
import castle.schema.accounts.OrderState;
import castle.schema.accounts.Withdrawal;
import castle.schema.accounts.WithdrawalUsage;
import castle.schema.reference.SymbolConfig;
import castle.schema.users.KycStatus;
import castle.schema.users.Role;
import castle.serde.AvroSerde;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The state of the accounts app: the names and key layout of its stores, which the gateway reads
 * through interactive queries, and typed access for the processors that write them.
 *
 * <p>Every store is keyed by a string that starts with the account id (see {@link StoreKeys}), so
 * one partition's task owns all of an account's entries and every per-account read is a prefix or
 * range scan. Values are Avro records from {@code castle.schema.accounts}.
 */
public final class AccountStores {

  /** {@code account} → {@link AccountRecord}: profile, ledger sequence, open-order counts. */
  public static final String PROFILES = "accounts-profiles";

  /** {@code account/asset} → {@link Balance}. */
  public static final String BALANCES = "accounts-balances";

  /** {@code account/symbol/orderId} → {@link OrderState} of orders not yet final. */
  public static final String OPEN_ORDERS = "accounts-open-orders";

  /** {@code account/symbol/orderId} → {@link OrderState} of FILLED, CANCELED, EXPIRED, REJECTED orders. */
  public static final String ORDER_HISTORY = "accounts-order-history";

  /** {@code account/clientOrderId} → {@link ClientOrderRef}: the latest order placed with that id. */
  public static final String CLIENT_ORDER_IDS = "accounts-client-order-ids";

  /** {@code account/symbol/tradeId/B|S} → {@link AccountTrade}. */
  public static final String TRADES = "accounts-trades";

  /** {@code account/depositId} → {@link DepositRecord}. */
  public static final String DEPOSITS = "accounts-deposits";

  /** {@code account/withdrawalId} → {@link Withdrawal}. */
  public static final String WITHDRAWALS = "accounts-withdrawals";

  /** {@code account/asset} → {@link WithdrawalUsage} of the current UTC day. */
  public static final String WITHDRAWAL_USAGE = "accounts-withdrawal-usage";

  /** Global store {@code symbol} → {@link SymbolConfig}, read from the symbols topic. */
  public static final String SYMBOLS = "accounts-symbols";

  private static final Map<String, Class<? extends SpecificRecord>> ACCOUNT_STORES = Map.of(
      PROFILES, AccountRecord.class,
      BALANCES, Balance.class,
      OPEN_ORDERS, OrderState.class,
      ORDER_HISTORY, OrderState.class,
      CLIENT_ORDER_IDS, ClientOrderRef.class,
      TRADES, AccountTrade.class,
      DEPOSITS, DepositRecord.class,
      WITHDRAWALS, Withdrawal.class,
      WITHDRAWAL_USAGE, WithdrawalUsage.class);

  private final KeyValueStore<String, AccountRecord> profiles;
  private final KeyValueStore<String, Balance> balances;
  private final KeyValueStore<String, OrderState> openOrders;
  private final KeyValueStore<String, OrderState> orderHistory;
  private final KeyValueStore<String, ClientOrderRef> clientOrderIds;
  private final KeyValueStore<String, AccountTrade> trades;
  private final KeyValueStore<String, DepositRecord> deposits;
  private final KeyValueStore<String, Withdrawal> withdrawals;
  private final KeyValueStore<String, WithdrawalUsage> withdrawalUsage;
  private final ReadOnlyKeyValueStore<String, SymbolConfig> symbols;

  private AccountStores(ProcessorContext<?, ?> context) {
    profiles = context.getStateStore(PROFILES);
    balances = context.getStateStore(BALANCES);
    openOrders = context.getStateStore(OPEN_ORDERS);
    orderHistory = context.getStateStore(ORDER_HISTORY);
    clientOrderIds = context.getStateStore(CLIENT_ORDER_IDS);
    trades = context.getStateStore(TRADES);
    deposits = context.getStateStore(DEPOSITS);
    withdrawals = context.getStateStore(WITHDRAWALS);
    withdrawalUsage = context.getStateStore(WITHDRAWAL_USAGE);
    symbols = context.getStateStore(SYMBOLS);
  }

  /** The stores a processor was connected to. */
  public static AccountStores from(ProcessorContext<?, ?> context) {
    return new AccountStores(context);
  }

  /** Builders of the account-keyed stores: persistent, changelogged, cached. */
  public static List<StoreBuilder<?>> builders() {
    List<StoreBuilder<?>> builders = new ArrayList<>();
    for (String name : ACCOUNT_STORES.keySet().stream().sorted().toList()) {
      // The record cache folds the many writes one fill makes to an account's record and balances
      // (one per ledger entry) into one changelog record per commit interval. It is flushed at every
      // commit, so exactly-once is unaffected, and interactive queries read through it.
      builders.add(builder(name, ACCOUNT_STORES.get(name)).withCachingEnabled());
    }
    return builders;
  }

  /** The global symbols store: restored from the symbols topic itself, so it has no changelog. */
  public static StoreBuilder<KeyValueStore<String, SymbolConfig>> symbolsBuilder() {
    return builder(SYMBOLS, SymbolConfig.class).withLoggingDisabled().withCachingDisabled();
  }

  private static <V extends SpecificRecord> StoreBuilder<KeyValueStore<String, V>> builder(String name, Class<V> type) {
    return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), AvroSerde.of(type));
  }

  /** The account's record, or null if the account was never seen. */
  public AccountRecord account(long accountId) {
    return profiles.get(StoreKeys.account(accountId));
  }

  /** The account's record, created empty (unregistered, KYC NONE, tiers 0) if never seen. */
  public AccountRecord accountOrNew(long accountId, long time) {
    AccountRecord account = account(accountId);
    if (account != null) {
      return account;
    }
    return AccountRecord.newBuilder()
        .setAccountId(accountId)
        .setRegistered(false)
        .setKycStatus(KycStatus.NONE)
        .setKycTier(0)
        .setFeeTier(0)
        .setRole(Role.USER)
        .setLastLedgerEntryId(0)
        .setUpdatedAt(time)
        .build();
  }

  /** Stores the account's record. */
  public void put(AccountRecord account) {
    profiles.put(StoreKeys.account(account.getAccountId()), account);
  }

  /** Adds {@code delta} to the account's count of open orders on {@code symbol}. */
  public void countOpenOrders(long accountId, String symbol, int delta, long time) {
    AccountRecord account = accountOrNew(accountId, time);
    Map<String, Integer> counts = new HashMap<>(account.getOpenOrdersBySymbol());
    int count = counts.getOrDefault(symbol, 0) + delta;
    if (count < 0) {
      throw new IllegalStateException("Account " + accountId + " would have " + count + " open orders on " + symbol);
    }
    if (count == 0) {
      counts.remove(symbol);
    } else {
      counts.put(symbol, count);
    }
    account.setOpenOrdersBySymbol(counts);
    account.setUpdatedAt(time);
    put(account);
  }

  /** The balance of one asset, or null if the account never held it. */
  public Balance balance(long accountId, String asset) {
    return balances.get(StoreKeys.balance(accountId, asset));
  }

  /** Stores a balance. */
  public void put(Balance balance) {
    balances.put(StoreKeys.balance(balance.getAccountId(), balance.getAsset()), balance);
  }

  /** An open order, or null. */
  public OrderState openOrder(long accountId, String symbol, long orderId) {
    return openOrders.get(StoreKeys.order(accountId, symbol, orderId));
  }

  /** A final order, or null. */
  public OrderState historicOrder(long accountId, String symbol, long orderId) {
    return orderHistory.get(StoreKeys.order(accountId, symbol, orderId));
  }

  /** Stores an order that is still open. */
  public void putOpen(OrderState order) {
    openOrders.put(key(order), order);
  }

  /** Moves an order that became final from the open orders to the history. */
  public void moveToHistory(OrderState order) {
    openOrders.delete(key(order));
    orderHistory.put(key(order), order);
  }

  /** The latest order placed with this clientOrderId, or null. */
  public ClientOrderRef clientOrder(long accountId, String clientOrderId) {
    return clientOrderIds.get(StoreKeys.clientOrderId(accountId, clientOrderId));
  }

  /** Records that {@code clientOrderId} now names this order. */
  public void putClientOrder(long accountId, String clientOrderId, ClientOrderRef ref) {
    clientOrderIds.put(StoreKeys.clientOrderId(accountId, clientOrderId), ref);
  }

  /** Records one side of a fill. */
  public void put(AccountTrade trade) {
    trades.put(StoreKeys.trade(trade.getAccountId(), trade.getSymbol(), trade.getTradeId(), trade.getIsBuyer()), trade);
  }

  /** A credited deposit, or null. */
  public DepositRecord deposit(long accountId, String depositId) {
    return deposits.get(StoreKeys.walletReference(accountId, depositId));
  }

  /** Records a credited deposit. */
  public void put(DepositRecord deposit) {
    deposits.put(StoreKeys.walletReference(deposit.getAccountId(), deposit.getDepositId()), deposit);
  }

  /** A withdrawal, or null. */
  public Withdrawal withdrawal(long accountId, String withdrawalId) {
    return withdrawals.get(StoreKeys.walletReference(accountId, withdrawalId));
  }

  /** Stores a withdrawal. */
  public void put(Withdrawal withdrawal) {
    withdrawals.put(StoreKeys.walletReference(withdrawal.getAccountId(), withdrawal.getWithdrawalId()), withdrawal);
  }

  /** What the account withdrew of {@code asset} on its last day with a withdrawal, or null. */
  public WithdrawalUsage withdrawalUsage(long accountId, String asset) {
    return withdrawalUsage.get(StoreKeys.balance(accountId, asset));
  }

  /** Stores the day's withdrawal usage of one asset. */
  public void putWithdrawalUsage(long accountId, String asset, WithdrawalUsage usage) {
    withdrawalUsage.put(StoreKeys.balance(accountId, asset), usage);
  }

  /** A symbol's configuration, or null if unknown. */
  public SymbolConfig symbol(String symbol) {
    return symbols.get(symbol);
  }

  /** The scale the symbols give {@code asset}, or -1 if no symbol trades it. */
  public int symbolScaleOf(String asset) {
    try (KeyValueIterator<String, SymbolConfig> all = symbols.all()) {
      while (all.hasNext()) {
        SymbolConfig s = all.next().value;
        if (s.getBaseAsset().equals(asset)) {
          return s.getBaseScale();
        }
        if (s.getQuoteAsset().equals(asset)) {
          return s.getQuoteScale();
        }
      }
    }
    return -1;
  }

  private static String key(OrderState order) {
    return StoreKeys.order(order.getAccountId(), order.getSymbol(), order.getOrderId());
  }
}
