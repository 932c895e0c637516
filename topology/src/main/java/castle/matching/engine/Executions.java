package castle.matching.engine;

import castle.matching.book.Order;
import castle.schema.orders.CommandKind;
import castle.schema.orders.Execution;
import castle.schema.orders.ExecutionType;
import castle.schema.orders.OrderStatus;
import castle.schema.orders.OrderType;
import castle.schema.orders.SelfTradePreventionMode;
import castle.schema.orders.Side;
import castle.schema.orders.TimeInForce;
import castle.schema.reference.SymbolConfig;

/**
 * Builds execution records with every field set, so nothing depends on Avro's builder defaults and
 * the hot path avoids the builders' copying. Event-specific fields (trade amounts, reason, the
 * cancel's client id) are set by the engine on the returned record.
 */
final class Executions {

  private Executions() {}

  /** An event of {@code order} caused by the command in {@code context}, nothing traded in it. */
  static Execution of(
      CommandContext context, SymbolConfig config, Order order, ExecutionType type, OrderStatus status) {
    Execution e = skeleton(context, config, type, status);
    e.setAccountId(order.accountId());
    e.setOrderId(order.orderId());
    e.setClientOrderId(order.clientOrderId());
    e.setSide(order.buy() ? Side.BUY : Side.SELL);
    e.setType(order.type());
    e.setTimeInForce(order.timeInForce());
    e.setPrice(order.price());
    e.setOrigQty(order.origQty());
    e.setQuoteOrderQty(order.quoteOrderQty());
    e.setStopPrice(order.stopPrice());
    e.setSelfTradePreventionMode(order.selfTradePrevention());
    e.setCumQty(order.cumQty());
    e.setCumQuoteQty(order.cumQuote());
    e.setIsWorking(order.working());
    e.setOrderTime(order.orderTime());
    return e;
  }

  /**
   * A REJECTED answer to a cancel naming no open order of the account: the named order id and
   * client id, and neutral values (BUY LIMIT GTC, zeros) where no order is known.
   */
  static Execution rejectedCancel(
      CommandContext context, SymbolConfig config, long orderId, String origClientOrderId, String clientOrderId,
      String reason) {
    Execution e = skeleton(context, config, ExecutionType.REJECTED, OrderStatus.REJECTED);
    e.setAccountId(context.accountId());
    e.setOrderId(orderId);
    e.setClientOrderId(clientOrderId);
    e.setOrigClientOrderId(origClientOrderId);
    e.setSide(Side.BUY);
    e.setType(OrderType.LIMIT);
    e.setTimeInForce(TimeInForce.GTC);
    e.setSelfTradePreventionMode(SelfTradePreventionMode.NONE);
    e.setReason(reason);
    e.setIsWorking(false);
    e.setOrderTime(context.time());
    return e;
  }

  private static Execution skeleton(
      CommandContext context, SymbolConfig config, ExecutionType type, OrderStatus status) {
    Execution e = new Execution();
    e.setCommandId(context.commandId());
    e.setCommandKind(context.kind());
    e.setCommandComplete(false);
    e.setSymbol(context.symbol());
    e.setBaseAsset(config == null ? "" : config.getBaseAsset());
    e.setQuoteAsset(config == null ? "" : config.getQuoteAsset());
    e.setBaseScale(config == null ? 0 : config.getBaseScale());
    e.setQuoteScale(config == null ? 0 : config.getQuoteScale());
    e.setExecutionType(type);
    e.setStatus(status);
    e.setReason("");
    e.setTradeId(-1);
    e.setTransactTime(context.time());
    return e;
  }

  /** What the event's command is, from the engine's point of view. */
  interface CommandContext {
    long commandId();

    CommandKind kind();

    long accountId();

    String symbol();

    long time();
  }
}
