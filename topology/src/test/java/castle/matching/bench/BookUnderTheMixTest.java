package castle.matching.bench;

import static org.assertj.core.api.Assertions.assertThat;

import castle.matching.book.FastOrderBook;
import castle.matching.book.MatchListener;
import castle.matching.book.Order;
import castle.matching.book.OrderBook;
import castle.matching.book.ReferenceOrderBook;
import castle.matching.book.Taker;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fast book against the reference book over a long run of the benchmark mix, where levels empty
 * and refill all the time across the whole ladder: the fast book's lazy level removal and compaction
 * must never show.
 */
class BookUnderTheMixTest {

  @Test
  void theFastBookStaysIdenticalToTheReferenceOverALongMix() {
    // Given
    OrderMix mix = new OrderMix(7);
    OrderBook fast = new FastOrderBook();
    OrderBook reference = new ReferenceOrderBook();
    Recorder fastTrades = new Recorder();
    Recorder referenceTrades = new Recorder();
    Taker taker = new Taker();
    long sequence = 0;
    List<OrderMix.Command> commands = new ArrayList<>(mix.prefill());

    // When
    for (int i = 0; i < 100_000; i++) {
      commands.add(mix.next());
    }
    for (OrderMix.Command command : commands) {
      sequence++;
      OrderMix.apply(fast, taker, fastTrades, command, sequence);
      OrderMix.apply(reference, taker, referenceTrades, command, sequence);

      // Then
      assertThat(fast.bestPrice(true)).isEqualTo(reference.bestPrice(true));
      assertThat(fast.bestPrice(false)).isEqualTo(reference.bestPrice(false));
      if (sequence % 500 == 0) {
        assertThat(describe(fast)).isEqualTo(describe(reference));
        assertThat(levels(fast, true)).isEqualTo(levels(reference, true));
        assertThat(levels(fast, false)).isEqualTo(levels(reference, false));
      }
    }
    assertThat(fastTrades.fills).isEqualTo(referenceTrades.fills).hasSizeGreaterThan(1000);
  }

  private static List<String> describe(OrderBook book) {
    List<String> orders = new ArrayList<>();
    book.forEachOrder(o -> orders.add(o.orderId() + " " + o.leaves() + "@" + o.price()));
    return orders;
  }

  private static List<Long> levels(OrderBook book, boolean buy) {
    long[] prices = new long[5000];
    long[] quantities = new long[5000];
    int n = book.levels(buy, 5000, prices, quantities);
    List<Long> levels = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      levels.add(prices[i]);
      levels.add(quantities[i]);
      assertThat(book.levelQuantity(buy, prices[i])).isEqualTo(quantities[i]);
    }
    return levels;
  }

  private static final class Recorder implements MatchListener {
    final List<String> fills = new ArrayList<>();

    @Override
    public void onTrade(Order maker, long qty, long price, long quote) {
      fills.add(maker.orderId() + " " + qty + "@" + price);
    }

    @Override
    public void onMakerExpired(Order maker) {
      fills.add("expired " + maker.orderId());
    }
  }
}
