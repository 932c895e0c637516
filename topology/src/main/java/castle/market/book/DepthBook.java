package castle.market.book;

import castle.market.store.MarketStores;
import castle.schema.market.DepthUpdate;
import castle.schema.market.PriceLevel;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The aggregated order book of every symbol, rebuilt from {@code market.depth}: each update carries
 * the new absolute quantity of the levels one command changed, so applying updates in updateId order
 * reproduces matching's book level by level. It gives the book ticker (best bid and ask) and a depth
 * snapshot consistent with an updateId.
 */
public final class DepthBook {

  /** One price level. */
  public record Level(long price, long qty) {}

  private DepthBook() {}

  /** Writes an update's levels: a quantity of 0 removes the level. */
  public static void apply(KeyValueStore<Bytes, Long> book, DepthUpdate update) {
    write(book, update.getSymbol(), true, update.getBids());
    write(book, update.getSymbol(), false, update.getAsks());
  }

  /** The best level of one side, or null when that side is empty. */
  public static Level best(ReadOnlyKeyValueStore<Bytes, Long> book, String symbol, boolean bids) {
    List<Level> top = levels(book, symbol, bids, 1);
    return top.isEmpty() ? null : top.get(0);
  }

  /** Up to {@code limit} levels of one side, best first. */
  public static List<Level> levels(ReadOnlyKeyValueStore<Bytes, Long> book, String symbol, boolean bids, int limit) {
    List<Level> levels = new ArrayList<>(Math.min(limit, 1024));
    try (KeyValueIterator<Bytes, Long> side =
        book.prefixScan(MarketStores.bookSide(symbol, bids), new org.apache.kafka.common.serialization.BytesSerializer())) {
      while (side.hasNext() && levels.size() < limit) {
        KeyValue<Bytes, Long> entry = side.next();
        levels.add(new Level(MarketStores.levelPrice(entry.key, bids), entry.value));
      }
    }
    return levels;
  }

  private static void write(KeyValueStore<Bytes, Long> book, String symbol, boolean bids, List<PriceLevel> levels) {
    for (PriceLevel level : levels) {
      Bytes key = MarketStores.levelKey(symbol, bids, level.getPrice());
      if (level.getQty() == 0) {
        book.delete(key);
      } else {
        book.put(key, level.getQty());
      }
    }
  }
}
