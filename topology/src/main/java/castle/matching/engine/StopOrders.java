package castle.matching.engine;

import castle.matching.book.Order;
import castle.schema.orders.OrderType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Stop and take-profit orders waiting for their trigger, indexed by trigger price. A stop either
 * waits for the price to fall to it (a SELL stop-loss, a BUY take-profit: some trade at or below
 * the stop price) or to rise to it (a BUY stop-loss, a SELL take-profit: some trade at or above).
 * Among the stops a command's trades trigger, the oldest goes first.
 */
public final class StopOrders {

  private static final Comparator<Order> BY_STOP_PRICE =
      Comparator.comparingLong(Order::stopPrice).thenComparingLong(Order::sequence);

  private final NavigableSet<Order> falling = new TreeSet<>(BY_STOP_PRICE);
  private final NavigableSet<Order> rising = new TreeSet<>(BY_STOP_PRICE);
  private final Map<Long, Order> byId = new HashMap<>();

  /** Whether the order type waits for a trigger. */
  public static boolean isStop(OrderType type) {
    return switch (type) {
      case STOP_LOSS, STOP_LOSS_LIMIT, TAKE_PROFIT, TAKE_PROFIT_LIMIT -> true;
      default -> false;
    };
  }

  /** Whether a trade at some price between {@code low} and {@code high} triggers the stop. */
  public static boolean triggeredBy(Order stop, long low, long high) {
    return fallsToTrigger(stop) ? low <= stop.stopPrice() : high >= stop.stopPrice();
  }

  /** Adds a waiting stop; its sequence must not change while it waits. */
  public void add(Order stop) {
    (fallsToTrigger(stop) ? falling : rising).add(stop);
    byId.put(stop.orderId(), stop);
  }

  /** Removes a waiting stop (triggered or canceled). */
  public void remove(Order stop) {
    (fallsToTrigger(stop) ? falling : rising).remove(stop);
    byId.remove(stop.orderId());
  }

  /** The waiting stop with this id, or null. */
  public Order find(long orderId) {
    return byId.get(orderId);
  }

  /** The account's waiting stops, oldest first. */
  public List<Order> ordersOf(long accountId) {
    List<Order> orders = new ArrayList<>();
    for (Order stop : byId.values()) {
      if (stop.accountId() == accountId) {
        orders.add(stop);
      }
    }
    orders.sort(Comparator.comparingLong(Order::sequence));
    return orders;
  }

  /** Every waiting stop, oldest first. */
  public List<Order> all() {
    List<Order> orders = new ArrayList<>(byId.values());
    orders.sort(Comparator.comparingLong(Order::sequence));
    return orders;
  }

  /** How many stops wait. */
  public int size() {
    return byId.size();
  }

  /** The oldest stop that a trade at some price in [low, high] triggers, or null. */
  public Order nextTriggered(long low, long high) {
    Order oldest = null;
    for (Order stop : falling.descendingSet()) {
      if (stop.stopPrice() < low) {
        break;
      }
      oldest = older(oldest, stop);
    }
    for (Order stop : rising) {
      if (stop.stopPrice() > high) {
        break;
      }
      oldest = older(oldest, stop);
    }
    return oldest;
  }

  private static Order older(Order a, Order b) {
    return a == null || b.sequence() < a.sequence() ? b : a;
  }

  private static boolean fallsToTrigger(Order stop) {
    boolean stopLoss = stop.type() == OrderType.STOP_LOSS || stop.type() == OrderType.STOP_LOSS_LIMIT;
    return stopLoss != stop.buy();
  }
}
