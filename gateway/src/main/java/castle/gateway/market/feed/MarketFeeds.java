package castle.gateway.market.feed;

import castle.gateway.kafka.KafkaClients;
import castle.gateway.market.DepthSource;
import castle.gateway.market.ws.StreamHub;
import castle.topology.TopicNames;

/**
 * Everything that feeds this gateway's WebSocket clients: the market topics, the account topics
 * and the partial-book snapshots. Each runs on its own thread and only ever enqueues to clients.
 */
public final class MarketFeeds implements AutoCloseable {

  private final TopicTail market;
  private final TopicTail user;
  private final PartialDepthFeed partialDepth;

  private MarketFeeds(TopicTail market, TopicTail user, PartialDepthFeed partialDepth) {
    this.market = market;
    this.user = user;
    this.partialDepth = partialDepth;
  }

  /** Starts following the topics from their ends. */
  public static MarketFeeds start(StreamHub hub, DepthSource depth, KafkaClients kafka,
      TopicNames topics) {
    MarketFeed marketFeed = new MarketFeed(hub, topics);
    UserFeed userFeed = new UserFeed(hub, topics);
    return new MarketFeeds(
        new TopicTail("market-feed", kafka, marketFeed.topics(), marketFeed).start(),
        new TopicTail("user-feed", kafka, userFeed.topics(), userFeed).start(),
        new PartialDepthFeed(hub, depth).start());
  }

  /** Whether both topic feeds are positioned at the ends of their topics. */
  public boolean started() {
    return market.started() && user.started();
  }

  @Override
  public void close() {
    partialDepth.close();
    market.close();
    user.close();
  }
}
