package castle.matching.query;

import castle.schema.market.DepthUpdate;
import castle.schema.market.PriceLevel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.StampedLock;

/**
 * One symbol's aggregated levels and lastUpdateId, written by the stream thread once per command
 * and read by query threads. A reader copies optimistically and validates the copy against the
 * writer's stamp, so it never sees levels from one update with the updateId of another and the
 * stream thread is not held up; only a reader that raced a writer retries under the read lock.
 */
final class SymbolDepth {

  private final StampedLock lock = new StampedLock();
  private final Side bids = new Side(true);
  private final Side asks = new Side(false);
  private final String symbol;
  private long lastUpdateId;
  private int baseScale;
  private int quoteScale;

  SymbolDepth(String symbol) {
    this.symbol = symbol;
  }

  /** Replaces everything, as after a restore. */
  void reset(long lastUpdateId, int baseScale, int quoteScale, long[][] bidLevels, long[][] askLevels) {
    long stamp = lock.writeLock();
    try {
      this.lastUpdateId = lastUpdateId;
      this.baseScale = baseScale;
      this.quoteScale = quoteScale;
      bids.replace(bidLevels[0], bidLevels[1]);
      asks.replace(askLevels[0], askLevels[1]);
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  /** Applies one depth update: absolute quantities, 0 removes a level. */
  void apply(DepthUpdate update) {
    long stamp = lock.writeLock();
    try {
      for (PriceLevel level : update.getBids()) {
        bids.set(level.getPrice(), level.getQty());
      }
      for (PriceLevel level : update.getAsks()) {
        asks.set(level.getPrice(), level.getQty());
      }
      lastUpdateId = update.getUpdateId();
      baseScale = update.getBaseScale();
      quoteScale = update.getQuoteScale();
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  /** Records new scales from the symbol's configuration. */
  void scales(int baseScale, int quoteScale) {
    long stamp = lock.writeLock();
    try {
      this.baseScale = baseScale;
      this.quoteScale = quoteScale;
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  /** The top {@code limit} levels per side with their lastUpdateId, never torn. */
  DepthSnapshot snapshot(int limit) {
    long stamp = lock.tryOptimisticRead();
    if (stamp != 0) {
      try {
        DepthSnapshot copy = copy(limit);
        if (lock.validate(stamp)) {
          return copy;
        }
      } catch (RuntimeException racedWithWriter) {
        // A concurrent write moved the arrays under the copy; the locked copy below is exact.
      }
    }
    stamp = lock.readLock();
    try {
      return copy(limit);
    } finally {
      lock.unlockRead(stamp);
    }
  }

  private DepthSnapshot copy(int limit) {
    long updateId = lastUpdateId;
    int base = baseScale;
    int quote = quoteScale;
    return new DepthSnapshot(symbol, updateId, base, quote, bids.top(limit), asks.top(limit));
  }

  /** One side's levels sorted by rank (bids: price, asks: -price), best last. */
  private static final class Side {
    private final boolean buy;
    private long[] ranks = new long[64];
    private long[] quantities = new long[64];
    private int size;

    Side(boolean buy) {
      this.buy = buy;
    }

    void replace(long[] prices, long[] qtys) {
      size = 0;
      for (int k = prices.length - 1; k >= 0; k--) {
        set(prices[k], qtys[k]);
      }
    }

    void set(long price, long qty) {
      long rank = buy ? price : -price;
      int i = Arrays.binarySearch(ranks, 0, size, rank);
      if (i >= 0) {
        if (qty == 0) {
          System.arraycopy(ranks, i + 1, ranks, i, size - i - 1);
          System.arraycopy(quantities, i + 1, quantities, i, size - i - 1);
          size--;
        } else {
          quantities[i] = qty;
        }
        return;
      }
      if (qty == 0) {
        return;
      }
      int at = -i - 1;
      if (size == ranks.length) {
        // New arrays are published whole, so an optimistic reader sees the old or the new one.
        long[] grownRanks = Arrays.copyOf(ranks, size * 2);
        long[] grownQuantities = Arrays.copyOf(quantities, size * 2);
        ranks = grownRanks;
        quantities = grownQuantities;
      }
      System.arraycopy(ranks, at, ranks, at + 1, size - at);
      System.arraycopy(quantities, at, quantities, at + 1, size - at);
      ranks[at] = rank;
      quantities[at] = qty;
      size++;
    }

    List<DepthSnapshot.Level> top(int limit) {
      long[] r = ranks;
      long[] q = quantities;
      int count = size;
      int n = Math.min(limit, count);
      List<DepthSnapshot.Level> levels = new ArrayList<>(n);
      for (int k = 0; k < n; k++) {
        int i = count - 1 - k;
        levels.add(new DepthSnapshot.Level(buy ? r[i] : -r[i], q[i]));
      }
      return levels;
    }
  }
}
