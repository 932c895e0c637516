package castle.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import castle.bench.stats.LatencyChannel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The generator against a synthetic target whose service time the test controls: the point is the
 * harness's own arithmetic (rates, bounds, coordinated omission), not any server's speed.
 */
class LoadGeneratorTest {

  private final ScheduledExecutorService target = Executors.newScheduledThreadPool(2);

  @AfterEach
  void stop() {
    target.shutdownNow();
  }

  /** A target that answers every request after {@code serviceMillis}, except one stall. */
  private CompletableFuture<Void> respond(long index, long stallIndex, long stallMillis) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    long delay = index == stallIndex ? stallMillis : 1;
    target.schedule(() -> done.complete(null), delay, TimeUnit.MILLISECONDS);
    return done;
  }

  @Test
  void sendsEveryScheduledRequestAtTheRate() throws Exception {
    LatencyChannel channel = new LatencyChannel("ack");
    LoadGenerator generator = new LoadGenerator(
        new OpenLoopSchedule(System.nanoTime(), 500), 50, Duration.ofSeconds(1), Duration.ofSeconds(5));

    LoadGenerator.Result result = generator.run((index, intended) ->
        respond(index, -1, 0).thenRun(() -> channel.record(intended, System.nanoTime())));

    assertThat(result.scheduled()).isEqualTo(500);
    assertThat(result.sent()).isEqualTo(500);
    assertThat(result.undrained()).isZero();
    assertThat(result.achievedRate()).isBetween(400.0, 520.0);
    assertThat(channel.nextInterval().getTotalCount()).isEqualTo(500);
  }

  @Test
  void aStallDelaysEveryRequestBehindItAndTheLatenciesShowIt() throws Exception {
    LatencyChannel channel = new LatencyChannel("ack");
    // One request in flight at a time, 200 requests/s, and request 20 takes 500 ms: the ~100 requests
    // due during the stall wait for it. Measured from their intended starts, they all look slow.
    LoadGenerator generator = new LoadGenerator(
        new OpenLoopSchedule(System.nanoTime(), 200), 1, Duration.ofSeconds(2), Duration.ofSeconds(5));

    generator.run((index, intended) ->
        respond(index, 20, 500).thenRun(() -> channel.record(intended, System.nanoTime())));

    Histogram latencies = channel.nextInterval();
    assertThat(latencies.getTotalCount()).isEqualTo(400);
    assertThat(latencies.getMaxValue()).isGreaterThan(450_000);
    // A closed-loop measurement would show one slow request in 400 (p99 ~ 1 ms); corrected, a
    // quarter of the run waited behind the stall.
    assertThat(latencies.getValueAtPercentile(90)).isGreaterThan(50_000);
    assertThat(latencies.getValueAtPercentile(75)).isGreaterThan(1_000);
  }

  @Test
  void countsASendThatThrowsAndGoesOn() throws Exception {
    LoadGenerator generator = new LoadGenerator(
        new OpenLoopSchedule(System.nanoTime(), 100), 10, Duration.ofMillis(200), Duration.ofSeconds(1));

    LoadGenerator.Result result = generator.run((index, intended) -> {
      if (index % 2 == 0) {
        throw new IllegalStateException("refused");
      }
      return CompletableFuture.completedFuture(null);
    });

    assertThat(result.failedToSend()).isEqualTo(10);
    assertThat(result.sent()).isEqualTo(10);
  }
}
