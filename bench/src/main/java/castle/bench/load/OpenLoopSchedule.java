package castle.bench.load;

/**
 * When each request is meant to start, at a constant arrival rate: request {@code i} is due at
 * {@code start + i x interval}, computed from its index rather than accumulated, so rounding never
 * drifts the rate. Latency is measured from these intended times, not from when a request actually
 * left, so a stalled server cannot hide the requests it delayed (coordinated omission).
 */
public final class OpenLoopSchedule {

  private final long startNanos;
  private final double intervalNanos;

  /** A schedule of {@code ratePerSecond} requests per second from {@code startNanos} (System.nanoTime). */
  public OpenLoopSchedule(long startNanos, double ratePerSecond) {
    if (!(ratePerSecond > 0)) {
      throw new IllegalArgumentException("Rate must be positive, was " + ratePerSecond);
    }
    this.startNanos = startNanos;
    this.intervalNanos = 1_000_000_000d / ratePerSecond;
  }

  /** The intended start of request {@code index} (from 0), in System.nanoTime units. */
  public long intendedStart(long index) {
    return startNanos + Math.round(index * intervalNanos);
  }

  /** How many requests are due by {@code nanos}. */
  public long dueBy(long nanos) {
    if (nanos < startNanos) {
      return 0;
    }
    return (long) Math.floor((nanos - startNanos) / intervalNanos) + 1;
  }
}
