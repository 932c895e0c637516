package castle.gateway.market;

import castle.gateway.api.EndpointWeights;
import castle.gateway.ids.IdGenerator;
import castle.gateway.kafka.KafkaClients;
import castle.gateway.market.feed.MarketFeeds;
import castle.gateway.market.ws.MarketSocket;
import castle.gateway.market.ws.StreamHub;
import castle.gateway.market.ws.WsLimits;
import castle.iq.StoreQueries;
import castle.topology.TopicNames;
import io.javalin.config.JavalinConfig;
import java.time.Clock;

/**
 * Market data in the gateway: the public REST endpoints, {@code /v1/alerts}, and the WebSocket
 * streams with the feeds behind them. Built once per gateway process; {@link #register} adds its
 * routes to the server and {@link #close} stops the feeds and the alert producer.
 */
public final class MarketGateway implements AutoCloseable {

  /**
   * What market data needs from the rest of the gateway.
   *
   * @param queries Streams state, in this process or in the streams deployment
   * @param depth depth snapshots: matching's store once wired, the market app's book until then
   * @param authenticator who a request or WebSocket upgrade acts for
   * @param kafka the cluster
   * @param topics the topic names
   * @param weights the request weights of the rate limiter, which this registers its endpoints in
   * @param ids the gateway's id generator, for alert and command ids
   * @param limits what one WebSocket connection may use
   */
  public record Settings(StoreQueries queries, DepthSource depth, AccountAuthenticator authenticator,
      KafkaClients kafka, TopicNames topics, EndpointWeights weights, IdGenerator ids,
      WsLimits limits) {}

  private final MarketRoutes routes;
  private final AlertRoutes alerts;
  private final MarketSocket socket;
  private final MarketFeeds feeds;
  private final AlertPublisher publisher;

  private MarketGateway(MarketRoutes routes, AlertRoutes alerts, MarketSocket socket, MarketFeeds feeds,
      AlertPublisher publisher) {
    this.routes = routes;
    this.alerts = alerts;
    this.socket = socket;
    this.feeds = feeds;
    this.publisher = publisher;
  }

  /** Starts the feeds and the alert producer; the routes are added by {@link #register}. */
  public static MarketGateway start(Settings settings) {
    MarketStore store = new MarketStore(settings.queries());
    StreamHub hub = new StreamHub();
    AlertPublisher publisher = new AlertPublisher(settings.kafka(), settings.topics());
    MarketFeeds feeds = MarketFeeds.start(hub, settings.depth(), settings.kafka(), settings.topics());
    return new MarketGateway(
        new MarketRoutes(store, settings.depth(), settings.weights(), Clock.systemUTC()),
        new AlertRoutes(store, publisher, settings.authenticator(), settings.ids()),
        new MarketSocket(hub, settings.authenticator(), settings.limits()),
        feeds,
        publisher);
  }

  /** Adds the REST routes and WebSocket endpoints. */
  public void register(JavalinConfig config) {
    routes.register(config);
    alerts.register(config);
    socket.register(config);
  }

  /** Whether the WebSocket feeds follow their topics yet. */
  public boolean feedsStarted() {
    return feeds.started();
  }

  /** Open WebSocket connections. */
  public int connectionCount() {
    return socket.connectionCount();
  }

  @Override
  public void close() {
    feeds.close();
    publisher.close();
  }
}
