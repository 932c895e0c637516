package castle.gateway.binance.limits;

import io.github.bucket4j.Bandwidth;
import java.time.Duration;
import java.time.Instant;

/**
 * One fixed window of a rate limit, as Binance counts them: at most {@code limit} units per {@code
 * intervalNum} {@code interval}s, the count resetting at each window boundary (aligned to the epoch,
 * so per-minute windows start on the minute and per-day windows at midnight UTC).
 *
 * @param limit units allowed per window
 * @param interval Binance's interval name: SECOND, MINUTE or DAY
 * @param intervalNum how many intervals a window lasts
 */
public record Window(long limit, String interval, int intervalNum) {

  /** A window of {@code intervalNum} seconds. */
  public static Window seconds(long limit, int intervalNum) {
    return new Window(limit, "SECOND", intervalNum);
  }

  /** A window of {@code intervalNum} minutes. */
  public static Window minutes(long limit, int intervalNum) {
    return new Window(limit, "MINUTE", intervalNum);
  }

  /** A window of {@code intervalNum} days. */
  public static Window days(long limit, int intervalNum) {
    return new Window(limit, "DAY", intervalNum);
  }

  /** How long a window lasts. */
  public Duration length() {
    return switch (interval) {
      case "SECOND" -> Duration.ofSeconds(intervalNum);
      case "MINUTE" -> Duration.ofMinutes(intervalNum);
      case "DAY" -> Duration.ofDays(intervalNum);
      default -> throw new IllegalStateException("Unknown interval " + interval);
    };
  }

  /** Binance's suffix for the window in response headers: {@code 1M}, {@code 10S}, {@code 1D}. */
  public String headerSuffix() {
    return intervalNum + interval.substring(0, 1);
  }

  /** The window as a Bucket4j bandwidth whose refills fall on the window boundaries. */
  Bandwidth bandwidth(long nowMs) {
    long lengthMs = length().toMillis();
    Instant nextBoundary = Instant.ofEpochMilli((nowMs / lengthMs + 1) * lengthMs);
    return Bandwidth.builder()
        .capacity(limit)
        .refillIntervallyAligned(limit, length(), nextBoundary)
        .build();
  }
}
