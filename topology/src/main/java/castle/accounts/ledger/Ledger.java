package castle.accounts.ledger;

import castle.accounts.Outputs;
import castle.accounts.store.AccountStores;
import castle.schema.accounts.AccountRecord;
import castle.schema.accounts.Balance;
import castle.schema.wallet.LedgerEntry;

/**
 * The only way a balance changes. Each change moves one asset's free and locked amounts, refuses to
 * leave either negative, and is published as a {@link LedgerEntry} with the account's next entryId,
 * the balance after and its cause, so replaying an account's entries reproduces its balances.
 *
 * <p>A change that would go negative means a check upstream let through what it should not have,
 * or matching reported a fill nobody reserved for: the exception stops the app rather than let money
 * appear or vanish.
 */
public final class Ledger {

  private final AccountStores stores;
  private final Outputs outputs;

  /** A ledger over these stores, publishing to these outputs. */
  public Ledger(AccountStores stores, Outputs outputs) {
    this.stores = stores;
    this.outputs = outputs;
  }

  /** The account's balance of {@code asset}: zero (at {@code scale}) if it never held any. */
  private Balance balance(long accountId, String asset, int scale) {
    Balance balance = stores.balance(accountId, asset);
    if (balance == null) {
      return new Balance(accountId, asset, scale, 0L, 0L, outputs.time());
    }
    return balance;
  }

  /** Free amount of {@code asset}, or 0. */
  public long free(long accountId, String asset) {
    Balance balance = stores.balance(accountId, asset);
    return balance == null ? 0 : balance.getFree();
  }

  /**
   * Applies one change and records it; a change of nothing records nothing.
   *
   * @return the balance after the change
   */
  public Balance change(long accountId, String asset, int scale, long deltaFree, long deltaLocked, LedgerCauseRef cause) {
    Balance balance = balance(accountId, asset, scale);
    if (deltaFree == 0 && deltaLocked == 0) {
      return balance;
    }
    if (balance.getScale() != scale) {
      throw new IllegalStateException("Account " + accountId + " holds " + asset + " at scale " + balance.getScale()
          + ", a change came at scale " + scale + " (" + cause + ")");
    }
    long free = Math.addExact(balance.getFree(), deltaFree);
    long locked = Math.addExact(balance.getLocked(), deltaLocked);
    if (free < 0 || locked < 0) {
      throw new IllegalStateException("Account " + accountId + " " + asset + " would become free " + free
          + ", locked " + locked + " (" + cause + "); refusing to break conservation");
    }
    long time = outputs.time();
    balance.setFree(free);
    balance.setLocked(locked);
    balance.setUpdatedAt(time);
    stores.put(balance);

    AccountRecord account = stores.accountOrNew(accountId, time);
    long entryId = account.getLastLedgerEntryId() + 1;
    account.setLastLedgerEntryId(entryId);
    stores.put(account);

    outputs.ledger(LedgerEntry.newBuilder()
        .setAccountId(accountId)
        .setEntryId(entryId)
        .setAsset(asset)
        .setScale(scale)
        .setDeltaFree(deltaFree)
        .setDeltaLocked(deltaLocked)
        .setFreeAfter(free)
        .setLockedAfter(locked)
        .setCause(cause.cause())
        .setCauseId(cause.causeId())
        .setSymbol(cause.symbol())
        .setOrderId(cause.orderId())
        .setTradeId(cause.tradeId())
        .setCommandId(cause.commandId())
        .setTime(time)
        .build());
    return balance;
  }
}
