package castle.app.gateway;

import castle.gateway.binance.BinanceSettings;
import castle.gateway.binance.limits.RateLimitSettings;
import castle.topics.Topic;
import java.time.Clock;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The gateway role's options for the Binance-compatible API (issue 5, trading half). The node id,
 * the secrets key and the streams URL are the identity and query options, shared with the native API.
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

  /** The API's settings from these options, for the gateway with this node id. */
  BinanceSettings settings(int nodeId) {
    return new BinanceSettings(
        nodeId,
        Duration.ofMillis(orderResultTimeoutMs),
        RateLimitSettings.binance().withClientIpHeader(clientIpHeader),
        Topic::name,
        Clock.systemUTC());
  }
}
