package castle.accounts.settlement;

import castle.accounts.FeeAccount;
import castle.accounts.Outputs;
import castle.accounts.ledger.Ledger;
import castle.accounts.ledger.LedgerCauseRef;
import castle.accounts.orders.OrderTypes;
import castle.accounts.store.AccountStores;
import castle.money.FixedPoint;
import castle.schema.accounts.AccountTrade;
import castle.schema.accounts.OrderState;
import castle.schema.orders.CommandKind;
import castle.schema.orders.Execution;
import castle.schema.orders.ExecutionType;
import castle.schema.orders.Side;
import castle.schema.wallet.FeeCredit;
import castle.schema.wallet.LedgerCause;
import castle.schema.wallet.WalletCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 3 of docs/order-pipeline.md: settles each fill matching reports, releases what an order no
 * longer needs when it ends, and keeps the open orders, order history and trade history.
 *
 * <p>Matching's numbers are checked against what accounts itself knows (the reservation, the limit
 * price, the fee rates): a fill that does not add up stops the app instead of moving money nobody
 * can account for.
 */
public final class ExecutionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ExecutionHandler.class);

  private final AccountStores stores;
  private final Ledger ledger;
  private final Outputs outputs;

  /** A handler over these stores and outputs. */
  public ExecutionHandler(AccountStores stores, Ledger ledger, Outputs outputs) {
    this.stores = stores;
    this.ledger = ledger;
    this.outputs = outputs;
  }

  /** Handles one event from {@code orders.executions}. */
  public void handle(Execution e) {
    if (e.getExecutionId() == 0) {
      return; // accounts' own rejection: nothing was reserved, no order was recorded
    }
    if (e.getExecutionType() == ExecutionType.REJECTED && e.getCommandKind() != CommandKind.PLACE) {
      return; // a refused cancel leaves its order as it was
    }
    OrderState order = stores.openOrder(e.getAccountId(), e.getSymbol(), e.getOrderId());
    if (order == null) {
      if (e.getExecutionType() == ExecutionType.TRADE) {
        throw new IllegalStateException("Fill of an order accounts does not hold open: " + e);
      }
      LOG.warn("Ignoring {} of order {} of account {}: it is not open", e.getExecutionType(), e.getOrderId(),
          e.getAccountId());
      return;
    }
    if (e.getExecutionType() == ExecutionType.TRADE) {
      settle(order, e);
    }
    order.setStatus(e.getStatus());
    order.setExecutedQty(e.getCumQty());
    order.setCumQuoteQty(e.getCumQuoteQty());
    order.setUpdateTime(e.getTransactTime());
    if (e.getIsWorking() && !order.getIsWorking()) {
      order.setIsWorking(true);
      order.setWorkingTime(e.getTransactTime());
    }
    if (!e.getReason().isEmpty()) {
      order.setReason(e.getReason());
    }
    if (OrderTypes.isFinal(e.getStatus())) {
      close(order, e);
    } else {
      stores.putOpen(order);
    }
  }

  /** Moves the fill's money and records it on both the order and the trade history. */
  private void settle(OrderState order, Execution e) {
    long qty = e.getLastQty();
    long quoteQty = e.getLastQuoteQty();
    boolean buyer = order.getSide() == Side.BUY;
    int rate = e.getIsMaker() ? order.getMakerFeePpm() : order.getTakerFeePpm();
    long commission = FixedPoint.fee(buyer ? qty : quoteQty, rate);
    String commissionAsset = buyer ? order.getBaseAsset() : order.getQuoteAsset();
    int commissionScale = buyer ? order.getBaseScale() : order.getQuoteScale();
    if (e.getSide() != order.getSide() || qty <= 0
        || quoteQty != FixedPoint.notional(e.getLastPrice(), qty, order.getBaseScale())
        || e.getCommission() != commission
        || (commission > 0 && !commissionAsset.equals(e.getCommissionAsset()))) {
      throw new IllegalStateException("Fill does not add up against " + order + ": " + e);
    }

    long accountId = order.getAccountId();
    String symbol = order.getSymbol();
    LedgerCauseRef trade = LedgerCauseRef.trade(LedgerCause.TRADE, symbol, order.getOrderId(), e.getTradeId(), e.getCommandId());
    LedgerCauseRef fee = LedgerCauseRef.trade(LedgerCause.FEE, symbol, order.getOrderId(), e.getTradeId(), e.getCommandId());
    long unlock = buyer ? buyerUnlock(order, qty, quoteQty) : qty;
    if (unlock > order.getReservedRemaining() || (buyer && unlock < quoteQty)) {
      throw new IllegalStateException("Fill exceeds what " + order + " reserved: " + e);
    }
    if (buyer) {
      ledger.change(accountId, order.getQuoteAsset(), order.getQuoteScale(), unlock - quoteQty, -unlock, trade);
      ledger.change(accountId, order.getBaseAsset(), order.getBaseScale(), qty, 0, trade);
    } else {
      ledger.change(accountId, order.getBaseAsset(), order.getBaseScale(), 0, -qty, trade);
      ledger.change(accountId, order.getQuoteAsset(), order.getQuoteScale(), quoteQty, 0, trade);
    }
    ledger.change(accountId, commissionAsset, commissionScale, -commission, 0, fee);
    order.setReservedRemaining(order.getReservedRemaining() - unlock);
    if (order.getFirstTradeId() < 0) {
      order.setFirstTradeId(e.getTradeId());
    }
    order.setLastTradeId(e.getTradeId());

    if (commission > 0) {
      outputs.walletCommand(new WalletCommand(e.getCommandId(), FeeAccount.ID,
          new FeeCredit(commissionAsset, commission, commissionScale, accountId, symbol, e.getTradeId(), order.getOrderId())));
    }
    stores.put(AccountTrade.newBuilder()
        .setAccountId(accountId)
        .setSymbol(symbol)
        .setTradeId(e.getTradeId())
        .setOrderId(order.getOrderId())
        .setIsBuyer(buyer)
        .setIsMaker(e.getIsMaker())
        .setPrice(e.getLastPrice())
        .setQty(qty)
        .setQuoteQty(quoteQty)
        .setCommission(commission)
        .setCommissionAsset(commissionAsset)
        .setBaseAsset(order.getBaseAsset())
        .setQuoteAsset(order.getQuoteAsset())
        .setBaseScale(order.getBaseScale())
        .setQuoteScale(order.getQuoteScale())
        .setTime(e.getTransactTime())
        .setCommandId(e.getCommandId())
        .build());
  }

  /**
   * What a buy's fill frees from its reservation: at its limit price for a limit-priced order (the
   * difference to the trade price is the price improvement), what it paid for a budgeted one.
   */
  private static long buyerUnlock(OrderState order, long qty, long quoteQty) {
    if (!OrderTypes.isLimitPriced(order.getType())) {
      return quoteQty;
    }
    return Math.min(FixedPoint.notional(order.getPrice(), qty, order.getBaseScale()), order.getReservedRemaining());
  }

  /** Releases what is still reserved and moves the order to the history. */
  private void close(OrderState order, Execution e) {
    long remaining = order.getReservedRemaining();
    if (remaining > 0) {
      boolean buyer = order.getSide() == Side.BUY;
      ledger.change(order.getAccountId(),
          buyer ? order.getQuoteAsset() : order.getBaseAsset(),
          buyer ? order.getQuoteScale() : order.getBaseScale(),
          remaining, -remaining,
          LedgerCauseRef.order(LedgerCause.ORDER_RELEASE, order.getSymbol(), order.getOrderId(), e.getCommandId()));
      order.setReservedRemaining(0);
    }
    stores.moveToHistory(order);
    stores.countOpenOrders(order.getAccountId(), order.getSymbol(), -1, outputs.time());
  }
}
