package castle.accounts.orders;

import castle.orders.RejectReason;
import castle.schema.accounts.OrderState;
import castle.schema.orders.CancelOrder;
import castle.schema.orders.CommandKind;
import castle.schema.orders.Execution;
import castle.schema.orders.ExecutionType;
import castle.schema.orders.OrderCommand;
import castle.schema.orders.OrderStatus;
import castle.schema.orders.OrderType;
import castle.schema.orders.PlaceOrder;
import castle.schema.orders.SelfTradePreventionMode;
import castle.schema.orders.Side;
import castle.schema.orders.TimeInForce;
import castle.schema.reference.SymbolConfig;

/**
 * The REJECTED executions accounts publishes itself: {@code executionId} 0, {@code commandComplete}
 * true, the reason's Binance message, and as much of the order as the command or the account's
 * history knows, so the gateway can answer the client from the execution alone.
 */
final class Rejections {

  private Rejections() {}

  /** A refused PlaceOrder. {@code symbol} is null when the symbol is unknown. */
  static Execution place(OrderCommand command, PlaceOrder order, SymbolConfig symbol, RejectReason reason, long time) {
    SelfTradePreventionMode stp = order.getSelfTradePreventionMode() != null
        ? order.getSelfTradePreventionMode()
        : symbol != null ? symbol.getDefaultSelfTradePreventionMode() : SelfTradePreventionMode.NONE;
    return base(command, CommandKind.PLACE, symbol, reason, time)
        .setOrderId(order.getOrderId())
        .setClientOrderId(order.getClientOrderId())
        .setSide(order.getSide())
        .setType(order.getType())
        .setTimeInForce(order.getTimeInForce())
        .setPrice(order.getPrice())
        .setOrigQty(order.getQuantity())
        .setQuoteOrderQty(order.getQuoteOrderQty())
        .setStopPrice(order.getStopPrice())
        .setSelfTradePreventionMode(stp)
        .build();
  }

  /**
   * A cancel that names no open order. {@code known} is the named order if it is final, so the
   * client sees which order it was; null if there is no such order at all.
   */
  static Execution cancel(
      OrderCommand command, CancelOrder cancel, long orderId, OrderState known, SymbolConfig symbol, long time) {
    Execution.Builder e = base(command, CommandKind.CANCEL, symbol, RejectReason.UNKNOWN_ORDER, time)
        .setOrderId(orderId)
        .setClientOrderId(cancel.getClientOrderId())
        .setOrigClientOrderId(known != null ? known.getClientOrderId() : cancel.getOrigClientOrderId());
    if (known == null) {
      return e.setSide(Side.BUY)
          .setType(OrderType.LIMIT)
          .setTimeInForce(TimeInForce.GTC)
          .setSelfTradePreventionMode(SelfTradePreventionMode.NONE)
          .build();
    }
    return e.setSide(known.getSide())
        .setType(known.getType())
        .setTimeInForce(known.getTimeInForce())
        .setPrice(known.getPrice())
        .setOrigQty(known.getOrigQty())
        .setQuoteOrderQty(known.getOrigQuoteOrderQty())
        .setStopPrice(known.getStopPrice())
        .setSelfTradePreventionMode(known.getSelfTradePreventionMode())
        .setCumQty(known.getExecutedQty())
        .setCumQuoteQty(known.getCumQuoteQty())
        .setOrderTime(known.getTime())
        .build();
  }

  private static Execution.Builder base(
      OrderCommand command, CommandKind kind, SymbolConfig symbol, RejectReason reason, long time) {
    return Execution.newBuilder()
        .setCommandId(command.getCommandId())
        .setCommandKind(kind)
        .setCommandComplete(true)
        .setExecutionId(0)
        .setAccountId(command.getAccountId())
        .setSymbol(command.getSymbol())
        .setBaseAsset(symbol != null ? symbol.getBaseAsset() : "")
        .setQuoteAsset(symbol != null ? symbol.getQuoteAsset() : "")
        .setBaseScale(symbol != null ? symbol.getBaseScale() : 0)
        .setQuoteScale(symbol != null ? symbol.getQuoteScale() : 0)
        .setPrice(0)
        .setOrigQty(0)
        .setQuoteOrderQty(0)
        .setStopPrice(0)
        .setExecutionType(ExecutionType.REJECTED)
        .setStatus(OrderStatus.REJECTED)
        .setReason(reason.message())
        .setOrderTime(time)
        .setTransactTime(time);
  }
}
