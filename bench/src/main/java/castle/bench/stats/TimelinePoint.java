package castle.bench.stats;

import org.HdrHistogram.Histogram;

/**
 * One second of one channel: how many completed and how slow they were, in microseconds.
 *
 * @param second seconds since the run started
 * @param count requests completed in that second
 * @param p50 median latency
 * @param p99 99th percentile
 * @param max slowest
 */
public record TimelinePoint(long second, long count, long p50, long p99, long max) {

  /** The point of one interval histogram. */
  public static TimelinePoint of(long second, Histogram interval) {
    return new TimelinePoint(
        second,
        interval.getTotalCount(),
        interval.getValueAtPercentile(50),
        interval.getValueAtPercentile(99),
        interval.getMaxValue());
  }
}
