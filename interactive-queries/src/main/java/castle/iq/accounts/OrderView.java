package castle.iq.accounts;

import castle.schema.orders.OrderStatus;
import castle.schema.orders.OrderType;
import castle.schema.orders.SelfTradePreventionMode;
import castle.schema.orders.Side;
import castle.schema.orders.TimeInForce;

/**
 * One order as its owner sees it, in fixed-point units: prices and quote amounts at {@code
 * quoteScale}, quantities at {@code baseScale}. It travels as JSON between instances.
 *
 * @param origQuoteOrderQty the quote amount a market order was given instead of a quantity, else 0
 * @param executedQty base quantity filled so far
 * @param cumQuoteQty quote amount filled so far
 * @param working false for a stop order that has not triggered yet
 * @param time when it was placed, epoch ms
 * @param updateTime when it last changed, epoch ms
 * @param workingTime when it started working (placed, or triggered for stops), -1 before
 */
public record OrderView(
    String symbol,
    long orderId,
    String clientOrderId,
    Side side,
    OrderType type,
    TimeInForce timeInForce,
    long price,
    long origQty,
    long origQuoteOrderQty,
    long stopPrice,
    SelfTradePreventionMode selfTradePreventionMode,
    int baseScale,
    int quoteScale,
    OrderStatus status,
    long executedQty,
    long cumQuoteQty,
    boolean working,
    long time,
    long updateTime,
    long workingTime) {}
