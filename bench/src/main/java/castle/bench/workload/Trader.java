package castle.bench.workload;

import castle.bench.binance.Credentials;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * One simulated trader: its API key and the orders it believes are resting, per symbol, so it can
 * cancel them as a market maker would. The harness updates the list from its own answers.
 */
public final class Trader {

  private final Credentials credentials;
  private final Map<String, ConcurrentLinkedDeque<Long>> resting = new ConcurrentHashMap<>();

  /** A trader using these credentials. */
  public Trader(Credentials credentials) {
    this.credentials = credentials;
  }

  /** Its API key and secret. */
  public Credentials credentials() {
    return credentials;
  }

  /** Remembers an order that rests on {@code symbol}. */
  public void resting(String symbol, long orderId) {
    resting.computeIfAbsent(symbol, s -> new ConcurrentLinkedDeque<>()).addLast(orderId);
  }

  /** Takes its oldest resting order on {@code symbol} to cancel, or -1 when it has none. */
  public long takeOldest(String symbol) {
    Long orderId = resting.computeIfAbsent(symbol, s -> new ConcurrentLinkedDeque<>()).pollFirst();
    return orderId == null ? -1 : orderId;
  }

  /** How many orders it believes rest on {@code symbol}. */
  public int restingCount(String symbol) {
    ConcurrentLinkedDeque<Long> orders = resting.get(symbol);
    return orders == null ? 0 : orders.size();
  }
}
