package castle.gateway.binance.orders;

import castle.schema.orders.OrderType;
import castle.schema.orders.PlaceOrder;
import castle.schema.orders.SelfTradePreventionMode;
import castle.schema.orders.Side;
import castle.schema.orders.TimeInForce;
import castle.schema.reference.SymbolConfig;

/**
 * A new order that has passed every check the gateway can make, in fixed-point units of its
 * symbol; zero means "not given" for price, quantity, quoteOrderQty and stopPrice.
 *
 * @param clientOrderId the client's id, or null to generate one from the order id
 * @param selfTradePreventionMode the order's mode, or null for the symbol's default
 */
record NewOrder(
    SymbolConfig symbol,
    Side side,
    OrderType type,
    TimeInForce timeInForce,
    long price,
    long quantity,
    long quoteOrderQty,
    long stopPrice,
    String clientOrderId,
    SelfTradePreventionMode selfTradePreventionMode,
    ResponseType responseType) {

  /** The order as a command's action, with the id the gateway gave it. */
  PlaceOrder toCommand(long orderId) {
    return PlaceOrder.newBuilder()
        .setOrderId(orderId)
        .setClientOrderId(clientOrderId != null ? clientOrderId : ClientOrderIds.generated(orderId))
        .setSide(side)
        .setType(type)
        .setTimeInForce(timeInForce)
        .setPrice(price)
        .setQuantity(quantity)
        .setQuoteOrderQty(quoteOrderQty)
        .setStopPrice(stopPrice)
        .setSelfTradePreventionMode(selfTradePreventionMode)
        .build();
  }
}
