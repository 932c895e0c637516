package castle.gateway.market.feed;

import castle.gateway.market.ws.StreamHub;
import castle.gateway.market.ws.StreamName;
import castle.market.read.MarketReads.SymbolInfo;
import castle.market.read.MarketReads.TickerView;
import castle.market.trades.AggTradeBuilder;
import castle.market.trades.PublicTrades;
import castle.schema.market.Candle;
import castle.schema.market.DepthUpdate;
import castle.schema.market.Ticker;
import castle.schema.market.Trade;
import castle.topics.Topics;
import castle.topology.TopicNames;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the market topics into stream events for this gateway's clients, on the tail's thread:
 *
 * <ul>
 *   <li>{@code market.trades}: {@code @trade} per trade, {@code @aggTrade} per aggregate, which ends
 *       with the next trade that does not extend it or once the partition is read to its end (a
 *       command's trades are committed together, so the aggregate is then complete);
 *   <li>{@code market.depth}: {@code @depth@100ms} and {@code @depth}, the updates of 100 ms or 1 s
 *       merged, whose U/u continue {@code market.depth}'s updateIds;
 *   <li>{@code market.candles}: {@code @kline_<interval>};
 *   <li>{@code market.tickers}: {@code @bookTicker} at once when the top of the book changes,
 *       {@code @ticker} and {@code @miniTicker} once a second with the latest ticker.
 * </ul>
 *
 * Work is only done for streams someone listens to. A record that cannot be read is logged and
 * skipped: the streams go on, and a depth subscriber sees the gap and resynchronises.
 */
final class MarketFeed implements TopicTail.Listener {

  private static final Logger LOG = LoggerFactory.getLogger(MarketFeed.class);

  private static final long FAST_MS = 100;
  private static final long SLOW_MS = 1000;

  private final StreamHub hub;
  private final MarketEvents events = new MarketEvents();
  private final String tradesTopic;
  private final String depthTopic;
  private final String candlesTopic;
  private final String tickersTopic;
  private final Map<String, AggTradeBuilder> aggregates = new HashMap<>();
  private final Map<String, TopicPartition> aggregatePartitions = new HashMap<>();
  private final Map<String, DepthDiff> fastDiffs = new HashMap<>();
  private final Map<String, DepthDiff> slowDiffs = new HashMap<>();
  private final Map<String, SymbolInfo> symbols = new HashMap<>();
  private final Map<String, TickerView> changedTickers = new HashMap<>();
  private final Map<String, TickerView> lastTop = new HashMap<>();
  private long nextFast;
  private long nextSlow;

  MarketFeed(StreamHub hub, TopicNames topics) {
    this.hub = hub;
    this.tradesTopic = topics.of(Topics.MARKET_TRADES);
    this.depthTopic = topics.of(Topics.MARKET_DEPTH);
    this.candlesTopic = topics.of(Topics.MARKET_CANDLES);
    this.tickersTopic = topics.of(Topics.MARKET_TICKERS);
  }

  List<String> topics() {
    return List.of(tradesTopic, depthTopic, candlesTopic, tickersTopic);
  }

  @Override
  public void onRecords(ConsumerRecords<String, byte[]> records, TopicTail.Lag lag) {
    long now = System.currentTimeMillis();
    for (ConsumerRecord<String, byte[]> record : records) {
      try {
        onRecord(record, now);
      } catch (RuntimeException e) {
        LOG.warn("Skipping {} record at {}@{} for WebSocket streams", record.topic(),
            record.partition(), record.offset(), e);
      }
    }
    completeAggregates(lag, now);
  }

  private void onRecord(ConsumerRecord<String, byte[]> record, long now) {
    String topic = record.topic();
    if (topic.equals(tradesTopic)) {
      onTrade(Topics.MARKET_TRADES.valueSerde().decode(record.value()), new TopicPartition(topic, record.partition()), now);
    } else if (topic.equals(depthTopic)) {
      onDepth(Topics.MARKET_DEPTH.valueSerde().decode(record.value()));
    } else if (topic.equals(candlesTopic)) {
      onCandle(Topics.MARKET_CANDLES.valueSerde().decode(record.value()), now);
    } else if (topic.equals(tickersTopic)) {
      onTicker(Topics.MARKET_TICKERS.valueSerde().decode(record.value()));
    }
  }

  private void onTrade(Trade trade, TopicPartition partition, long now) {
    String symbol = trade.getSymbol();
    symbols.putIfAbsent(symbol, MarketEvents.symbol(symbol, trade.getBaseScale(), trade.getQuoteScale()));
    String tradeStream = StreamName.of(symbol, "trade");
    if (hub.hasSubscribers(tradeStream)) {
      hub.publish(tradeStream, events.trade(trade, now));
    }
    String aggStream = StreamName.of(symbol, "aggTrade");
    AggTradeBuilder builder = aggregates.computeIfAbsent(symbol, s -> new AggTradeBuilder());
    aggregatePartitions.put(symbol, partition);
    builder.add(PublicTrades.of(trade)).ifPresent(agg -> {
      if (hub.hasSubscribers(aggStream)) {
        hub.publish(aggStream, events.aggTrade(symbols.get(symbol), agg, now));
      }
    });
  }

  /** Ends the aggregates of partitions read to their end: no later trade can extend them. */
  private void completeAggregates(TopicTail.Lag lag, long now) {
    Iterator<Map.Entry<String, AggTradeBuilder>> pending = aggregates.entrySet().iterator();
    while (pending.hasNext()) {
      Map.Entry<String, AggTradeBuilder> entry = pending.next();
      String symbol = entry.getKey();
      OptionalLong behind = lag.of(aggregatePartitions.get(symbol));
      if (behind.isEmpty() || behind.getAsLong() == 0) {
        String aggStream = StreamName.of(symbol, "aggTrade");
        entry.getValue().flush().ifPresent(agg -> {
          if (hub.hasSubscribers(aggStream)) {
            hub.publish(aggStream, events.aggTrade(symbols.get(symbol), agg, now));
          }
        });
        pending.remove();
      }
    }
  }

  private void onDepth(DepthUpdate update) {
    String symbol = update.getSymbol();
    symbols.putIfAbsent(symbol, MarketEvents.symbol(symbol, update.getBaseScale(), update.getQuoteScale()));
    if (hub.hasSubscribers(StreamName.of(symbol, "depth@100ms"))) {
      fastDiffs.computeIfAbsent(symbol, s -> new DepthDiff()).add(update);
    }
    if (hub.hasSubscribers(StreamName.of(symbol, "depth"))) {
      slowDiffs.computeIfAbsent(symbol, s -> new DepthDiff()).add(update);
    }
  }

  private void onCandle(Candle candle, long now) {
    String stream = StreamName.of(candle.getSymbol(), "kline_" + candle.getInterval());
    if (hub.hasSubscribers(stream)) {
      hub.publish(stream, events.kline(candle, now));
    }
  }

  private void onTicker(Ticker ticker) {
    TickerView view = TickerView.of(ticker);
    String symbol = ticker.getSymbol();
    changedTickers.put(symbol, view);
    TickerView before = lastTop.put(symbol, view);
    boolean topChanged = before == null || before.bidPrice() != view.bidPrice() || before.bidQty() != view.bidQty()
        || before.askPrice() != view.askPrice() || before.askQty() != view.askQty();
    String stream = StreamName.of(symbol, "bookTicker");
    if (topChanged && hub.hasSubscribers(stream)) {
      hub.publish(stream, events.bookTicker(view));
    }
  }

  @Override
  public void onTick(long now) {
    if (now >= nextFast) {
      flush(fastDiffs, "depth@100ms", now);
      nextFast = now - now % FAST_MS + FAST_MS;
    }
    if (now >= nextSlow) {
      flush(slowDiffs, "depth", now);
      publishTickers(now);
      nextSlow = now - now % SLOW_MS + SLOW_MS;
    }
  }

  private void flush(Map<String, DepthDiff> diffs, String suffix, long now) {
    diffs.forEach((symbol, diff) -> {
      if (!diff.isEmpty()) {
        hub.publish(StreamName.of(symbol, suffix), events.depthUpdate(symbols.get(symbol), diff.firstUpdateId(),
            diff.lastUpdateId(), diff.bids(), diff.asks(), now));
      }
    });
    diffs.clear();
  }

  private void publishTickers(long now) {
    changedTickers.forEach((symbol, ticker) -> {
      String full = StreamName.of(symbol, "ticker");
      if (hub.hasSubscribers(full)) {
        hub.publish(full, events.ticker(ticker, now));
      }
      String mini = StreamName.of(symbol, "miniTicker");
      if (hub.hasSubscribers(mini)) {
        hub.publish(mini, events.miniTicker(ticker, now));
      }
    });
    changedTickers.clear();
  }
}
