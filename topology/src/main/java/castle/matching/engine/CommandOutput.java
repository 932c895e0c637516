package castle.matching.engine;

import castle.matching.book.Order;
import castle.schema.market.DepthUpdate;
import castle.schema.market.Trade;
import castle.schema.orders.Execution;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Everything one command produced, in the order it must be published: executions (the taker's and
 * the makers' interleaved in match order), one trade per match, at most one depth update. It also
 * lists the orders the command changed, which the processor writes through to the store. The
 * engine reuses one instance: read it before the next command.
 */
public final class CommandOutput {

  private final List<Execution> executions = new ArrayList<>();
  private final List<Trade> trades = new ArrayList<>();
  private final List<Order> changedOrders = new ArrayList<>();
  private final Set<Order> changed = Collections.newSetFromMap(new IdentityHashMap<>());
  private DepthUpdate depthUpdate;

  void clear() {
    executions.clear();
    trades.clear();
    changedOrders.clear();
    changed.clear();
    depthUpdate = null;
  }

  void add(Execution execution) {
    executions.add(execution);
  }

  void add(Trade trade) {
    trades.add(trade);
  }

  void changed(Order order) {
    if (changed.add(order)) {
      changedOrders.add(order);
    }
  }

  void depthUpdate(DepthUpdate update) {
    this.depthUpdate = update;
  }

  /** Executions, keyed by their accountId on orders.executions. */
  public List<Execution> executions() {
    return executions;
  }

  /** Trades, for market.trades. */
  public List<Trade> trades() {
    return trades;
  }

  /** The depth update for market.depth, or null when the command changed no level. */
  public DepthUpdate depthUpdate() {
    return depthUpdate;
  }

  /**
   * Orders whose state the command changed, each once, in the order first changed. An order that is
   * no longer {@link Order#live()} left the book or the stop list.
   */
  public List<Order> changedOrders() {
    return changedOrders;
  }
}
