package castle.gateway.binance.views;

import castle.iq.accounts.OrderView;
import castle.money.Decimals;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Binance's order object, as {@code GET /order}, {@code openOrders} and {@code allOrders} return it;
 * order placement adds {@code transactTime} (and {@code fills} for FULL), cancels add {@code
 * origClientOrderId} and {@code transactTime}. Amounts are decimal strings, ids integers.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderJson(
    String symbol,
    String origClientOrderId,
    long orderId,
    long orderListId,
    String clientOrderId,
    Long transactTime,
    String price,
    String origQty,
    String executedQty,
    String cummulativeQuoteQty,
    String status,
    String timeInForce,
    String type,
    String side,
    String stopPrice,
    String icebergQty,
    long time,
    long updateTime,
    @JsonProperty("isWorking") boolean isWorking,
    long workingTime,
    String origQuoteOrderQty,
    String selfTradePreventionMode,
    List<FillJson> fills) {

  /** The order object of an order. */
  public static OrderJson of(OrderView o) {
    int q = o.quoteScale();
    int b = o.baseScale();
    return new OrderJson(
        o.symbol(), null, o.orderId(), -1, o.clientOrderId(), null,
        Decimals.format(o.price(), q),
        Decimals.format(o.origQty(), b),
        Decimals.format(o.executedQty(), b),
        Decimals.format(o.cumQuoteQty(), q),
        o.status().name(), o.timeInForce().name(), o.type().name(), o.side().name(),
        Decimals.format(o.stopPrice(), q),
        Decimals.format(0, b),
        o.time(), o.updateTime(), o.working(), o.workingTime(),
        Decimals.format(o.origQuoteOrderQty(), q),
        o.selfTradePreventionMode().name(),
        null);
  }

  /** With the time of the event that answered the request. */
  public OrderJson withTransactTime(long time) {
    return new OrderJson(symbol, origClientOrderId, orderId, orderListId, clientOrderId, time, price, origQty,
        executedQty, cummulativeQuoteQty, status, timeInForce, type, side, stopPrice, icebergQty, this.time,
        updateTime, isWorking, workingTime, origQuoteOrderQty, selfTradePreventionMode, fills);
  }

  /** With the fills of a FULL answer. */
  public OrderJson withFills(List<FillJson> orderFills) {
    return new OrderJson(symbol, origClientOrderId, orderId, orderListId, clientOrderId, transactTime, price, origQty,
        executedQty, cummulativeQuoteQty, status, timeInForce, type, side, stopPrice, icebergQty, time,
        updateTime, isWorking, workingTime, origQuoteOrderQty, selfTradePreventionMode, List.copyOf(orderFills));
  }

  /** As a cancel answers: the order's client id as {@code origClientOrderId}, the cancel's as {@code clientOrderId}. */
  public OrderJson asCanceledBy(String cancelClientOrderId) {
    return new OrderJson(symbol, clientOrderId, orderId, orderListId, cancelClientOrderId, transactTime, price,
        origQty, executedQty, cummulativeQuoteQty, status, timeInForce, type, side, stopPrice, icebergQty, time,
        updateTime, isWorking, workingTime, origQuoteOrderQty, selfTradePreventionMode, fills);
  }
}
