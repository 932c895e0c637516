package castle.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import castle.matching.book.Order;
import castle.matching.book.OrderBook;
import castle.schema.orders.AcceptedCommand;
import castle.schema.orders.AcceptedOrder;
import castle.schema.orders.Execution;
import castle.schema.orders.ExecutionType;
import castle.schema.orders.Side;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The invariants matching keeps after every command, checked against an engine and the outputs it
 * produced: the book is uncrossed and in price-time order with consistent level totals; quantity is
 * conserved (placed = filled + resting + canceled + expired, over quantity-sized orders); no BUY
 * spends more quote than reserved; every command completes exactly once on its own account.
 */
final class MarketInvariants {

  private final Map<Long, Long> origQty = new HashMap<>();
  private final Map<Long, Long> reservedQuote = new HashMap<>();
  private long placed;
  private long filled;
  private long closed;

  /** Checks the engine and the command's output; call after every command, in order. */
  void check(SymbolEngine engine, AcceptedCommand command, CommandOutput output) {
    int complete = 0;
    for (Execution e : output.executions()) {
      if (e.getExecutionType() == ExecutionType.NEW && command.getAction() instanceof AcceptedOrder accepted
          && accepted.getOrder().getOrderId() == e.getOrderId() && e.getSide() == Side.BUY) {
        reservedQuote.put(e.getOrderId(), accepted.getReserved());
      }
      account(e);
      if (e.getCommandComplete()) {
        complete++;
        assertThat(e.getAccountId()).isEqualTo(command.getAccountId());
        assertThat(e.getCommandId()).isEqualTo(command.getCommandId());
      }
      if (e.getSide() == Side.BUY && reservedQuote.containsKey(e.getOrderId())) {
        assertThat(e.getCumQuoteQty()).as("quote spent by %s", e.getOrderId())
            .isLessThanOrEqualTo(reservedQuote.get(e.getOrderId()));
      }
    }
    assertThat(complete).as("commandComplete executions of command %s", command.getCommandId()).isEqualTo(1);
    checkBook(engine.book());
    long resting = 0;
    List<Order> live = new ArrayList<>();
    engine.book().forEachOrder(live::add);
    live.addAll(engine.stops().all());
    for (Order order : live) {
      resting += order.leaves();
      assertThat(order.live()).isTrue();
    }
    assertThat(placed).as("placed = filled + resting + canceled + expired").isEqualTo(filled + resting + closed);
  }

  private void account(Execution e) {
    switch (e.getExecutionType()) {
      case NEW -> {
        // Order ids are unique per the contract; the generator reuses finished ones on purpose.
        origQty.remove(e.getOrderId());
        if (e.getOrigQty() > 0) {
          origQty.put(e.getOrderId(), e.getOrigQty());
          placed += e.getOrigQty();
        }
      }
      case TRADE -> {
        if (origQty.containsKey(e.getOrderId())) {
          filled += e.getLastQty();
        }
      }
      case CANCELED, EXPIRED -> {
        if (origQty.containsKey(e.getOrderId())) {
          closed += e.getOrigQty() - e.getCumQty();
        }
      }
      default -> { }
    }
  }

  /** Uncrossed; bids by falling price, asks by rising price, each level oldest first; totals add up. */
  static void checkBook(OrderBook book) {
    long bestBid = book.bestPrice(true);
    long bestAsk = book.bestPrice(false);
    if (bestBid != 0 && bestAsk != 0) {
      assertThat(bestBid).as("best bid below best ask").isLessThan(bestAsk);
    }
    List<Order> bids = new ArrayList<>();
    List<Order> asks = new ArrayList<>();
    book.forEachOrder(o -> (o.buy() ? bids : asks).add(o));
    checkSide(book, true, bids);
    checkSide(book, false, asks);
    assertThat(bids.size() + asks.size()).isEqualTo(book.size());
  }

  private static void checkSide(OrderBook book, boolean buy, List<Order> orders) {
    Map<Long, Long> totals = new HashMap<>();
    for (int i = 0; i < orders.size(); i++) {
      Order order = orders.get(i);
      assertThat(order.leaves()).isPositive();
      assertThat(book.find(order.orderId())).isSameAs(order);
      totals.merge(order.price(), order.leaves(), Long::sum);
      if (i > 0) {
        Order before = orders.get(i - 1);
        if (before.price() == order.price()) {
          assertThat(before.sequence()).as("time priority at %s", order.price()).isLessThan(order.sequence());
        } else {
          assertThat(buy ? before.price() > order.price() : before.price() < order.price())
              .as("price priority").isTrue();
        }
      }
    }
    long[] prices = new long[totals.size() + 1];
    long[] quantities = new long[totals.size() + 1];
    int n = book.levels(buy, prices.length, prices, quantities);
    assertThat(n).isEqualTo(totals.size());
    for (int k = 0; k < n; k++) {
      assertThat(quantities[k]).isEqualTo(totals.get(prices[k])).isEqualTo(book.levelQuantity(buy, prices[k]));
    }
  }
}
