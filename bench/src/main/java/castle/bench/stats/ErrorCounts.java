package castle.bench.stats;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Failed requests by what failed: a Binance error code, an HTTP status, or a transport failure. */
public final class ErrorCounts {

  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  /** Counts one failure of the given kind, such as {@code -2010} or {@code timeout}. */
  public void add(String kind) {
    counts.computeIfAbsent(kind, k -> new LongAdder()).increment();
  }

  /** Forgets every count, as at the end of a warm-up. */
  public void reset() {
    counts.clear();
  }

  /** All failures so far. */
  public long total() {
    return counts.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** Failures by kind, sorted. */
  public Map<String, Long> byKind() {
    Map<String, Long> snapshot = new TreeMap<>();
    counts.forEach((kind, count) -> snapshot.put(kind, count.sum()));
    return snapshot;
  }
}
