package castle.market;

import static castle.market.MarketDriver.at;
import static castle.market.MarketDriver.price;
import static castle.market.MarketDriver.qty;
import static org.assertj.core.api.Assertions.assertThat;

import castle.market.book.DepthBook.Level;
import castle.market.read.MarketReads.DepthSnapshot;
import castle.schema.market.Ticker;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The book rebuilt from market.depth, its top as the book ticker, and the depth snapshot. */
class DepthBookTest {

  private static final long[][] NONE = new long[0][];

  @Test
  void theBookTickerFollowsTheTopOfTheBookAndTheSnapshotMatchesItsUpdateId() throws Exception {
    try (MarketDriver market = new MarketDriver(Instant.parse("2024-03-04T10:00:00Z"))) {
      // Given a book with two bids and one ask
      market.depth(at("2024-03-04T10:00:01Z"), new long[][] {{price(100), qty(1)}, {price(99), qty(2)}},
          new long[][] {{price(101), qty(1)}});
      Ticker first = only(market.tickers());
      assertThat(List.of(first.getBidPrice(), first.getBidQty(), first.getAskPrice(), first.getAskQty()))
          .containsExactly(price(100), qty(1), price(101), qty(1));

      // When a level below the top changes
      market.depth(at("2024-03-04T10:00:02Z"), new long[][] {{price(98), qty(5)}}, NONE);

      // Then no ticker is published
      assertThat(market.tickers()).isEmpty();

      // When the best bid is removed
      long removal = market.depth(at("2024-03-04T10:00:03Z"), new long[][] {{price(100), 0}}, NONE);

      // Then the next level is the best bid, at once
      Ticker next = only(market.tickers());
      assertThat(next.getBidPrice()).isEqualTo(price(99));
      assertThat(next.getBidQty()).isEqualTo(qty(2));
      assertThat(next.getBookUpdateId()).isEqualTo(removal);

      // And the snapshot is the book as of that update, best levels first
      DepthSnapshot snapshot = market.reader().depth(MarketDriver.SYMBOL, 5);
      assertThat(snapshot.lastUpdateId()).isEqualTo(removal);
      assertThat(snapshot.bids()).containsExactly(new Level(price(99), qty(2)), new Level(price(98), qty(5)));
      assertThat(snapshot.asks()).containsExactly(new Level(price(101), qty(1)));
      assertThat(market.reader().depth(MarketDriver.SYMBOL, 1).bids()).containsExactly(new Level(price(99), qty(2)));
    }
  }

  private static Ticker only(List<Ticker> tickers) {
    assertThat(tickers).hasSize(1);
    return tickers.get(0);
  }
}
