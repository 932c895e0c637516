package castle.bench.workload;

import castle.bench.workload.OrderMix.Action;
import java.util.List;
import java.util.random.RandomGenerator;
import org.eclipse.jetty.http.HttpMethod;

/**
 * Turns the mix into concrete requests around each symbol's mid price: passive orders rest 1-10
 * ticks away on their own side, crossing orders reach 10 ticks into the other side, IOC orders sit at
 * the mid, market buys spend a quote amount and market sells give a quantity, and cancels take the
 * trader's oldest resting order (a passive order when it has none).
 */
public final class OrderFactory {

  private final OrderMix mix;
  private final List<SymbolSpec> symbols;
  private final double fullRatio;
  private final String runId;

  /**
   * @param fullRatio share of orders that ask for FULL answers
   * @param runId prefix of client order ids, unique per run
   */
  public OrderFactory(OrderMix mix, List<SymbolSpec> symbols, double fullRatio, String runId) {
    this.mix = mix;
    this.symbols = List.copyOf(symbols);
    this.fullRatio = fullRatio;
    this.runId = runId;
  }

  /** The next request of {@code trader}, number {@code index} of the run. */
  public OrderRequest next(long index, Trader trader, RandomGenerator random) {
    SymbolSpec symbol = symbols.get((int) (index % symbols.size()));
    Action action = mix.next(random);
    if (action == Action.CANCEL) {
      long orderId = trader.takeOldest(symbol.symbol());
      if (orderId >= 0) {
        String id = runId + "c" + index;
        return new OrderRequest(Action.CANCEL, HttpMethod.DELETE, symbol.symbol(),
            "symbol=" + symbol.symbol() + "&orderId=" + orderId + "&newClientOrderId=" + id, true, id);
      }
      action = Action.PASSIVE;
    }
    boolean buy = random.nextBoolean();
    boolean full = random.nextDouble() < fullRatio;
    String id = runId + "o" + index;
    int lots = 1 + random.nextInt(5);
    String params = switch (action) {
      case PASSIVE -> limit(symbol, buy, "GTC", buy ? -(1 + random.nextInt(10)) : 1 + random.nextInt(10), lots);
      case CROSS -> limit(symbol, buy, "GTC", buy ? 10 : -10, lots);
      case IOC -> limit(symbol, buy, "IOC", 0, lots);
      case MARKET -> "symbol=" + symbol.symbol() + "&side=" + side(buy) + "&type=MARKET"
          + (buy ? "&quoteOrderQty=" + symbol.quoteAmount(lots) : "&quantity=" + symbol.quantity(lots));
      case CANCEL -> throw new IllegalStateException("handled above");
    };
    return new OrderRequest(action, HttpMethod.POST, symbol.symbol(),
        params + "&newClientOrderId=" + id + "&newOrderRespType=" + (full ? "FULL" : "ACK"), full, id);
  }

  private static String limit(SymbolSpec symbol, boolean buy, String timeInForce, int ticks, int lots) {
    return "symbol=" + symbol.symbol() + "&side=" + side(buy) + "&type=LIMIT&timeInForce=" + timeInForce
        + "&price=" + symbol.priceAt(ticks) + "&quantity=" + symbol.quantity(lots);
  }

  private static String side(boolean buy) {
    return buy ? "BUY" : "SELL";
  }
}
