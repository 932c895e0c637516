package castle.gateway.binance;

import castle.gateway.api.ApiErrors;
import castle.gateway.api.EndpointWeights;
import castle.gateway.binance.account.AccountRoutes;
import castle.gateway.binance.auth.SignedRequests;
import castle.gateway.binance.general.GeneralRoutes;
import castle.gateway.binance.limits.RateLimits;
import castle.gateway.binance.limits.RequestWeightFilter;
import castle.gateway.binance.orders.CommandOutcomes;
import castle.gateway.binance.orders.CommandPublisher;
import castle.gateway.binance.orders.OrderRequests;
import castle.gateway.binance.orders.OrderRoutes;
import castle.gateway.binance.symbols.SymbolDirectory;
import castle.gateway.health.ReadinessCheck;
import castle.gateway.identity.apikeys.ApiKeyDirectory;
import castle.gateway.ids.IdGenerator;
import castle.gateway.kafka.KafkaClients;
import castle.gateway.kafka.TopicTable;
import castle.iq.StoreQueries;
import castle.iq.accounts.AccountReads;
import castle.schema.reference.SymbolConfig;
import castle.topics.Topics;
import io.javalin.config.JavalinConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Binance-compatible REST API under {@code /api/v3}, trading half: general endpoints, signed
 * order placement and cancels with their results, the account's orders, trades and balances, and
 * the rate limits every {@code /api/v3} route is charged against. It owns the Kafka clients it
 * needs: a table of the symbols topic, the command producer and the executions listener. Everything is per instance; run as many
 * gateways as needed, each with its own node id.
 */
public final class BinanceApi implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BinanceApi.class);

  /** How long start-up waits for the caches to load before handing over to the readiness check. */
  static final Duration STARTUP_WAIT = Duration.ofSeconds(30);

  private static final long READY_POLL_MS = 20;

  private final Deque<AutoCloseable> closeables = new ArrayDeque<>();
  private final TopicTable<SymbolConfig> symbolTable;
  private final CommandOutcomes outcomes;
  private final SymbolDirectory symbols;
  private final RequestWeightFilter weightFilter;
  private final GeneralRoutes general;
  private final OrderRoutes orders;
  private final AccountRoutes accounts;

  private BinanceApi(
      BinanceSettings settings,
      KafkaClients kafka,
      StoreQueries queries,
      ApiKeyDirectory apiKeys,
      EndpointWeights weights) {
    try {
      Clock clock = settings.clock();
      symbolTable = own(TopicTable.start(kafka, settings.named(Topics.SYMBOLS)));
      outcomes = own(new CommandOutcomes(
          kafka, settings.topicName().apply(Topics.ORDER_EXECUTIONS), settings.orderResultTimeout()));
      CommandPublisher publisher =
          own(new CommandPublisher(kafka, settings.topicName().apply(Topics.ORDER_COMMANDS)));
      RateLimits limits = own(new RateLimits(settings.rateLimits()));
      symbols = new SymbolDirectory(symbolTable);
      SignedRequests auth = new SignedRequests(apiKeys, limits, weights, clock);
      weightFilter = new RequestWeightFilter(limits, weights);
      general = new GeneralRoutes(symbols, limits, clock);
      orders = new OrderRoutes(auth, new OrderRequests(symbols), limits, new IdGenerator(settings.nodeId()),
          publisher, outcomes, clock);
      accounts = new AccountRoutes(auth, symbols, new AccountReads(queries));
      GeneralRoutes.registerWeights(weights);
      OrderRoutes.registerWeights(weights);
      AccountRoutes.registerWeights(weights);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * Starts the API's Kafka clients and waits (up to {@link #STARTUP_WAIT}) until it is ready, so a
   * started gateway knows every symbol. Signatures are checked with {@code apiKeys} (the native API's
   * directory, so a gateway reads {@code users.apikeys} once); account data is read through {@code
   * queries}. Routes are added with {@link #register}; request weights are registered in {@code
   * weights}, which the rate limiter reads for every {@code /api/v3} route.
   */
  public static BinanceApi start(
      BinanceSettings settings,
      KafkaClients kafka,
      StoreQueries queries,
      ApiKeyDirectory apiKeys,
      EndpointWeights weights) {
    BinanceApi api = new BinanceApi(settings, kafka, queries, apiKeys, weights);
    if (!api.awaitReady(STARTUP_WAIT)) {
      LOG.warn("Binance API not ready after {} s: {}; readiness will say when it is",
          STARTUP_WAIT.toSeconds(), api.problems());
    }
    return api;
  }

  /** Adds the routes, the rate-limit filter and the error format to a Javalin configuration. */
  public void register(JavalinConfig config) {
    ApiErrors.register(config);
    weightFilter.register(config);
    general.register(config);
    orders.register(config);
    accounts.register(config);
  }

  /** The markets this gateway knows, for other {@code /api/v3} routes. */
  public SymbolDirectory symbols() {
    return symbols;
  }

  private boolean awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!problems().isEmpty()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(READY_POLL_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  private List<String> problems() {
    return readiness().values().stream().flatMap(check -> check.problem().stream()).toList();
  }

  /** Readiness: the symbols have loaded and outcomes are being followed (API keys are the native API's). */
  public Map<String, ReadinessCheck> readiness() {
    Map<String, ReadinessCheck> checks = new LinkedHashMap<>();
    checks.put("binance.symbols", symbolTable::problem);
    checks.put("binance.order-outcomes", outcomes::problem);
    return checks;
  }

  @Override
  public void close() {
    while (!closeables.isEmpty()) {
      try {
        closeables.pop().close();
      } catch (Exception e) {
        // Closing goes on: one client failing to close must not keep the others open.
        LOG.warn("Failed to close part of the API", e);
      }
    }
  }

  private <T extends AutoCloseable> T own(T closeable) {
    closeables.push(closeable);
    return closeable;
  }
}
