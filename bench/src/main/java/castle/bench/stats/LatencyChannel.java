package castle.bench.stats;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The latencies of one kind of measurement (ACK, FULL, submit to executionReport...), in
 * microseconds from 1 us to 10 minutes at 3 significant digits. Writers record from any thread;
 * one reader takes per-interval snapshots for live progress and the latency-over-time chart while
 * the whole run accumulates for the percentile distribution.
 */
public final class LatencyChannel {

  static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(10);

  private final String name;
  private final Recorder recorder = new Recorder(1, MAX_MICROS, 3);
  private final Histogram total = new Histogram(1, MAX_MICROS, 3);
  private Histogram interval;

  /** A channel with a short name used in reports and file names, such as {@code ack}. */
  public LatencyChannel(String name) {
    this.name = name;
  }

  /** The channel's name. */
  public String name() {
    return name;
  }

  /** Records a latency from an intended start to a completion, both System.nanoTime. */
  public void record(long intendedStartNanos, long completedNanos) {
    long micros = Math.max(1, (completedNanos - intendedStartNanos) / 1_000);
    recorder.recordValue(Math.min(micros, MAX_MICROS));
  }

  /** Ends the current interval: returns its histogram and adds it to the run's total. */
  public synchronized Histogram nextInterval() {
    interval = recorder.getIntervalHistogram(interval);
    total.add(interval);
    return interval.copy();
  }

  /** Forgets everything recorded so far, as at the end of a warm-up. */
  public synchronized void reset() {
    recorder.reset();
    total.reset();
  }

  /** Everything recorded up to the last {@link #nextInterval()}. */
  public synchronized Histogram total() {
    return total.copy();
  }
}
