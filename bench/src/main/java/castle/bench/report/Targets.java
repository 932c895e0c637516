package castle.bench.report;

import castle.bench.report.BenchRun.TargetCheck;
import castle.bench.stats.ChannelResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Castle's speed targets, checked against one measured step: 5,000 orders/s sustained for 60 s with
 * zero errors, p99 ACK under 20 ms and p99 FULL under 100 ms, all on one 2-core machine with the
 * harness in its own process. A step at a lower rate still reports its latency checks, so a run over
 * several rates shows the highest rate that meets them.
 */
public final class Targets {

  /** The sustained rate Castle aims for. */
  public static final double RATE = 5_000;
  /** How long the rate must be sustained. */
  public static final Duration SUSTAINED = Duration.ofSeconds(60);
  /** p99 ACK bound, ms. */
  public static final double ACK_P99_MS = 20;
  /** p99 FULL bound, ms. */
  public static final double FULL_P99_MS = 100;

  private Targets() {}

  /** The checks of a step at {@code requestedRate}, measured for {@code duration}. */
  public static List<TargetCheck> check(
      double requestedRate, double achievedRate, Duration duration, long errors, List<ChannelResult> channels) {
    List<TargetCheck> checks = new ArrayList<>();
    boolean sustained = requestedRate >= RATE && achievedRate >= 0.98 * RATE
        && duration.compareTo(SUSTAINED) >= 0 && errors == 0;
    checks.add(new TargetCheck(
        String.format(Locale.ROOT, "%,.0f orders/s for %d s, zero errors", RATE, SUSTAINED.toSeconds()),
        String.format(Locale.ROOT, "%,.0f orders/s for %d s, %d errors", achievedRate, duration.toSeconds(), errors),
        sustained));
    latency(checks, channels, "ack", ACK_P99_MS);
    latency(checks, channels, "full", FULL_P99_MS);
    return checks;
  }

  /** Whether every latency check passed and nothing failed. */
  public static boolean latenciesMet(List<TargetCheck> checks, long errors) {
    return errors == 0 && checks.stream().skip(1).allMatch(TargetCheck::met);
  }

  private static void latency(List<TargetCheck> checks, List<ChannelResult> channels, String name, double boundMs) {
    channels.stream().filter(c -> c.name().equals(name) && c.total().getTotalCount() > 0).findFirst().ifPresent(c ->
        checks.add(new TargetCheck(
            String.format(Locale.ROOT, "p99 %s < %.0f ms", name.toUpperCase(Locale.ROOT), boundMs),
            String.format(Locale.ROOT, "%.2f ms", c.millisAt(99)),
            c.millisAt(99) < boundMs)));
  }
}
