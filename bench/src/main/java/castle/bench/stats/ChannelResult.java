package castle.bench.stats;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Everything measured on one channel over a run.
 *
 * @param name short name, used in file names ({@code ack}, {@code full}, {@code floor})
 * @param description what was measured, from where to where
 * @param total all latencies, microseconds
 * @param timeline one point per second
 */
public record ChannelResult(String name, String description, Histogram total, List<TimelinePoint> timeline) {

  /** Latency at a percentile, in milliseconds. */
  public double millisAt(double percentile) {
    return total.getTotalCount() == 0 ? 0 : total.getValueAtPercentile(percentile) / 1000.0;
  }
}
