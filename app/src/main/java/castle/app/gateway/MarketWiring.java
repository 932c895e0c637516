package castle.app.gateway;

import castle.app.Resources;
import castle.gateway.api.EndpointWeights;
import castle.gateway.ids.IdGenerator;
import castle.gateway.identity.auth.Authenticator;
import castle.gateway.kafka.KafkaClients;
import castle.gateway.market.AccountAuthenticator;
import castle.gateway.market.DepthSource;
import castle.gateway.market.MarketGateway;
import castle.gateway.market.ws.WsLimits;
import castle.iq.StoreQueries;
import castle.topology.TopicNames;
import io.javalin.config.JavalinConfig;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Market data in a gateway: the public market endpoints, {@code /v1/alerts} and the WebSocket
 * streams, reading Streams state through {@code queries} and depth snapshots from matching's book.
 * A request or WebSocket upgrade with a bearer token acts for the token's user, as the rest of
 * {@code /v1} does; one without is anonymous (market data only).
 */
public final class MarketWiring {

  private MarketWiring() {}

  /**
   * Starts the market feeds into {@code resources}; returns the routes to add to the server.
   *
   * @param weights the gateway's one table of request weights, which the rate limiter reads
   * @param nodeId the gateway's id-generator node, for alert ids
   */
  public static Consumer<JavalinConfig> start(StoreQueries queries, Authenticator authenticator, EndpointWeights weights,
      int nodeId, KafkaClients kafka, Resources resources) {
    MarketGateway market = resources.add("market data", MarketGateway.start(new MarketGateway.Settings(
        queries,
        DepthSource.matchingBook(queries),
        bearerTokens(authenticator),
        kafka,
        TopicNames.standard(),
        weights,
        new IdGenerator(nodeId),
        WsLimits.defaults())));
    return market::register;
  }

  /** The account of a request's bearer token; none without an Authorization header. */
  static AccountAuthenticator bearerTokens(Authenticator authenticator) {
    return ctx -> ctx.header("Authorization") == null
        ? Optional.empty()
        : Optional.of(authenticator.authenticate(ctx).userId());
  }
}
