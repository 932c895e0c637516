package castle.bench.workload;

import castle.bench.binance.Credentials;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * One simulated trader: its API key and the orders it believes are resting, per symbol, so it can
 * cancel them as a market maker would. The list learns from the answers (an order that rests) and,
 * when streams are timed, from its executionReports (an order that filled or ended). It keeps at most
 * {@code remembered} orders per symbol, forgetting the oldest, which have most likely filled.
 */
public final class Trader {

  private final Credentials credentials;
  private final int remembered;
  private final Map<String, ConcurrentLinkedDeque<Long>> resting = new ConcurrentHashMap<>();

  /** A trader using these credentials, remembering up to {@code remembered} resting orders per symbol. */
  public Trader(Credentials credentials, int remembered) {
    this.credentials = credentials;
    this.remembered = remembered;
  }

  /** Its API key and secret. */
  public Credentials credentials() {
    return credentials;
  }

  /** Remembers an order that rests on {@code symbol}. */
  public void resting(String symbol, long orderId) {
    ConcurrentLinkedDeque<Long> orders = resting.computeIfAbsent(symbol, s -> new ConcurrentLinkedDeque<>());
    orders.addLast(orderId);
    while (orders.size() > remembered) {
      orders.pollFirst();
    }
  }

  /** Forgets an order that no longer rests (filled, canceled or expired). */
  public void ended(String symbol, long orderId) {
    ConcurrentLinkedDeque<Long> orders = resting.get(symbol);
    if (orders != null) {
      orders.remove(orderId);
    }
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
