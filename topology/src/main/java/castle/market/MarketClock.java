package castle.market;

/**
 * The event-time clock of one task: the latest trade or depth time it has processed, so candles
 * close by market time and a replay closes them exactly as the first run did. When the task's
 * partitions have been idle for {@code idleAfterMs}, the clock follows the wall clock minus the
 * grace period instead, so a quiet market's last candle still closes.
 */
final class MarketClock {

  private final long graceMs;
  private final long idleAfterMs;
  private long eventTime;
  private long lastEventWallTime;

  MarketClock(long start, long graceMs, long idleAfterMs, long wallNow) {
    this.eventTime = start;
    this.graceMs = graceMs;
    this.idleAfterMs = idleAfterMs;
    this.lastEventWallTime = wallNow;
  }

  /** Advances to a processed event's time; never goes back. */
  void observe(long time, long wallNow) {
    eventTime = Math.max(eventTime, time);
    lastEventWallTime = wallNow;
  }

  /** Follows the wall clock if no event arrived for the idle period. */
  void tick(long wallNow) {
    if (wallNow - lastEventWallTime >= idleAfterMs) {
      eventTime = Math.max(eventTime, wallNow - graceMs);
    }
  }

  /** The current market time. */
  long now() {
    return eventTime;
  }
}
