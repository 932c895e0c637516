package castle.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OpenLoopScheduleTest {

  @Test
  void requestsAreDueAtExactMultiplesOfTheInterval() {
    OpenLoopSchedule schedule = new OpenLoopSchedule(1_000, 5_000);

    assertThat(schedule.intendedStart(0)).isEqualTo(1_000);
    assertThat(schedule.intendedStart(1)).isEqualTo(1_000 + 200_000);
    assertThat(schedule.intendedStart(5_000)).isEqualTo(1_000 + 1_000_000_000L);
  }

  @Test
  void aRateThatDoesNotDivideASecondDoesNotDrift() {
    OpenLoopSchedule schedule = new OpenLoopSchedule(0, 3);

    assertThat(schedule.intendedStart(1)).isEqualTo(333_333_333L);
    assertThat(schedule.intendedStart(2)).isEqualTo(666_666_667L);
    assertThat(schedule.intendedStart(3_000_000)).isEqualTo(1_000_000_000_000_000L);
  }

  @Test
  void countsWhatIsDue() {
    OpenLoopSchedule schedule = new OpenLoopSchedule(0, 1_000);

    assertThat(schedule.dueBy(-1)).isZero();
    assertThat(schedule.dueBy(0)).isEqualTo(1);
    assertThat(schedule.dueBy(999_999)).isEqualTo(1);
    assertThat(schedule.dueBy(1_000_000)).isEqualTo(2);
    assertThat(schedule.dueBy(1_000_000_000)).isEqualTo(1_001);
  }

  @Test
  void refusesANonPositiveRate() {
    assertThatThrownBy(() -> new OpenLoopSchedule(0, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
