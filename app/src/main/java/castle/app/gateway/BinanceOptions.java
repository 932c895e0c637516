package castle.app.gateway;

import castle.app.config.SecretsKey;
import castle.gateway.binance.BinanceSettings;
import castle.gateway.binance.limits.RateLimitSettings;
import castle.topics.Topic;
import java.time.Clock;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The gateway role's options for the Binance-compatible API (issue 5, trading half). */
public final class BinanceOptions {

  @Option(
      names = "--node-id",
      defaultValue = "0",
      description = "This gateway's id, 0..1023, unique among running gateways: order and command ids embed it. Default: ${DEFAULT-VALUE}.")
  int nodeId;

  @Option(
      names = "--secrets-key",
      required = true,
      description = "Base64 of the 32-byte key API secrets are sealed with; the same on every gateway and streams instance.")
  String secretsKey;

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
      names = "--streams-url",
      defaultValue = "http://127.0.0.1:8081",
      description = "Base URL of any streams instance (a service URL), asked for balances, orders and trades. Default: ${DEFAULT-VALUE}.")
  String streamsUrl;

  @Option(
      names = "--internal-token",
      required = true,
      description = "Shared secret of the streams instances' internal query routes.")
  String internalToken;

  /** The API's settings from these options. */
  BinanceSettings settings() {
    return new BinanceSettings(
        nodeId,
        Duration.ofMillis(orderResultTimeoutMs),
        SecretsKey.decode(secretsKey),
        RateLimitSettings.binance().withClientIpHeader(clientIpHeader),
        Topic::name,
        Clock.systemUTC());
  }
}
