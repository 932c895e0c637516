package castle.matching.book;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The plain book: a sorted map of price levels per side, each level a list in arrival order. Slow,
 * and written to be obviously right: the property tests hold {@link FastOrderBook} to it.
 */
public final class ReferenceOrderBook implements OrderBook {

  private final NavigableMap<Long, List<Order>> bids = new TreeMap<>(Comparator.reverseOrder());
  private final NavigableMap<Long, List<Order>> asks = new TreeMap<>();
  private final Map<Long, Order> byId = new HashMap<>();

  @Override
  public MatchEnd match(Taker taker, MatchListener listener) {
    NavigableMap<Long, List<Order>> opposite = side(!taker.buy());
    while (true) {
      if (taker.qtyLeft() == 0) {
        return MatchEnd.QUANTITY_DONE;
      }
      if (taker.quoteLeft() == 0) {
        return MatchEnd.QUOTE_DONE;
      }
      if (opposite.isEmpty() || !taker.accepts(opposite.firstKey())) {
        return MatchEnd.NO_LIQUIDITY;
      }
      Order maker = opposite.firstEntry().getValue().get(0);
      if (taker.preventsTradeWith(maker)) {
        switch (taker.selfTradePrevention()) {
          case EXPIRE_MAKER -> {
            remove(maker.orderId());
            listener.onMakerExpired(maker);
            continue;
          }
          case EXPIRE_BOTH -> {
            remove(maker.orderId());
            listener.onMakerExpired(maker);
            return MatchEnd.SELF_TRADE;
          }
          default -> {
            return MatchEnd.SELF_TRADE;
          }
        }
      }
      long price = maker.price();
      long qty = taker.fillQuantity(maker.leaves(), price);
      if (qty == 0) {
        return MatchEnd.QUOTE_DONE;
      }
      long quote = taker.notional(price, qty);
      taker.fill(qty, quote);
      maker.fill(qty, quote);
      if (maker.leaves() == 0) {
        remove(maker.orderId());
      }
      listener.onTrade(maker, qty, price, quote);
    }
  }

  @Override
  public boolean canFillCompletely(Taker taker) {
    FillCheck check = new FillCheck(taker);
    walk:
    for (Map.Entry<Long, List<Order>> level : side(!taker.buy()).entrySet()) {
      if (!taker.accepts(level.getKey())) {
        break;
      }
      for (Order maker : level.getValue()) {
        if (!check.offer(maker)) {
          break walk;
        }
      }
    }
    return check.complete();
  }

  @Override
  public boolean wouldTake(boolean buy, long price) {
    NavigableMap<Long, List<Order>> opposite = side(!buy);
    if (opposite.isEmpty()) {
      return false;
    }
    long best = opposite.firstKey();
    return buy ? best <= price : best >= price;
  }

  @Override
  public void add(Order order) {
    side(order.buy()).computeIfAbsent(order.price(), p -> new ArrayList<>()).add(order);
    byId.put(order.orderId(), order);
  }

  @Override
  public Order remove(long orderId) {
    Order order = byId.remove(orderId);
    if (order == null) {
      return null;
    }
    NavigableMap<Long, List<Order>> side = side(order.buy());
    List<Order> level = side.get(order.price());
    level.remove(order);
    if (level.isEmpty()) {
      side.remove(order.price());
    }
    return order;
  }

  @Override
  public Order find(long orderId) {
    return byId.get(orderId);
  }

  @Override
  public long bestPrice(boolean buy) {
    NavigableMap<Long, List<Order>> side = side(buy);
    return side.isEmpty() ? 0 : side.firstKey();
  }

  @Override
  public long levelQuantity(boolean buy, long price) {
    List<Order> level = side(buy).get(price);
    return level == null ? 0 : level.stream().mapToLong(Order::leaves).sum();
  }

  @Override
  public int levels(boolean buy, int maxLevels, long[] prices, long[] quantities) {
    int n = 0;
    for (Map.Entry<Long, List<Order>> level : side(buy).entrySet()) {
      if (n == maxLevels) {
        break;
      }
      prices[n] = level.getKey();
      quantities[n] = level.getValue().stream().mapToLong(Order::leaves).sum();
      n++;
    }
    return n;
  }

  @Override
  public void forEachOrder(Consumer<Order> visitor) {
    bids.values().forEach(level -> level.forEach(visitor));
    asks.values().forEach(level -> level.forEach(visitor));
  }

  @Override
  public int size() {
    return byId.size();
  }

  private NavigableMap<Long, List<Order>> side(boolean buy) {
    return buy ? bids : asks;
  }
}
