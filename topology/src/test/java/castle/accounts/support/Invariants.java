package castle.accounts.support;

import static org.assertj.core.api.Assertions.assertThat;

import castle.accounts.store.AccountStores;
import castle.schema.accounts.Balance;
import castle.schema.accounts.OrderState;
import castle.schema.accounts.Withdrawal;
import castle.schema.accounts.WithdrawalStatus;
import castle.schema.orders.Side;
import castle.schema.wallet.LedgerEntry;
import castle.schema.wallet.WalletOutcome;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The money invariants of docs/order-pipeline.md, checked over accounts' stores (of a test driver or
 * of running instances) and what went in and out of the exchange:
 *
 * <ul>
 *   <li>conservation: per asset, free + locked over all accounts (the fee account included) plus fees
 *       in flight equals deposits minus completed withdrawals;
 *   <li>no free or locked balance is negative;
 *   <li>each account's locked amount equals what its open orders and pending withdrawals reserve;
 *   <li>the ledger replays: each account's entries run 1, 2, 3... and add up to its balances.
 * </ul>
 */
public final class Invariants {

  private final Function<String, ReadOnlyKeyValueStore<String, ?>> stores;

  /** Checks over these stores. */
  public Invariants(Function<String, ReadOnlyKeyValueStore<String, ?>> stores) {
    this.stores = stores;
  }

  /** Deposits minus completed withdrawals per asset, from the wallet outcomes. */
  public static Map<String, Long> netInflow(Collection<WalletOutcome> outcomes) {
    Map<String, Long> net = new HashMap<>();
    for (WalletOutcome o : outcomes) {
      if (o.getAccepted() && o.getKind().equals("DEPOSIT")) {
        net.merge(o.getAsset(), o.getAmount(), Math::addExact);
      } else if (o.getAccepted() && o.getKind().equals("WITHDRAWAL_COMPLETE")) {
        net.merge(o.getAsset(), -o.getAmount(), Math::addExact);
      }
    }
    return net;
  }

  /** Conservation, non-negative balances and locked = reserved, with nothing in flight. */
  public void checkBalances(Map<String, Long> netInflow) {
    checkBalances(netInflow, Map.of());
  }

  /** Conservation with {@code feesInFlight} (FeeCredits not yet applied) per asset, and the rest. */
  public void checkBalances(Map<String, Long> netInflow, Map<String, Long> feesInFlight) {
    Map<String, Long> total = new HashMap<>(feesInFlight);
    Map<String, Long> reserved = reservedByOrdersAndWithdrawals();
    for (Balance b : Invariants.<Balance>values(store(AccountStores.BALANCES))) {
      String where = "account " + b.getAccountId() + " " + b.getAsset();
      assertThat(b.getFree()).as("free of %s", where).isNotNegative();
      assertThat(b.getLocked()).as("locked of %s", where).isNotNegative();
      assertThat(b.getLocked()).as("locked of %s = what its orders and withdrawals reserve", where)
          .isEqualTo(reserved.getOrDefault(b.getAccountId() + "/" + b.getAsset(), 0L));
      total.merge(b.getAsset(), Math.addExact(b.getFree(), b.getLocked()), Math::addExact);
    }
    Map<String, Long> expected = new HashMap<>(netInflow);
    total.keySet().forEach(asset -> expected.putIfAbsent(asset, 0L));
    expected.keySet().forEach(asset -> total.putIfAbsent(asset, 0L));
    assertThat(total).as("free + locked over all accounts (+ fees in flight) = deposits - withdrawals, per asset")
        .isEqualTo(expected);
  }

  /** Each account's entries are numbered 1..n without gaps and replay to its stored balances. */
  public void checkLedgerReplays(List<LedgerEntry> ledger) {
    Map<Long, Long> lastEntry = new HashMap<>();
    Map<String, long[]> replayed = new HashMap<>();
    for (LedgerEntry e : ledger) {
      long expectedId = lastEntry.getOrDefault(e.getAccountId(), 0L) + 1;
      assertThat(e.getEntryId()).as("entryId of account %d", e.getAccountId()).isEqualTo(expectedId);
      lastEntry.put(e.getAccountId(), expectedId);
      long[] balance = replayed.computeIfAbsent(e.getAccountId() + "/" + e.getAsset(), k -> new long[2]);
      balance[0] += e.getDeltaFree();
      balance[1] += e.getDeltaLocked();
      assertThat(new long[] {e.getFreeAfter(), e.getLockedAfter()})
          .as("after-values of entry %d of account %d", e.getEntryId(), e.getAccountId())
          .containsExactly(balance);
    }
    for (Balance b : Invariants.<Balance>values(store(AccountStores.BALANCES))) {
      long[] balance = replayed.getOrDefault(b.getAccountId() + "/" + b.getAsset(), new long[2]);
      assertThat(new long[] {b.getFree(), b.getLocked()})
          .as("account %d %s replayed from its ledger", b.getAccountId(), b.getAsset())
          .containsExactly(balance);
    }
  }

  private Map<String, Long> reservedByOrdersAndWithdrawals() {
    Map<String, Long> reserved = new HashMap<>();
    for (OrderState o : Invariants.<OrderState>values(store(AccountStores.OPEN_ORDERS))) {
      String asset = o.getSide() == Side.BUY ? o.getQuoteAsset() : o.getBaseAsset();
      reserved.merge(o.getAccountId() + "/" + asset, o.getReservedRemaining(), Math::addExact);
    }
    for (Withdrawal w : Invariants.<Withdrawal>values(store(AccountStores.WITHDRAWALS))) {
      if (w.getStatus() == WithdrawalStatus.PENDING) {
        reserved.merge(w.getAccountId() + "/" + w.getAsset(), w.getAmount(), Math::addExact);
      }
    }
    return reserved;
  }

  private ReadOnlyKeyValueStore<String, ?> store(String name) {
    return stores.apply(name);
  }

  /** Every value of a store (a test's full scan; production reads never do this). */
  @SuppressWarnings("unchecked")
  public static <V> List<V> values(ReadOnlyKeyValueStore<String, ?> store) {
    List<V> values = new java.util.ArrayList<>();
    try (KeyValueIterator<String, ?> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<String, ?> next = all.next();
        values.add((V) next.value);
      }
    }
    return values;
  }
}
