package castle.gateway.binance.limits;

import castle.gateway.api.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The API's rate limits, counted in this gateway instance: request weight per IP and per API key
 * per minute, new orders per account per 10 seconds and per day, and bans of IPs that ignore their
 * 429s. Behind a load balancer each instance counts its own share; the limits are per instance.
 */
public final class RateLimits implements AutoCloseable {

  /** The response header with the IP's request weight used in the current minute. */
  public static final String USED_WEIGHT_HEADER = "X-MBX-USED-WEIGHT-1M";

  private static final String ORDER_COUNT_HEADER = "X-MBX-ORDER-COUNT-";

  private final RateLimitSettings settings;
  private final CountingLimit ipWeight;
  private final CountingLimit keyWeight;
  private final CountingLimit orders;
  private final IpBans bans;
  private final ScheduledExecutorService cleaner;

  /** Limits with the given settings; idle counters are forgotten every minute. */
  public RateLimits(RateLimitSettings settings) {
    this.settings = settings;
    this.ipWeight = new CountingLimit(List.of(Window.minutes(settings.ipWeightPerMinute(), 1)));
    this.keyWeight = new CountingLimit(List.of(Window.minutes(settings.keyWeightPerMinute(), 1)));
    this.orders = new CountingLimit(List.of(
        Window.seconds(settings.ordersPer10Seconds(), 10), Window.days(settings.ordersPerDay(), 1)));
    this.bans = new IpBans(settings.violationsBeforeBan(), settings.firstBan(), settings.longestBan());
    this.cleaner = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "rate-limit-cleaner");
      thread.setDaemon(true);
      return thread;
    });
    cleaner.scheduleAtFixedRate(this::forgetIdle, 1, 1, TimeUnit.MINUTES);
  }

  /** The settings. */
  public RateLimitSettings settings() {
    return settings;
  }

  /**
   * Counts a request's weight against its IP and returns the IP's weight used this minute. Refuses
   * a banned IP with 418 and an IP over its limit with 429.
   */
  public long chargeIp(String ip, int weight) {
    long now = System.currentTimeMillis();
    bans.bannedUntil(ip, now).ifPresent(until -> {
      throw new RateLimitException(
          new ApiException(418, -1003, "Way too much request weight used; IP banned until " + until
              + ". Please use WebSocket Streams for live updates to avoid bans."),
          seconds((until - now) * 1_000_000),
          Map.of());
    });
    CountingLimit.Charge charge = ipWeight.charge(ip, weight);
    if (!charge.allowed()) {
      refuse(ip, tooMuchWeight(settings.ipWeightPerMinute()), charge,
          Map.of(USED_WEIGHT_HEADER, Long.toString(charge.used()[0])));
    }
    return charge.used()[0];
  }

  /** Counts a signed request's weight against its API key; 429 when the key is over its limit. */
  public void chargeKey(String ip, String apiKey, int weight) {
    CountingLimit.Charge charge = keyWeight.charge(apiKey, weight);
    if (!charge.allowed()) {
      refuse(ip, tooMuchWeight(settings.keyWeightPerMinute()), charge, Map.of());
    }
  }

  /**
   * Counts a new order of the account and returns the order-count headers; 429 with -1015 when the
   * account has placed too many orders in a window.
   */
  public Map<String, String> countOrder(String ip, long accountId) {
    CountingLimit.Charge charge = orders.charge(Long.toString(accountId), 1);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 0; i < orders.windows().size(); i++) {
      headers.put(ORDER_COUNT_HEADER + orders.windows().get(i).headerSuffix(), Long.toString(charge.used()[i]));
    }
    if (!charge.allowed()) {
      Window full = fullestWindow(charge);
      refuse(ip,
          new ApiException(429, -1015, "Too many new orders; current limit is " + full.limit() + " orders per "
              + full.intervalNum() + " " + full.interval() + "."),
          charge, headers);
    }
    return headers;
  }

  /** The limits as exchangeInfo's {@code rateLimits} lists them. */
  public List<Map<String, Object>> describe() {
    List<Map<String, Object>> limits = new java.util.ArrayList<>();
    ipWeight.windows().forEach(window -> limits.add(describe("REQUEST_WEIGHT", window)));
    orders.windows().forEach(window -> limits.add(describe("ORDERS", window)));
    return limits;
  }

  @Override
  public void close() {
    cleaner.shutdownNow();
  }

  private void refuse(String ip, ApiException error, CountingLimit.Charge charge, Map<String, String> headers) {
    bans.violation(ip, System.currentTimeMillis());
    throw new RateLimitException(error, seconds(charge.retryAfterNanos()), headers);
  }

  private Window fullestWindow(CountingLimit.Charge charge) {
    for (int i = 0; i < orders.windows().size(); i++) {
      if (charge.used()[i] >= orders.windows().get(i).limit()) {
        return orders.windows().get(i);
      }
    }
    return orders.windows().get(0);
  }

  private void forgetIdle() {
    ipWeight.forgetIdle();
    keyWeight.forgetIdle();
    orders.forgetIdle();
    bans.forgetIdle(System.currentTimeMillis());
  }

  private static ApiException tooMuchWeight(long limit) {
    return new ApiException(429, -1003, "Too much request weight used; current limit is " + limit
        + " request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.");
  }

  private static Map<String, Object> describe(String type, Window window) {
    Map<String, Object> limit = new LinkedHashMap<>();
    limit.put("rateLimitType", type);
    limit.put("interval", window.interval());
    limit.put("intervalNum", window.intervalNum());
    limit.put("limit", window.limit());
    return limit;
  }

  private static long seconds(long nanos) {
    return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
  }
}
