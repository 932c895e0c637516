package castle.matching.book;

import castle.schema.orders.SelfTradePreventionMode;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The book matching runs: primitive longs and intrusive links, no boxing and no allocation on the
 * matching path. Each side is a sorted array of price levels with the best level last, so taking or
 * adding at the top of the book (most of the traffic) moves nothing, and a price is found by binary
 * search. Each level is a doubly linked queue of its orders, oldest first, so any order leaves in
 * O(1) once {@link OrderIndex} has found it by id.
 */
public final class FastOrderBook implements OrderBook {

  private final Ladder bids = new Ladder(true);
  private final Ladder asks = new Ladder(false);
  private final OrderIndex index = new OrderIndex();

  /** The orders resting at one price, oldest at the head. */
  static final class Level {
    final long price;
    long total;
    int count;
    Order head;
    Order tail;

    Level(long price) {
      this.price = price;
    }
  }

  /**
   * One side's levels sorted by rank, best last. A bid's rank is its price and an ask's the
   * negated price, so "higher rank is better" holds on both sides. A level that empties below the
   * top stays in place, empty, until an order arrives at its price again or empty levels outnumber
   * live ones: cancel/replace traffic empties and refills the same prices all the time, and shifting
   * the arrays for each would cost more than the matching.
   */
  private static final class Ladder {
    final boolean buy;
    long[] ranks = new long[64];
    Level[] levels = new Level[64];
    int size;
    int empty;

    Ladder(boolean buy) {
      this.buy = buy;
    }

    long rank(long price) {
      return buy ? price : -price;
    }

    /** The best level with orders, dropping empty ones from the top. */
    Level best() {
      while (size > 0 && levels[size - 1].count == 0) {
        levels[--size] = null;
        empty--;
      }
      return size == 0 ? null : levels[size - 1];
    }

    /** The level's index, or -(insertion point) - 1, as {@link Arrays#binarySearch}. */
    int indexOf(long price) {
      return Arrays.binarySearch(ranks, 0, size, rank(price));
    }

    Level find(long price) {
      int i = indexOf(price);
      return i >= 0 ? levels[i] : null;
    }

    /** The level at this price, ready for an order: an existing one (perhaps empty) or a new one. */
    Level obtain(long price) {
      int i = indexOf(price);
      if (i >= 0) {
        if (levels[i].count == 0) {
          empty--;
        }
        return levels[i];
      }
      int at = -i - 1;
      if (size == ranks.length) {
        ranks = Arrays.copyOf(ranks, size * 2);
        levels = Arrays.copyOf(levels, size * 2);
      }
      System.arraycopy(ranks, at, ranks, at + 1, size - at);
      System.arraycopy(levels, at, levels, at + 1, size - at);
      Level level = new Level(price);
      ranks[at] = rank(price);
      levels[at] = level;
      size++;
      return level;
    }

