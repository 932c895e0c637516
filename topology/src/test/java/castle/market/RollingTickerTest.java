package castle.market;

import static castle.market.MarketDriver.at;
import static castle.market.MarketDriver.price;
import static castle.market.MarketDriver.qty;
import static org.assertj.core.api.Assertions.assertThat;

import castle.market.read.MarketReads.TickerView;
import castle.schema.market.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rolling 24-hour ticker: its window starts on the minute that contains now minus 24 hours, as
 * Binance's rolling windows do, and a trade leaves it exactly when that minute is passed.
 */
class RollingTickerTest {

  @Test
  void aTradeLeavesTheWindowWhenItsMinuteIsMoreThan24HoursAgo() throws Exception {
    try (MarketDriver market = new MarketDriver(Instant.parse("2024-03-04T10:00:00Z"))) {
      // Given trades at 10:00:30 and 10:30 on one day and at 09:00 the next
      long first = market.trade(at("2024-03-04T10:00:30Z"), price(100), qty(1));
      long second = market.trade(at("2024-03-04T10:30:00Z"), price(110), qty(2));
      long third = market.trade(at("2024-03-05T09:00:00Z"), price(120), qty(3));

      // When the ticker is read at the last millisecond of the window that still holds 10:00
      TickerView before = market.reader().ticker(MarketDriver.SYMBOL, at("2024-03-05T10:00:59.999Z"));

      // Then all three trades count
      assertThat(before.openTime()).isEqualTo(at("2024-03-04T10:00:00Z"));
      assertThat(before.closeTime()).isEqualTo(at("2024-03-05T10:00:59.999Z"));
      assertThat(before.tradeCount()).isEqualTo(3);
      assertThat(before.openPrice()).isEqualTo(price(100));
      assertThat(before.prevClosePrice()).isZero();
      assertThat(before.firstTradeId()).isEqualTo(first);
      assertThat(before.volume()).isEqualTo(qty(6));

      // When it is read one millisecond later
      TickerView after = market.reader().ticker(MarketDriver.SYMBOL, at("2024-03-05T10:01:00Z"));

      // Then the 10:00:30 trade has left: the window opens at 10:01 with the 10:30 trade
      assertThat(after.openTime()).isEqualTo(at("2024-03-04T10:01:00Z"));
      assertThat(after.tradeCount()).isEqualTo(2);
      assertThat(after.openPrice()).isEqualTo(price(110));
      assertThat(after.prevClosePrice()).isEqualTo(price(100));
      assertThat(after.highPrice()).isEqualTo(price(120));
      assertThat(after.lowPrice()).isEqualTo(price(110));
      assertThat(after.firstTradeId()).isEqualTo(second);
      assertThat(after.lastTradeId()).isEqualTo(third);
      assertThat(after.volume()).isEqualTo(qty(5));
      assertThat(after.quoteVolume()).isEqualTo(price(220 + 360));
      assertThat(after.lastPrice()).isEqualTo(price(120));
    }
  }

  @Test
  void aWindowWithoutTradesShowsThePreviousCloseAndNoTradeIds() throws Exception {
    try (MarketDriver market = new MarketDriver(Instant.parse("2024-03-04T10:00:00Z"))) {
      // Given one trade, two days ago
      market.trade(at("2024-03-04T10:00:30Z"), price(100), qty(1));

      // When the ticker is read two days later
      TickerView ticker = market.reader().ticker(MarketDriver.SYMBOL, at("2024-03-06T10:00:00Z"));

      // Then the window is empty and carries the last price
      assertThat(ticker.tradeCount()).isZero();
      assertThat(ticker.volume()).isZero();
      assertThat(List.of(ticker.openPrice(), ticker.highPrice(), ticker.lowPrice(), ticker.prevClosePrice(),
          ticker.lastPrice())).containsOnly(price(100));
      assertThat(ticker.firstTradeId()).isEqualTo(-1);
      assertThat(ticker.lastTradeId()).isEqualTo(-1);
    }
  }

  @Test
  void theAppSlidesItsWindowWithMarketTimeAndPublishesTheTicker() throws Exception {
    try (MarketDriver market = new MarketDriver(Instant.parse("2024-03-05T10:00:00Z"))) {
      // Given the same three trades, published
      market.trade(at("2024-03-04T10:00:30Z"), price(100), qty(1));
      market.trade(at("2024-03-04T10:30:00Z"), price(110), qty(2));
      market.trade(at("2024-03-05T09:00:00Z"), price(120), qty(3));
      market.advanceWallClock(Duration.ofSeconds(1));
      Ticker published = last(market.tickers());
      assertThat(published.getTradeCount()).isEqualTo(3);

      // When a depth update at 10:01:05 moves market time past the first trade's minute
      market.depth(at("2024-03-05T10:01:05Z"), new long[][] {{price(119), qty(1)}}, new long[][] {{price(121), qty(1)}});

      // Then the ticker is published at once with the new top of the book and the slid window
      Ticker slid = last(market.tickers());
      assertThat(slid.getOpenTime()).isEqualTo(at("2024-03-04T10:01:00Z"));
      assertThat(slid.getTradeCount()).isEqualTo(2);
      assertThat(slid.getPrevClosePrice()).isEqualTo(price(100));
      assertThat(slid.getBidPrice()).isEqualTo(price(119));
      assertThat(slid.getAskPrice()).isEqualTo(price(121));
      assertThat(slid.getBookUpdateId()).isEqualTo(1);
    }
  }

  private static Ticker last(List<Ticker> tickers) {
    assertThat(tickers).isNotEmpty();
    return tickers.get(tickers.size() - 1);
  }
}
