package castle.market;

import castle.topology.StreamsApp;
import castle.topology.TopicNames;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * The market app, keyed by symbol: candles of every Binance interval, the rolling 24-hour ticker
 * with the top of the book, recent trades, the aggregated book, and price alerts. Its stores answer
 * the market-data endpoints through interactive queries; its outputs feed the WebSocket streams and
 * the notification sinks.
 */
public final class MarketApp implements StreamsApp {

  private final TopicNames topics;
  private final MarketSettings settings;

  /** The app on the standard topics with default settings. */
  public MarketApp() {
    this(TopicNames.standard(), MarketSettings.defaults());
  }

  /** The app on the given topic names, with the given settings. */
  public MarketApp(TopicNames topics, MarketSettings settings) {
    this.topics = topics;
    this.settings = settings;
  }

  @Override
  public String name() {
    return "market";
  }

  @Override
  public boolean onOrderPath() {
    return false;
  }

  @Override
  public Topology topology() {
    return MarketTopology.build(topics, settings);
  }

  @Override
  public Map<String, Object> overrides() {
    // A fired alert is a notification to a person: a replayed trade must not send it twice, and the
    // alert's deletion must commit together with it. Stated here so that it never depends on a default.
    return Map.of(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
  }
}
