package castle.bench.report;

import castle.bench.stats.ChannelResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of one {@code castle bench} run, as the report presents it.
 *
 * @param startedAt when the measured load began
 * @param parameters the command line's settings (target, rate, duration, mix...)
 * @param machine the machine it ran on (cores, CPU, JVM)
 * @param achievedRate completed orders per second
 * @param channels latency channels, Castle's first
 * @param errors failures by kind
 * @param expected answers that are correct but not successes (a cancel that lost the race with a fill)
 * @param floor the pass-through floor measured in the same run, if any
 * @param stages time spent per pipeline stage, if the run could read the stage stamps
 * @param targets the targets and whether the run met them
 */
public record BenchRun(
    Instant startedAt,
    Map<String, String> parameters,
    String machine,
    double achievedRate,
    List<ChannelResult> channels,
    Map<String, Long> errors,
    Map<String, Long> expected,
    Optional<ChannelResult> floor,
    List<StageLatency> stages,
    List<TargetCheck> targets) {

  /**
   * One pipeline stage's share of an order's latency, in milliseconds.
   *
   * @param stage from where to where, such as {@code gateway -> accounts}
   * @param p50 median
   * @param p99 99th percentile
   */
  public record StageLatency(String stage, double p50, double p99) {}

  /**
   * A target and whether the run met it.
   *
   * @param what the target in words, such as {@code p99 ACK < 20 ms}
   * @param measured what the run measured, in words
   * @param met whether it was met
   */
  public record TargetCheck(String what, String measured, boolean met) {}
}
