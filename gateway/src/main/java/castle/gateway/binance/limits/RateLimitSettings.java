package castle.gateway.binance.limits;

import java.time.Duration;

/**
 * The limits the Binance-compatible API enforces, Binance's own by default.
 *
 * @param ipWeightPerMinute request weight one IP may use per minute (Binance: 6000)
 * @param keyWeightPerMinute request weight one API key may use per minute, over all IPs
 * @param ordersPer10Seconds new orders one account may place per 10 seconds (Binance: 100)
 * @param ordersPerDay new orders one account may place per UTC day (Binance: 200,000)
 * @param violationsBeforeBan refused requests an IP may send in one minute before it is banned
 * @param firstBan how long a first ban lasts; each further ban within a day lasts twice as long
 * @param longestBan the longest ban
 * @param clientIpHeader a header set by a trusted proxy whose last address is the client's (such as
 *     {@code X-Forwarded-For}), or null to use the connection's address
 */
public record RateLimitSettings(
    long ipWeightPerMinute,
    long keyWeightPerMinute,
    long ordersPer10Seconds,
    long ordersPerDay,
    int violationsBeforeBan,
    Duration firstBan,
    Duration longestBan,
    String clientIpHeader) {

  /** Binance's limits, with the connection's address as the client IP. */
  public static RateLimitSettings binance() {
    return new RateLimitSettings(6000, 6000, 100, 200_000, 10, Duration.ofMinutes(2), Duration.ofDays(3), null);
  }
}
