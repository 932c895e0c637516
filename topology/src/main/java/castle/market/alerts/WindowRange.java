package castle.market.alerts;

import castle.market.candles.CandleSource;
import castle.market.candles.Interval;
import castle.schema.market.Candle;
import java.util.HashMap;
import java.util.Map;

/**
 * The lowest and highest trade price of a symbol over whole minutes, from its one-minute candles.
 * The minutes before the current one rarely change (only a late trade within the grace period does
 * that), so their range is cached per symbol and start minute until the current minute moves on or
 * a late trade arrives; only the current minute's candle is read on every trade. The cache is derived
 * from the stores and starts empty after a restart.
 */
final class WindowRange {

  /** A price range; {@code low} is {@link Long#MAX_VALUE} when no trade fell in it. */
  record Range(long low, long high) {
    static final Range NONE = new Range(Long.MAX_VALUE, Long.MIN_VALUE);

    Range with(long lowPrice, long highPrice) {
      return new Range(Math.min(low, lowPrice), Math.max(high, highPrice));
    }

    Range with(Range other) {
      return with(other.low, other.high);
    }
  }

  private record Closed(long currentMinute, Map<Long, Range> byStart) {}

  private final CandleSource candles;
  private final Map<String, Closed> closed = new HashMap<>();

  WindowRange(CandleSource candles) {
    this.candles = candles;
  }

  /** The range over the minutes from {@code fromMinute} up to and including {@code currentMinute}. */
  Range over(String symbol, long fromMinute, long currentMinute) {
    if (fromMinute > currentMinute) {
      return Range.NONE;
    }
    Closed cached = closed.get(symbol);
    if (cached == null || cached.currentMinute() != currentMinute) {
      cached = new Closed(currentMinute, new HashMap<>());
      closed.put(symbol, cached);
    }
    Range before = cached.byStart().computeIfAbsent(fromMinute, start -> scan(symbol, start, currentMinute - 1));
    return before.with(scan(symbol, currentMinute, currentMinute));
  }

  /** Forgets a symbol's cached minutes, because a late trade changed one of them. */
  void invalidate(String symbol) {
    closed.remove(symbol);
  }

  private Range scan(String symbol, long fromMinute, long toMinute) {
    Range range = Range.NONE;
    for (Candle candle : candles.range(symbol, Interval.M1, fromMinute, toMinute)) {
      range = range.with(candle.getLow(), candle.getHigh());
    }
    return range;
  }
}
