package castle.gateway.market.feed;

import castle.market.book.DepthBook.Level;
import castle.schema.market.DepthUpdate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The depth updates of one symbol since the last event of a diff-depth stream, merged: each level's
 * latest absolute quantity, with the first and last update ids ({@code U} and {@code u}). Because
 * every update a subscribed stream sees is merged in order, consecutive events continue the
 * updateId sequence without gaps.
 */
final class DepthDiff {

  private final TreeMap<Long, Long> bids = new TreeMap<>(Comparator.reverseOrder());
  private final TreeMap<Long, Long> asks = new TreeMap<>();
  private long firstUpdateId = -1;
  private long lastUpdateId = -1;

  void add(DepthUpdate update) {
    if (firstUpdateId < 0) {
      firstUpdateId = update.getUpdateId();
    }
    lastUpdateId = update.getUpdateId();
    update.getBids().forEach(level -> bids.put(level.getPrice(), level.getQty()));
    update.getAsks().forEach(level -> asks.put(level.getPrice(), level.getQty()));
  }

  boolean isEmpty() {
    return firstUpdateId < 0;
  }

  long firstUpdateId() {
    return firstUpdateId;
  }

  long lastUpdateId() {
    return lastUpdateId;
  }

  List<Level> bids() {
    return levels(bids);
  }

  List<Level> asks() {
    return levels(asks);
  }

  private static List<Level> levels(Map<Long, Long> side) {
    List<Level> levels = new ArrayList<>(side.size());
    side.forEach((price, qty) -> levels.add(new Level(price, qty)));
    return levels;
  }
}
