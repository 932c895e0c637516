package castle.accounts.orders;

import castle.schema.orders.OrderStatus;
import castle.schema.orders.OrderType;

/** Facts about order types and statuses that reservation and settlement depend on. */
public final class OrderTypes {

  private OrderTypes() {}

  /** Orders with a limit price: a BUY reserves, and is settled at, that price. */
  public static boolean isLimitPriced(OrderType type) {
    return switch (type) {
      case LIMIT, LIMIT_MAKER, STOP_LOSS_LIMIT, TAKE_PROFIT_LIMIT -> true;
      case MARKET, STOP_LOSS, TAKE_PROFIT -> false;
    };
  }

  /** Orders that wait for a stop price before they work. */
  public static boolean isStop(OrderType type) {
    return switch (type) {
      case STOP_LOSS, STOP_LOSS_LIMIT, TAKE_PROFIT, TAKE_PROFIT_LIMIT -> true;
      case LIMIT, LIMIT_MAKER, MARKET -> false;
    };
  }

  /** Statuses after which nothing more happens to an order. */
  public static boolean isFinal(OrderStatus status) {
    return switch (status) {
      case FILLED, CANCELED, EXPIRED, REJECTED -> true;
      case NEW, PARTIALLY_FILLED -> false;
    };
  }
}
