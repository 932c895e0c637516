package castle.app.gateway;

import castle.app.Resources;
import castle.gateway.NativeApi;
import castle.gateway.api.EndpointWeights;
import castle.gateway.binance.BinanceApi;
import castle.gateway.binance.BinanceSettings;
import castle.gateway.health.ReadinessCheck;
import castle.gateway.identity.IdentityConfig;
import castle.gateway.kafka.KafkaClients;
import castle.iq.StoreQueries;
import io.javalin.config.JavalinConfig;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The gateway's APIs over one cluster, as the gateway and local roles both run them: the native
 * identity and admin API, the Binance-compatible API (which checks signatures with the native API's
 * keys) and market data. Their routes go on one server and their readiness checks into one answer.
 */
public final class GatewayApis {

  private final NativeApi nativeApi;
  private final List<Consumer<JavalinConfig>> routes;
  private final Map<String, ReadinessCheck> checks;

  private GatewayApis(NativeApi nativeApi, List<Consumer<JavalinConfig>> routes, Map<String, ReadinessCheck> checks) {
    this.nativeApi = nativeApi;
    this.routes = routes;
    this.checks = checks;
  }

  /**
   * Starts the three APIs into {@code resources}, reading Streams state through {@code queries}; their
   * Kafka clients report to the registry of {@code kafka}.
   */
  public static GatewayApis start(IdentityConfig identity, BinanceSettings binance, KafkaClients kafka,
      StoreQueries queries, Resources resources) {
    NativeApi nativeApi = resources.add("native API", NativeApi.start(identity, kafka, queries, Clock.systemUTC()));
    // Every /api/v3 route registers its request weight here; the rate limiter reads them all.
    EndpointWeights weights = new EndpointWeights();
    BinanceApi binanceApi = resources.add("Binance API",
        BinanceApi.start(binance, kafka, queries, nativeApi.apiKeys(), weights));
    Consumer<JavalinConfig> market =
        MarketWiring.start(queries, nativeApi.authenticator(), weights, identity.nodeId(), kafka, resources);
    Map<String, ReadinessCheck> checks = new LinkedHashMap<>(nativeApi.readiness());
    checks.putAll(binanceApi.readiness());
    return new GatewayApis(nativeApi, List.of(nativeApi::register, binanceApi::register, market), checks);
  }

  /** The native API, for callers that drive it directly (the local role's admin bootstrap). */
  public NativeApi nativeApi() {
    return nativeApi;
  }

  /** The routes of all three APIs. */
  public List<Consumer<JavalinConfig>> routes() {
    return routes;
  }

  /** Their readiness checks. */
  public Map<String, ReadinessCheck> checks() {
    return checks;
  }
}
