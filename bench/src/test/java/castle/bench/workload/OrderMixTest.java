package castle.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import castle.bench.workload.OrderMix.Action;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OrderMixTest {

  @Test
  void drawsActionsInTheGivenProportions() {
    OrderMix mix = OrderMix.parse("passive=50, cross=20, market=10, ioc=10, cancel=10");
    SplittableRandom random = new SplittableRandom(42);
    Map<Action, Integer> counts = new EnumMap<>(Action.class);
    for (int i = 0; i < 100_000; i++) {
      counts.merge(mix.next(random), 1, Integer::sum);
    }

    assertThat(counts.get(Action.PASSIVE)).isBetween(49_000, 51_000);
    assertThat(counts.get(Action.CROSS)).isBetween(19_000, 21_000);
    assertThat(counts.get(Action.CANCEL)).isBetween(9_300, 10_700);
  }

  @Test
  void aZeroWeightNeverComesUp() {
    OrderMix mix = OrderMix.parse("passive=1,cancel=0");
    SplittableRandom random = new SplittableRandom(7);

    for (int i = 0; i < 1_000; i++) {
      assertThat(mix.next(random)).isEqualTo(Action.PASSIVE);
    }
  }

  @Test
  void refusesWhatItCannotRead() {
    assertThatThrownBy(() -> OrderMix.parse("passive")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OrderMix.parse("hodl=5")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OrderMix.parse("passive=-1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OrderMix.parse("passive=0")).isInstanceOf(IllegalArgumentException.class);
  }
}
