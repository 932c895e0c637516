package castle.accounts.orders;

import castle.money.FixedPoint;
import castle.schema.orders.OrderType;
import castle.schema.orders.PlaceOrder;
import castle.schema.orders.Side;
import castle.schema.reference.SymbolConfig;
import java.util.OptionalLong;

/**
 * What accepting an order locks, per docs/order-pipeline.md: quote for a BUY, base for a SELL.
 *
 * <ul>
 *   <li>BUY with a limit price: {@code notionalCeil(price, quantity)}.
 *   <li>BUY MARKET with quoteOrderQty: quoteOrderQty.
 *   <li>BUY MARKET with quantity: a <em>budget</em> of the whole free quote balance, capped by the KYC
 *       tier's maximum notional. Accounts cannot know the price a market order will pay; the budget
 *       bounds what matching may spend, and what is left returns to free when the order ends.
 *   <li>BUY STOP_LOSS / TAKE_PROFIT: a budget of {@code notionalCeil(stopPrice x 1.05, quantity)}.
 *   <li>SELL with quantity: quantity. SELL MARKET with quoteOrderQty: a budget of the whole free base.
 * </ul>
 *
 * @param asset the asset locked
 * @param scale its scale
 * @param amount how much is locked
 * @param budget whether the amount bounds the order rather than prices it (released when it ends)
 * @param notional the order's notional in quote for the tier's limit, or -1 when unknown before it
 *     trades (a SELL MARKET by quantity)
 */
public record Reservation(String asset, int scale, long amount, boolean budget, long notional) {

  /** How far above its stop price a triggered market BUY may fill, in percent. */
  public static final long STOP_MARKET_MARGIN_PERCENT = 5;

  /**
   * The reservation of {@code order}.
   *
   * @param freeQuote the account's free quote balance (market BUY budget)
   * @param freeBase the account's free base balance (market SELL budget)
   * @param maxNotional the tier's maximum notional in the quote asset, if limited
   * @throws ArithmeticException if the amount does not fit a long
   */
  public static Reservation of(
      PlaceOrder order, SymbolConfig symbol, long freeQuote, long freeBase, OptionalLong maxNotional) {
    int baseScale = symbol.getBaseScale();
    if (order.getSide() == Side.BUY) {
      String quote = symbol.getQuoteAsset();
      int quoteScale = symbol.getQuoteScale();
      if (OrderTypes.isLimitPriced(order.getType())) {
        long amount = FixedPoint.notionalCeil(order.getPrice(), order.getQuantity(), baseScale);
        return new Reservation(quote, quoteScale, amount, false, amount);
      }
      if (order.getType() == OrderType.MARKET && order.getQuoteOrderQty() > 0) {
        return new Reservation(quote, quoteScale, order.getQuoteOrderQty(), false, order.getQuoteOrderQty());
      }
      if (order.getType() == OrderType.MARKET) {
        long budget = Math.min(freeQuote, maxNotional.orElse(Long.MAX_VALUE));
        return new Reservation(quote, quoteScale, budget, true, budget);
      }
      long ceilingPrice = FixedPoint.mulDivCeil(order.getStopPrice(), 100 + STOP_MARKET_MARGIN_PERCENT, 100);
      long budget = FixedPoint.notionalCeil(ceilingPrice, order.getQuantity(), baseScale);
      return new Reservation(quote, quoteScale, budget, true, budget);
    }
    String base = symbol.getBaseAsset();
    int scale = symbol.getBaseScale();
    if (order.getQuoteOrderQty() > 0) {
      return new Reservation(base, scale, freeBase, true, order.getQuoteOrderQty());
    }
    long notional = switch (order.getType()) {
      case LIMIT, LIMIT_MAKER, STOP_LOSS_LIMIT, TAKE_PROFIT_LIMIT ->
          FixedPoint.notional(order.getPrice(), order.getQuantity(), baseScale);
      case STOP_LOSS, TAKE_PROFIT -> FixedPoint.notional(order.getStopPrice(), order.getQuantity(), baseScale);
      case MARKET -> -1;
    };
    return new Reservation(base, scale, order.getQuantity(), false, notional);
  }
}
