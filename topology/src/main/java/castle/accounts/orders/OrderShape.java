package castle.accounts.orders;

import castle.orders.RejectReason;
import castle.orders.SymbolFilters;
import castle.schema.orders.OrderType;
import castle.schema.orders.PlaceOrder;
import castle.schema.reference.SymbolConfig;
import java.util.Optional;

/**
 * Whether an order has the fields its type needs and fits the symbol's filters. The gateway checks
 * this before anything reaches Kafka; accounts checks again because a symbol's filters may have
 * changed since, and because a reservation computed from a malformed order would be wrong.
 */
final class OrderShape {

  private OrderShape() {}

  /** The first filter the order fails, if any. */
  static Optional<RejectReason> check(PlaceOrder order, SymbolConfig symbol) {
    OrderType type = order.getType();
    if (OrderTypes.isLimitPriced(type)) {
      if (SymbolFilters.checkPrice(symbol, order.getPrice()).isPresent()) {
        return Optional.of(RejectReason.PRICE_FILTER);
      }
    } else if (order.getPrice() != 0) {
      return Optional.of(RejectReason.PRICE_FILTER);
    }
    if (OrderTypes.isStop(type)) {
      if (SymbolFilters.checkPrice(symbol, order.getStopPrice()).isPresent()) {
        return Optional.of(RejectReason.PRICE_FILTER);
      }
    } else if (order.getStopPrice() != 0) {
      return Optional.of(RejectReason.PRICE_FILTER);
    }
    if (type == OrderType.MARKET) {
      return checkMarketAmount(order, symbol);
    }
    if (order.getQuoteOrderQty() != 0 || SymbolFilters.checkQuantity(symbol, order.getQuantity()).isPresent()) {
      return Optional.of(RejectReason.LOT_SIZE);
    }
    if (OrderTypes.isLimitPriced(type)) {
      return SymbolFilters.checkNotional(symbol, order.getPrice(), order.getQuantity());
    }
    return Optional.empty();
  }

  private static Optional<RejectReason> checkMarketAmount(PlaceOrder order, SymbolConfig symbol) {
    boolean byQuantity = order.getQuantity() != 0;
    boolean byQuote = order.getQuoteOrderQty() != 0;
    if (byQuantity == byQuote) {
      return Optional.of(RejectReason.MARKET_LOT_SIZE);
    }
    if (byQuote) {
      return order.getQuoteOrderQty() < 0
          ? Optional.of(RejectReason.NOTIONAL)
          : SymbolFilters.checkQuoteAmount(symbol, order.getQuoteOrderQty());
    }
    return SymbolFilters.checkQuantity(symbol, order.getQuantity()).map(r -> RejectReason.MARKET_LOT_SIZE);
  }
}
