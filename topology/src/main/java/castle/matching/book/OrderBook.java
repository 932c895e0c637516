package castle.matching.book;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * One symbol's limit order book: resting orders by side, price and time. Matching is price-time:
 * the best price first and, within a price, the oldest order first; every trade executes at the
 * resting (maker's) price. Implementations must behave identically, down to the order of listener
 * calls: {@link ReferenceOrderBook} is the plain one the fast {@link FastOrderBook} is checked
 * against.
 *
 * <p>The book is single-threaded: one stream thread owns it.
 */
public interface OrderBook {

  /**
   * Matches {@code taker} against the opposite side until one of its limits is used up, the book
   * has nothing left within its limit price, or self-trade prevention stops it. Tells the listener
   * about every trade and every maker expired by self-trade prevention, in that order.
   */
  MatchEnd match(Taker taker, MatchListener listener);

  /** Whether {@code taker} would fill completely now; changes nothing (fill-or-kill). */
  boolean canFillCompletely(Taker taker);

  /** Whether an order on this side at this price would trade on arrival (LIMIT_MAKER's test). */
  boolean wouldTake(boolean buy, long price);

  /** Rests {@code order} behind the orders already at its price; its sequence must be the highest yet. */
  void add(Order order);

  /** Takes the resting order with this id out of the book; null when there is none. */
  Order remove(long orderId);

  /** The resting order with this id, or null. */
  Order find(long orderId);

  /** The account's resting orders, oldest first (a scan: for cancel-all, not for the hot path). */
  default List<Order> ordersOf(long accountId) {
    List<Order> orders = new ArrayList<>();
    forEachOrder(order -> {
      if (order.accountId() == accountId) {
        orders.add(order);
      }
    });
    orders.sort(Comparator.comparingLong(Order::sequence));
    return orders;
  }

  /** The best bid (buy) or ask price, or 0 when that side is empty. */
  long bestPrice(boolean buy);

  /** Total quantity resting at one price on one side; 0 when the level is empty. */
  long levelQuantity(boolean buy, long price);

  /**
   * Copies up to {@code maxLevels} aggregated levels of one side, best first, into the arrays;
   * returns how many it copied.
   */
  int levels(boolean buy, int maxLevels, long[] prices, long[] quantities);

  /** Visits every resting order: bids best price first, then asks best first, oldest first within a price. */
  void forEachOrder(Consumer<Order> visitor);

  /** How many orders rest in the book. */
  int size();
}
