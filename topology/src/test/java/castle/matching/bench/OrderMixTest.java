package castle.matching.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark mix is the one exchange-core publishes, so the figures compare. */
class OrderMixTest {

  @Test
  void theMixHasExchangeCoresShape() {
    // Given
    OrderMix mix = new OrderMix(42);
    mix.prefill();

    // When
    Map<OrderMix.Op, Integer> ops = new EnumMap<>(OrderMix.Op.class);
    int commands = 200_000;
    int orders = 0;
    int levels = 0;
    for (int i = 0; i < commands; i++) {
      ops.merge(mix.next().op(), 1, Integer::sum);
      if (i % 1000 == 0) {
        orders += mix.book().size();
        long[] prices = new long[5000];
        levels += mix.book().levels(true, 5000, prices, new long[5000])
            + mix.book().levels(false, 5000, prices, new long[5000]);
      }
    }

    // Then about 9% GTC, 3% IOC, 6% cancels, 82% moves; ~1,000 orders on ~750 levels; ~6% trading
    assertThat(share(ops.get(OrderMix.Op.GTC), commands)).isBetween(0.08, 0.10);
    assertThat(share(ops.get(OrderMix.Op.IOC), commands)).isBetween(0.025, 0.035);
    assertThat(share(ops.get(OrderMix.Op.CANCEL), commands)).isBetween(0.05, 0.07);
    assertThat(share(ops.get(OrderMix.Op.MOVE), commands)).isBetween(0.80, 0.84);
    assertThat(orders / (commands / 1000)).isBetween(900, 1100);
    assertThat(levels / (commands / 1000)).isBetween(650, 850);
    assertThat(mix.tradingShare()).isBetween(0.04, 0.08);
  }

  private static double share(int count, int total) {
    return (double) count / total;
  }
}