    /** Notes that a level lost its last order; compacts once empty levels outnumber live ones. */
    void emptied() {
      if (++empty > 64 && 2 * empty > size) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
          if (levels[i].count > 0) {
            ranks[kept] = ranks[i];
            levels[kept++] = levels[i];
          }
        }
        Arrays.fill(levels, kept, size, null);
        size = kept;
        empty = 0;
      }
    }
  }

  @Override
  public MatchEnd match(Taker taker, MatchListener listener) {
    Ladder opposite = taker.buy() ? asks : bids;
    while (true) {
      if (taker.qtyLeft() == 0) {
        return MatchEnd.QUANTITY_DONE;
      }
      if (taker.quoteLeft() == 0) {
        return MatchEnd.QUOTE_DONE;
      }
      Level level = opposite.best();
      if (level == null || !taker.accepts(level.price)) {
        return MatchEnd.NO_LIQUIDITY;
      }
      Order maker = level.head;
      if (taker.preventsTradeWith(maker)) {
        SelfTradePreventionMode mode = taker.selfTradePrevention();
        if (mode == SelfTradePreventionMode.EXPIRE_TAKER) {
          return MatchEnd.SELF_TRADE;
        }
        detach(maker);
        listener.onMakerExpired(maker);
        if (mode == SelfTradePreventionMode.EXPIRE_BOTH) {
          return MatchEnd.SELF_TRADE;
        }
        continue;
      }
      long price = level.price;
      long qty = taker.fillQuantity(maker.leaves(), price);
      if (qty == 0) {
        return MatchEnd.QUOTE_DONE;
      }
      long quote = taker.notional(price, qty);
      taker.fill(qty, quote);
      maker.fill(qty, quote);
      level.total -= qty;
      if (maker.leaves() == 0) {
        detach(maker);
      }
      listener.onTrade(maker, qty, price, quote);
    }
  }

  @Override
  public boolean canFillCompletely(Taker taker) {
    Ladder opposite = taker.buy() ? asks : bids;
    FillCheck check = new FillCheck(taker);
    walk:
    for (int i = opposite.size - 1; i >= 0; i--) {
      Level level = opposite.levels[i];
      if (level.count == 0) {
        continue;
      }
      if (!taker.accepts(level.price)) {
        break;
      }
      for (Order maker = level.head; maker != null; maker = maker.next) {
        if (!check.offer(maker)) {
          break walk;
        }
      }
    }
    return check.complete();
  }

  @Override
  public boolean wouldTake(boolean buy, long price) {
    Level best = (buy ? asks : bids).best();
    return best != null && (buy ? best.price <= price : best.price >= price);
  }

  @Override
  public void add(Order order) {
    Level level = (order.buy() ? bids : asks).obtain(order.price());
    order.level = level;
    order.next = null;
    order.prev = level.tail;
    if (level.tail == null) {
      level.head = order;
    } else {
      level.tail.next = order;
    }
    level.tail = order;
    level.count++;
    level.total += order.leaves();
    index.put(order.orderId(), order);
  }

  @Override
  public Order remove(long orderId) {
    Order order = index.get(orderId);
    if (order != null) {
      detach(order);
    }
    return order;
  }

  @Override
  public Order find(long orderId) {
    return index.get(orderId);
  }

  @Override
  public long bestPrice(boolean buy) {
    Level best = (buy ? bids : asks).best();
    return best == null ? 0 : best.price;
  }

  @Override
  public long levelQuantity(boolean buy, long price) {
    Level level = (buy ? bids : asks).find(price);
    return level == null ? 0 : level.total;
  }

  @Override
  public int levels(boolean buy, int maxLevels, long[] prices, long[] quantities) {
    Ladder ladder = buy ? bids : asks;
    int n = 0;
    for (int i = ladder.size - 1; i >= 0 && n < maxLevels; i--) {
      Level level = ladder.levels[i];
      if (level.count > 0) {
        prices[n] = level.price;
        quantities[n++] = level.total;
      }
    }
    return n;
  }

  @Override
  public void forEachOrder(Consumer<Order> visitor) {
    for (Ladder ladder : new Ladder[] {bids, asks}) {
      for (int i = ladder.size - 1; i >= 0; i--) {
        for (Order order = ladder.levels[i].head; order != null; order = order.next) {
          visitor.accept(order);
        }
      }
    }
  }

  @Override
  public int size() {
    return index.size();
  }

  /** Unlinks a resting order from its level and the index, dropping the level once empty. */
  private void detach(Order order) {
    Level level = order.level;
    level.total -= order.leaves();
    if (order.prev == null) {
      level.head = order.next;
    } else {
      order.prev.next = order.next;
    }
    if (order.next == null) {
      level.tail = order.prev;
    } else {
      order.next.prev = order.prev;
    }
    order.prev = null;
    order.next = null;
    order.level = null;
    if (--level.count == 0) {
      (order.buy() ? bids : asks).emptied();
    }
    index.remove(order.orderId());
  }
}
