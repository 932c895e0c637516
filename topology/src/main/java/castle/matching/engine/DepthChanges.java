package castle.matching.engine;

import castle.matching.book.OrderBook;
import castle.schema.market.PriceLevel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The price levels one command touched, per side. At the end of the command they become the
 * command's single depth update, each level with its absolute quantity after the command, bids best
 * first and asks best first.
 */
final class DepthChanges {

  private long[] bids = new long[16];
  private long[] asks = new long[16];
  private int bidCount;
  private int askCount;

  void clear() {
    bidCount = 0;
    askCount = 0;
  }

  boolean isEmpty() {
    return bidCount == 0 && askCount == 0;
  }

  void touch(boolean buy, long price) {
    if (buy) {
      if (bidCount == bids.length) {
        bids = Arrays.copyOf(bids, bidCount * 2);
      }
      bids[bidCount++] = price;
    } else {
      if (askCount == asks.length) {
        asks = Arrays.copyOf(asks, askCount * 2);
      }
      asks[askCount++] = price;
    }
  }

  /** The touched bid levels, best (highest) first, with their quantities now. */
  List<PriceLevel> bids(OrderBook book) {
    return levels(book, true, bids, bidCount);
  }

  /** The touched ask levels, best (lowest) first, with their quantities now. */
  List<PriceLevel> asks(OrderBook book) {
    return levels(book, false, asks, askCount);
  }

  private static List<PriceLevel> levels(OrderBook book, boolean buy, long[] prices, int count) {
    Arrays.sort(prices, 0, count);
    List<PriceLevel> levels = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      int i = buy ? count - 1 - k : k;
      if (levels.isEmpty() || levels.get(levels.size() - 1).getPrice() != prices[i]) {
        levels.add(new PriceLevel(prices[i], book.levelQuantity(buy, prices[i])));
      }
    }
    return levels;
  }
}
