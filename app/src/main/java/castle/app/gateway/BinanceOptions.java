package castle.app.gateway;

import castle.gateway.binance.BinanceSettings;
import castle.gateway.binance.limits.RateLimitSettings;
import castle.topics.Topic;
import java.time.Clock;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The options of the Binance-compatible API, for the gateway and local roles: the order result bound
 * and the rate limits. The node id, the secrets key and the streams URL are the identity and query
 * options, shared with the native API.
 */
public final class BinanceOptions {

  @Option(
      names = "--order-result-timeout-ms",
      defaultValue = "5000",
      description = "How long RESULT/FULL orders and cancels wait for their outcome before answering -1007. Default: ${DEFAULT-VALUE}.")
  long orderResultTimeoutMs;

  @Option(
      names = "--client-ip-header",
      description = "Header in which a trusted proxy (load balancer) puts the client's address, such as X-Forwarded-For;"
          + " its last address is used for per-IP rate limits. Default: the connection's address.")
  String clientIpHeader;

  @Option(
      names = "--ip-weight-per-minute",
      defaultValue = "6000",
      description = "Request weight one IP may use per minute (Binance: 6000). Raise it for load tests. Default: ${DEFAULT-VALUE}.")
  long ipWeightPerMinute;

  @Option(
      names = "--key-weight-per-minute",
      defaultValue = "6000",
      description = "Request weight one API key may use per minute, over all IPs. Default: ${DEFAULT-VALUE}.")
  long keyWeightPerMinute;

  @Option(
      names = "--orders-per-10s",
      defaultValue = "100",
      description = "New orders one account may place per 10 seconds (Binance: 100). Default: ${DEFAULT-VALUE}.")
  long ordersPer10Seconds;

  @Option(
      names = "--orders-per-day",
      defaultValue = "200000",
      description = "New orders one account may place per UTC day (Binance: 200,000). Default: ${DEFAULT-VALUE}.")
  long ordersPerDay;

  /** Binance's defaults, for callers that do not parse a command line. */
  public static BinanceOptions defaults() {
    BinanceOptions options = new BinanceOptions();
    RateLimitSettings binance = RateLimitSettings.binance();
    options.orderResultTimeoutMs = BinanceSettings.DEFAULT_ORDER_RESULT_TIMEOUT.toMillis();
    options.ipWeightPerMinute = binance.ipWeightPerMinute();
    options.keyWeightPerMinute = binance.keyWeightPerMinute();
    options.ordersPer10Seconds = binance.ordersPer10Seconds();
    options.ordersPerDay = binance.ordersPerDay();
    return options;
  }

  /** The API's settings from these options, for the gateway with this node id. */
  public BinanceSettings settings(int nodeId) {
    RateLimitSettings binance = RateLimitSettings.binance();
    return new BinanceSettings(
        nodeId,
        Duration.ofMillis(orderResultTimeoutMs),
        new RateLimitSettings(ipWeightPerMinute, keyWeightPerMinute, ordersPer10Seconds, ordersPerDay,
            binance.violationsBeforeBan(), binance.firstBan(), binance.longestBan(), clientIpHeader),
        Topic::name,
        Clock.systemUTC());
  }
}
