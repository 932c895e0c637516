package castle.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import castle.bench.report.BenchRun.TargetCheck;
import castle.bench.stats.ChannelResult;
import java.time.Duration;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class TargetsTest {

  private static ChannelResult channel(String name, long p99Micros) {
    Histogram histogram = new Histogram(1, 600_000_000L, 3);
    for (int i = 0; i < 100; i++) {
      histogram.recordValue(i < 99 ? 1_000 : p99Micros);
    }
    histogram.recordValue(p99Micros);
    return new ChannelResult(name, name, histogram, List.of());
  }

  @Test
  void aFullRunAtTheTargetRateMeetsEverything() {
    List<TargetCheck> checks = Targets.check(5_000, 4_990, Duration.ofSeconds(60), 0,
        List.of(channel("ack", 15_000), channel("full", 90_000)));

    assertThat(checks).hasSize(3).allMatch(TargetCheck::met);
    assertThat(Targets.latenciesMet(checks, 0)).isTrue();
  }

  @Test
  void aSlowP99OrAnyErrorFailsTheRun() {
    List<TargetCheck> slow = Targets.check(5_000, 5_000, Duration.ofSeconds(60), 0,
        List.of(channel("ack", 25_000), channel("full", 90_000)));
    assertThat(slow.get(1).met()).isFalse();
    assertThat(slow.get(1).measured()).startsWith("25.0").endsWith(" ms");
    assertThat(Targets.latenciesMet(slow, 0)).isFalse();

    List<TargetCheck> errors = Targets.check(5_000, 5_000, Duration.ofSeconds(60), 3,
        List.of(channel("ack", 1_000), channel("full", 1_000)));
    assertThat(errors.get(0).met()).isFalse();
    assertThat(Targets.latenciesMet(errors, 3)).isFalse();
  }

  @Test
  void aLowerRateOrAShortRunCannotMeetTheRateTargetButStillChecksLatency() {
    List<TargetCheck> checks = Targets.check(2_000, 2_000, Duration.ofSeconds(60), 0,
        List.of(channel("ack", 5_000), channel("full", 50_000)));

    assertThat(checks.get(0).met()).isFalse();
    assertThat(Targets.latenciesMet(checks, 0)).isTrue();
    assertThat(Targets.check(5_000, 5_000, Duration.ofSeconds(30), 0, List.of()).get(0).met()).isFalse();
  }
}
