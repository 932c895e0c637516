package castle.gateway.market;

import static org.assertj.core.api.Assertions.assertThat;

import castle.money.Decimals;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.TreeMap;

/**
 * A client's local order book kept the way Binance documents: a REST snapshot, then diff events,
 * dropping those with {@code u <= lastUpdateId}, requiring {@code U <= lastUpdateId+1 <= u} of the
 * first one applied and {@code U == previous u + 1} of every later one. A gap fails the test.
 */
final class DepthSync {

  final TreeMap<Long, Long> bids = new TreeMap<>(Comparator.reverseOrder());
  final TreeMap<Long, Long> asks = new TreeMap<>();
  private final int baseScale;
  private final int quoteScale;
  private long snapshotId;
  private long lastU;
  private boolean synced;
  int snapshotsTaken;

  DepthSync(int baseScale, int quoteScale) {
    this.baseScale = baseScale;
    this.quoteScale = quoteScale;
  }

  /** Starts over from a {@code /api/v3/depth} answer. */
  void snapshot(JsonNode depth) {
    snapshotsTaken++;
    bids.clear();
    asks.clear();
    read(depth.path("bids"), bids);
    read(depth.path("asks"), asks);
    snapshotId = depth.path("lastUpdateId").asLong();
    lastU = snapshotId;
    synced = false;
  }

  /** Applies a diff event; false if the snapshot is older than the event and must be taken again. */
  boolean apply(JsonNode event) {
    long first = event.path("U").asLong();
    long last = event.path("u").asLong();
    if (last <= snapshotId) {
      return true;
    }
    if (!synced) {
      if (first > snapshotId + 1) {
        return false;
      }
      synced = true;
    } else {
      assertThat(first).as("U of the event after u=%d", lastU).isEqualTo(lastU + 1);
    }
    read(event.path("b"), bids);
    read(event.path("a"), asks);
    lastU = last;
    return true;
  }

  long lastUpdateId() {
    return lastU;
  }

  private void read(JsonNode levels, TreeMap<Long, Long> side) {
    for (JsonNode level : levels) {
      long price = Decimals.parse(level.get(0).asText(), quoteScale);
      long qty = Decimals.parse(level.get(1).asText(), baseScale);
      if (qty == 0) {
        side.remove(price);
      } else {
        side.put(price, qty);
      }
    }
  }
}
