package castle.market.candles;

import castle.schema.market.Candle;
import castle.schema.market.OpenCandle;
import castle.schema.market.OpenCandles;
import castle.schema.market.PublicTrade;
import java.util.ArrayList;
import java.util.List;

/**
 * A symbol's open candles: each trade updates the candle of every interval that contains its time,
 * and a candle becomes final once the market clock has passed its end by the grace period. Only
 * trades whose one-minute window is still open count; every larger interval's candle then is open
 * too, so the roll-ups always equal the sum of their minutes.
 */
public final class OpenCandleBook {

  private final long graceMs;

  /** Candles that accept late trades for {@code graceMs} after they end. */
  public OpenCandleBook(long graceMs) {
    this.graceMs = graceMs;
  }

  /** Whether a trade at {@code tradeTime} may still change candles when the clock reads {@code clock}. */
  public boolean accepts(long tradeTime, long clock) {
    return clock < deadline(Interval.M1, Interval.M1.openTime(tradeTime));
  }

  /** Adds a trade to the candle of every interval, opening the candles it is the first trade of. */
  public void add(OpenCandles set, PublicTrade trade, int baseScale, int quoteScale) {
    for (Interval interval : Interval.values()) {
      Candle candle = find(set, interval, interval.openTime(trade.getTime()));
      if (candle == null) {
        Candle started = Candles.start(set.getSymbol(), interval, trade, baseScale, quoteScale);
        set.getCandles().add(OpenCandle.newBuilder().setCandle(started).setEmittedVersion(0).build());
      } else {
        Candles.add(candle, trade);
      }
    }
  }

  /** Removes and returns the candles whose grace period has ended, marked closed at their next version. */
  public List<Candle> closeDue(OpenCandles set, long clock) {
    List<Candle> closed = new ArrayList<>();
    List<OpenCandle> stillOpen = new ArrayList<>();
    for (OpenCandle open : set.getCandles()) {
      Candle candle = open.getCandle();
      if (clock >= deadline(Candles.intervalOf(candle), candle.getOpenTime())) {
        candle.setClosed(true);
        candle.setVersion(candle.getVersion() + 1);
        closed.add(candle);
      } else {
        stillOpen.add(open);
      }
    }
    set.setCandles(stillOpen);
    return closed;
  }

  /** When the next candle of the set becomes final, or {@link Long#MAX_VALUE} when none is open. */
  public long nextDeadline(OpenCandles set) {
    long next = Long.MAX_VALUE;
    for (OpenCandle open : set.getCandles()) {
      Candle candle = open.getCandle();
      next = Math.min(next, deadline(Candles.intervalOf(candle), candle.getOpenTime()));
    }
    return next;
  }

  /** Copies of the candles changed since they were last emitted, which now count as emitted. */
  public static List<Candle> takeUnemitted(OpenCandles set) {
    List<Candle> changed = new ArrayList<>();
    for (OpenCandle open : set.getCandles()) {
      if (open.getCandle().getVersion() > open.getEmittedVersion()) {
        open.setEmittedVersion(open.getCandle().getVersion());
        changed.add(Candle.newBuilder(open.getCandle()).build());
      }
    }
    return changed;
  }

  /** Whether any candle of the set waits to be emitted. */
  public static boolean hasUnemitted(OpenCandles set) {
    return set.getCandles().stream().anyMatch(open -> open.getCandle().getVersion() > open.getEmittedVersion());
  }

  private long deadline(Interval interval, long openTime) {
    return interval.next(openTime) + graceMs;
  }

  private static Candle find(OpenCandles set, Interval interval, long openTime) {
    for (OpenCandle open : set.getCandles()) {
      Candle candle = open.getCandle();
      if (candle.getOpenTime() == openTime && candle.getInterval().equals(interval.code())) {
        return candle;
      }
    }
    return null;
  }
}
