package castle.sinks.jdbc.tables;

import castle.schema.wallet.LedgerEntry;
import castle.sinks.jdbc.Row;
import castle.sinks.jdbc.Upsert;
import java.util.Arrays;

/** {@code ledger}: every balance change once, keyed by account and its gap-free entry id. A fact: never updated. */
public final class LedgerTable {

  static final String SQL =
      Upsert.into("ledger")
          .columns("account_id", "entry_id", "asset", "scale", "delta_free_units", "delta_locked_units",
              "free_after_units", "locked_after_units", "cause", "cause_id", "symbol", "order_id", "trade_id",
              "command_id", "entry_time")
          .cast("symbol", "text")
          .key("account_id", "entry_id")
          .insertOnly();

  private LedgerTable() {}

  /** The row of a ledger entry. */
  public static Row row(LedgerEntry l) {
    return new Row(SQL, Arrays.asList(l.getAccountId(), l.getEntryId(), l.getAsset(), l.getScale(),
        l.getDeltaFree(), l.getDeltaLocked(), l.getFreeAfter(), l.getLockedAfter(), l.getCause().name(),
        l.getCauseId(), l.getSymbol(), l.getOrderId(), l.getTradeId(), l.getCommandId(), Times.at(l.getTime())));
  }
}
