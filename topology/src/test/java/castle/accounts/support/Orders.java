package castle.accounts.support;

import static castle.accounts.support.Market.units;

import castle.schema.orders.OrderType;
import castle.schema.orders.PlaceOrder;
import castle.schema.orders.Side;
import castle.schema.orders.TimeInForce;
import java.util.concurrent.atomic.AtomicLong;

/** PlaceOrder builders with fresh order ids and client ids; amounts are decimals. */
public final class Orders {

  private static final AtomicLong IDS = new AtomicLong(7_000_000_000L);

  private Orders() {}

  /** A fresh, positive, unique id. */
  public static long nextId() {
    return IDS.incrementAndGet();
  }

  /** A GTC limit order. */
  public static PlaceOrder limit(Side side, String price, String qty) {
    return order(side, OrderType.LIMIT, TimeInForce.GTC).setPrice(units(price)).setQuantity(units(qty)).build();
  }

  /** An order of any limit-priced or stop type, built field by field. */
  public static PlaceOrder.Builder order(Side side, OrderType type, TimeInForce tif) {
    long id = nextId();
    return PlaceOrder.newBuilder()
        .setOrderId(id)
        .setClientOrderId("c" + id)
        .setSide(side)
        .setType(type)
        .setTimeInForce(tif)
        .setPrice(0)
        .setQuantity(0)
        .setQuoteOrderQty(0)
        .setStopPrice(0)
        .setSelfTradePreventionMode(null);
  }

  /** A market order by base quantity. */
  public static PlaceOrder marketQty(Side side, String qty) {
    return order(side, OrderType.MARKET, TimeInForce.GTC).setQuantity(units(qty)).build();
  }

  /** A market order by quote amount. */
  public static PlaceOrder marketQuote(Side side, String quote) {
    return order(side, OrderType.MARKET, TimeInForce.GTC).setQuoteOrderQty(units(quote)).build();
  }

  /** The same order under another clientOrderId. */
  public static PlaceOrder withClientId(PlaceOrder order, String clientOrderId) {
    return PlaceOrder.newBuilder(order).setOrderId(nextId()).setClientOrderId(clientOrderId).build();
  }
}
