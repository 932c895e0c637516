package castle.market.trades;

import castle.market.store.MarketStores;
import castle.schema.market.PublicTrade;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Each symbol's most recent trades, by tradeId. Trade ids have no gaps, so keeping the last N is
 * deleting trade {@code id - N} whenever trade {@code id} arrives: constant work per trade, a bounded
 * store, and no scans.
 */
public final class TradeLog {

  private final int kept;

  /** A log that keeps the last {@code kept} trades of each symbol. */
  public TradeLog(int kept) {
    this.kept = kept;
  }

  /** Whether this trade was already recorded (a redelivered record). */
  public static boolean contains(ReadOnlyKeyValueStore<Bytes, PublicTrade> trades, String symbol, long tradeId) {
    return trades.get(MarketStores.tradeKey(symbol, tradeId)) != null;
  }

  /** Records a trade and forgets the one that falls out of the kept range. */
  public void record(KeyValueStore<Bytes, PublicTrade> trades, String symbol, PublicTrade trade) {
    trades.put(MarketStores.tradeKey(symbol, trade.getTradeId()), trade);
    long forgotten = trade.getTradeId() - kept;
    if (forgotten >= 0) {
      trades.delete(MarketStores.tradeKey(symbol, forgotten));
    }
  }

  /** Trades with ids in [fromId, toId], oldest first, at most {@code limit}. */
  public static List<PublicTrade> range(
      ReadOnlyKeyValueStore<Bytes, PublicTrade> trades, String symbol, long fromId, long toId, int limit) {
    List<PublicTrade> found = new ArrayList<>();
    if (toId < fromId) {
      return found;
    }
    try (KeyValueIterator<Bytes, PublicTrade> range =
        trades.range(MarketStores.tradeKey(symbol, Math.max(0, fromId)), MarketStores.tradeKey(symbol, toId))) {
      while (range.hasNext() && found.size() < limit) {
        found.add(range.next().value);
      }
    }
    return found;
  }

  /** The newest trade, or null if the symbol has none. */
  public static PublicTrade newest(ReadOnlyKeyValueStore<Bytes, PublicTrade> trades, String symbol) {
    try (KeyValueIterator<Bytes, PublicTrade> newestFirst =
        trades.reverseRange(MarketStores.tradeKey(symbol, 0), MarketStores.tradeKey(symbol, Long.MAX_VALUE))) {
      return newestFirst.hasNext() ? newestFirst.next().value : null;
    }
  }

  /** The oldest trade still kept, or null if the symbol has none. */
  public static PublicTrade oldest(ReadOnlyKeyValueStore<Bytes, PublicTrade> trades, String symbol) {
    List<PublicTrade> first = range(trades, symbol, 0, Long.MAX_VALUE, 1);
    return first.isEmpty() ? null : first.get(0);
  }
}
