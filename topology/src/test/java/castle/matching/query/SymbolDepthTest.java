package castle.matching.query;

import static org.assertj.core.api.Assertions.assertThat;

import castle.schema.market.DepthUpdate;
import castle.schema.market.PriceLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Depth snapshots taken while the stream thread writes are never torn. */
class SymbolDepthTest {

  @Test
  void aSnapshotNeverMixesLevelsOfOneUpdateWithTheIdOfAnother() throws Exception {
    // Given a writer whose update n sets every level's quantity to n, growing and shrinking the book
    SymbolDepth depth = new SymbolDepth("BTCUSDT");
    AtomicBoolean done = new AtomicBoolean();
    AtomicReference<String> torn = new AtomicReference<>();
    Thread writer = new Thread(() -> {
      for (long n = 1; n <= 5_000; n++) {
        depth.apply(update(n, 1 + (int) (n % 300)));
      }
      done.set(true);
    });

    // When readers snapshot all the while
    List<Thread> readers = new ArrayList<>();
    for (int r = 0; r < 2; r++) {
      Thread reader = new Thread(() -> {
        while (!done.get()) {
          DepthSnapshot snapshot = depth.snapshot(5000);
          for (DepthSnapshot.Level level : snapshot.bids()) {
            if (level.qty() != snapshot.lastUpdateId()) {
              torn.set("bid " + level + " in snapshot " + snapshot.lastUpdateId());
            }
          }
          for (DepthSnapshot.Level level : snapshot.asks()) {
            if (level.qty() != snapshot.lastUpdateId()) {
              torn.set("ask " + level + " in snapshot " + snapshot.lastUpdateId());
            }
          }
        }
      });
      readers.add(reader);
      reader.start();
    }
    writer.start();
    writer.join();
    for (Thread reader : readers) {
      reader.join();
    }

    // Then
    assertThat(torn.get()).isNull();
    assertThat(depth.snapshot(5000).lastUpdateId()).isEqualTo(5_000);
    assertThat(depth.snapshot(3).bids()).extracting(DepthSnapshot.Level::price).containsExactly(1000L, 999L, 998L);
    assertThat(depth.snapshot(3).asks()).extracting(DepthSnapshot.Level::price).containsExactly(1001L, 1002L, 1003L);
  }

  /** Levels 1000, 999, ... for bids and 1001, 1002, ... for asks, {@code levels} deep, all at qty n; deeper ones removed. */
  private static DepthUpdate update(long n, int levels) {
    List<PriceLevel> bids = new ArrayList<>();
    List<PriceLevel> asks = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      long qty = i < levels ? n : 0;
      bids.add(new PriceLevel(1000L - i, qty));
      asks.add(new PriceLevel(1001L + i, qty));
    }
    return new DepthUpdate("BTCUSDT", n, 0L, bids, asks, 8, 8);
  }
}
