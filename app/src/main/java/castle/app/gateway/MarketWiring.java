package castle.app.gateway;

import castle.app.Resources;
import castle.gateway.api.EndpointWeights;
import castle.gateway.ids.IdGenerator;
import castle.gateway.market.AccountAuthenticator;
import castle.gateway.market.DepthSource;
import castle.gateway.market.MarketGateway;
import castle.gateway.market.ws.WsLimits;
import castle.iq.StoreQueries;
import castle.topology.TopicNames;
import io.javalin.config.JavalinConfig;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Market data in a gateway: the public market endpoints, {@code /v1/alerts} and the WebSocket
 * streams, reading Streams state through {@code queries}.
 *
 * <p>Until the identity part's authentication is wired in, requests are anonymous: market data
 * works, {@code /v1/alerts} answers 401 and WebSocket connections carry no user data. Depth
 * snapshots come from the market app's book until matching's snapshot query is wired in.
 */
public final class MarketWiring {

  private MarketWiring() {}

  /** Starts the market feeds into {@code resources}; returns the routes to add to the server. */
  public static Consumer<JavalinConfig> start(StoreQueries queries, Map<String, Object> kafkaProperties,
      Resources resources) {
    MarketGateway market = resources.add("market data", MarketGateway.start(new MarketGateway.Settings(
        queries,
        DepthSource.marketBook(queries),
        AccountAuthenticator.anonymousOnly(),
        kafkaProperties,
        TopicNames.standard(),
        new EndpointWeights(),
        new IdGenerator(0),
        WsLimits.defaults())));
    return market::register;
  }
}
