package castle.bench.stream;

import castle.bench.stats.LatencyChannel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Matches what the streams report with the requests that caused it. A request registers its client
 * order id with its intended start; the first executionReport for that id closes the "submit to own
 * executionReport" latency, and the first trade it takes part in as taker is then awaited on the
 * public trade stream for the "submit to public trade" latency. Whichever of the two streams reports
 * a trade first, the latency is measured when both are known. Entries older than the horizon are
 * dropped, so a lost event cannot grow memory.
 */
public final class PendingOrders {

  private final LatencyChannel ownReport;
  private final LatencyChannel publicTrade;
  private final long horizonNanos;
  private final Map<String, Long> byClientOrderId = new ConcurrentHashMap<>();
  private final Map<String, Long> takerTrades = new ConcurrentHashMap<>();
  private final Map<String, Long> publicTrades = new ConcurrentHashMap<>();

  /** Records into the two channels, forgetting what is older than {@code horizonNanos}. */
  public PendingOrders(LatencyChannel ownReport, LatencyChannel publicTrade, long horizonNanos) {
    this.ownReport = ownReport;
    this.publicTrade = publicTrade;
    this.horizonNanos = horizonNanos;
  }

  /** A request carrying {@code clientOrderId} was meant to start at {@code intendedNanos}. */
  public void submitted(String clientOrderId, long intendedNanos) {
    byClientOrderId.put(clientOrderId, intendedNanos);
  }

  /**
   * An executionReport arrived at {@code nowNanos}. The first one of an order closes its latency; a
   * TRADE where the order was the taker links its trade to the order's intended start.
   */
  public void executionReport(String clientOrderId, boolean trade, boolean maker, String symbol, long tradeId, long nowNanos) {
    Long intended = byClientOrderId.get(clientOrderId);
    if (intended == null) {
      return;
    }
    if (intended >= 0) {
      ownReport.record(intended, nowNanos);
      // Keep the entry, marked as reported, for its first taker trade.
      byClientOrderId.put(clientOrderId, -intended - 1);
    }
    if (trade && !maker) {
      long start = intended >= 0 ? intended : -intended - 1;
      byClientOrderId.remove(clientOrderId);
      String key = symbol + ':' + tradeId;
      Long seen = publicTrades.remove(key);
      if (seen != null) {
        publicTrade.record(start, seen);
      } else {
        takerTrades.put(key, start);
      }
    }
  }

  /** A public trade arrived at {@code nowNanos}. */
  public void publicTrade(String symbol, long tradeId, long nowNanos) {
    String key = symbol + ':' + tradeId;
    Long start = takerTrades.remove(key);
    if (start != null) {
      publicTrade.record(start, nowNanos);
    } else {
      publicTrades.put(key, nowNanos);
    }
  }

  /** Drops entries older than the horizon; call it now and then. */
  public void expire(long nowNanos) {
    long oldest = nowNanos - horizonNanos;
    byClientOrderId.values().removeIf(v -> (v >= 0 ? v : -v - 1) < oldest);
    takerTrades.values().removeIf(v -> v < oldest);
    publicTrades.values().removeIf(v -> v < oldest);
  }

  /** How many requests still wait for a stream event. */
  public int waiting() {
    return byClientOrderId.size() + takerTrades.size();
  }
}
