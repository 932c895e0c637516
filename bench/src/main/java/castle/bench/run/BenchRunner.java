package castle.bench.run;

import castle.bench.load.LoadGenerator;
import castle.bench.load.OpenLoopSchedule;
import castle.bench.report.BenchRun.StageLatency;
import castle.bench.stages.StageProbe;
import castle.bench.stats.ChannelResult;
import castle.bench.stats.ErrorCounts;
import castle.bench.stats.LatencyChannel;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs one rate: a warm-up whose measurements are thrown away, then the measured run, with a
 * progress line every second. Everything recorded during the measured run becomes the step's result.
 */
public final class BenchRunner {

  /**
   * One step of a run.
   *
   * @param rate requests per second
   * @param warmup how long to load before measuring
   * @param duration how long to measure
   * @param maxInFlight the bound on outstanding requests
   */
  public record Step(double rate, Duration warmup, Duration duration, int maxInFlight) {}

  /**
   * What a step measured.
   *
   * @param step the step
   * @param load what the generator did
   * @param channels the latency channels
   * @param errors failures by kind
   * @param expected correct answers that are not successes (a cancel that lost a race)
   * @param stages the per-stage breakdown, when a stage probe ran
   */
  public record StepResult(
      Step step,
      LoadGenerator.Result load,
      List<ChannelResult> channels,
      Map<String, Long> errors,
      Map<String, Long> expected,
      List<StageLatency> stages) {}

  private final List<LatencyChannel> channels;
  private final Map<String, String> descriptions;
  private final ErrorCounts errors;
  private final ErrorCounts expected;
  private final StageProbe stages;
  private final PrintStream out;

  /**
   * @param channels every channel the workload and the streams record into
   * @param descriptions what each channel measures, for the report
   * @param stages the stage probe, or null
   */
  public BenchRunner(List<LatencyChannel> channels, Map<String, String> descriptions, ErrorCounts errors,
      ErrorCounts expected, StageProbe stages, PrintStream out) {
    this.channels = channels;
    this.descriptions = descriptions;
    this.errors = errors;
    this.expected = expected;
    this.stages = stages;
    this.out = out;
  }

  /** Warms up, then measures, at the step's rate. */
  public StepResult run(Step step, LoadGenerator.Request workload) throws InterruptedException {
    if (!step.warmup().isZero()) {
      out.printf("Warming up at %.0f/s for %ds...%n", step.rate(), step.warmup().toSeconds());
      new LoadGenerator(new OpenLoopSchedule(System.nanoTime(), step.rate()), step.maxInFlight(), step.warmup(),
          Duration.ofSeconds(30)).run(workload);
    }
    channels.forEach(LatencyChannel::reset);
    errors.reset();
    expected.reset();
    if (stages != null) {
      stages.reset();
    }
    out.printf("Measuring at %.0f/s for %ds%n", step.rate(), step.duration().toSeconds());
    try (Progress progress = new Progress(channels, List.of("ack", "full"), errors, out, String.format("%.0f/s", step.rate()))) {
      progress.start();
      LoadGenerator.Result load = new LoadGenerator(new OpenLoopSchedule(System.nanoTime(), step.rate()),
          step.maxInFlight(), step.duration(), Duration.ofSeconds(30)).run(workload);
      // Stream events trail their responses; give them a moment before closing the books.
      Thread.sleep(500);
      List<ChannelResult> results = progress.finish(descriptions);
      return new StepResult(step, load, results, errors.byKind(), expected.byKind(),
          stages == null ? List.of() : stages.stages());
    }
  }
}
