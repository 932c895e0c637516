package castle.market.candles;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which symbols of a task have candles to close next, ordered by deadline, so each emission round
 * visits only the symbols that have something to close. Derived from the open-candle store: rebuilt
 * from it when a task starts, never stored.
 */
public final class CandleSchedule {

  private record Entry(long deadline, String symbol) implements Comparable<Entry> {
    @Override
    public int compareTo(Entry other) {
      int byTime = Long.compare(deadline, other.deadline);
      return byTime != 0 ? byTime : symbol.compareTo(other.symbol);
    }
  }

  private final TreeSet<Entry> queue = new TreeSet<>();
  private final Map<String, Long> bySymbol = new HashMap<>();

  /** Sets a symbol's next deadline; {@link Long#MAX_VALUE} removes it. */
  public void set(String symbol, long deadline) {
    Long previous = bySymbol.remove(symbol);
    if (previous != null) {
      queue.remove(new Entry(previous, symbol));
    }
    if (deadline != Long.MAX_VALUE) {
      bySymbol.put(symbol, deadline);
      queue.add(new Entry(deadline, symbol));
    }
  }

  /** The symbol whose deadline has passed at {@code now}, or null. */
  public String due(long now) {
    return queue.isEmpty() || queue.first().deadline() > now ? null : queue.first().symbol();
  }
}
