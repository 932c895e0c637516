package castle.accounts.ledger;

import castle.schema.wallet.LedgerCause;

/**
 * Why a balance changed, as a ledger entry names it: the cause and the id of what caused it (a trade
 * id, an order id, a deposit or withdrawal id), with the order and command it belongs to.
 *
 * @param cause the kind of change
 * @param causeId the id an auditor looks up
 * @param symbol the symbol of an order or trade, else null
 * @param orderId the order, else 0
 * @param tradeId the trade, else -1
 * @param commandId the command that caused the change
 */
public record LedgerCauseRef(
    LedgerCause cause, String causeId, String symbol, long orderId, long tradeId, long commandId) {

  /** A reservation or release of an order's funds. */
  public static LedgerCauseRef order(LedgerCause cause, String symbol, long orderId, long commandId) {
    return new LedgerCauseRef(cause, Long.toString(orderId), symbol, orderId, -1, commandId);
  }

  /** A settlement (TRADE) or commission (FEE) of one fill. */
  public static LedgerCauseRef trade(LedgerCause cause, String symbol, long orderId, long tradeId, long commandId) {
    return new LedgerCauseRef(cause, Long.toString(tradeId), symbol, orderId, tradeId, commandId);
  }

  /** A deposit or a step of a withdrawal. */
  public static LedgerCauseRef wallet(LedgerCause cause, String id, long commandId) {
    return new LedgerCauseRef(cause, id, null, 0, -1, commandId);
  }
}
