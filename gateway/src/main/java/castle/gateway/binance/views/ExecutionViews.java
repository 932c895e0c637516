package castle.gateway.binance.views;

import castle.iq.accounts.OrderView;
import castle.money.Decimals;
import castle.schema.orders.CommandKind;
import castle.schema.orders.Execution;
import castle.schema.orders.Side;

/** Reads an order's state and fills out of its executions, for the answers to commands. */
public final class ExecutionViews {

  private ExecutionViews() {}

  /** The order as of this execution. */
  public static OrderView order(Execution e) {
    // A cancel's executions carry the cancel's own client id; the order's is in origClientOrderId.
    String clientOrderId = e.getCommandKind() != CommandKind.PLACE && e.getOrigClientOrderId() != null
        ? e.getOrigClientOrderId()
        : e.getClientOrderId();
    return new OrderView(
        e.getSymbol(), e.getOrderId(), clientOrderId, e.getSide(), e.getType(), e.getTimeInForce(),
        e.getPrice(), e.getOrigQty(), e.getQuoteOrderQty(), e.getStopPrice(), e.getSelfTradePreventionMode(),
        e.getBaseScale(), e.getQuoteScale(), e.getStatus(), e.getCumQty(), e.getCumQuoteQty(),
        e.getIsWorking(), e.getOrderTime(), e.getTransactTime(), e.getIsWorking() ? e.getOrderTime() : -1);
  }

  /** The fill a TRADE execution reports. */
  public static FillJson fill(Execution e) {
    // The buyer pays its commission in the base asset, the seller in the quote asset.
    boolean inBase = e.getCommissionAsset() != null
        ? e.getCommissionAsset().equals(e.getBaseAsset())
        : e.getSide() == Side.BUY;
    String asset = inBase ? e.getBaseAsset() : e.getQuoteAsset();
    int scale = inBase ? e.getBaseScale() : e.getQuoteScale();
    return new FillJson(
        Decimals.format(e.getLastPrice(), e.getQuoteScale()),
        Decimals.format(e.getLastQty(), e.getBaseScale()),
        Decimals.format(e.getCommission(), scale),
        asset,
        e.getTradeId());
  }
}
