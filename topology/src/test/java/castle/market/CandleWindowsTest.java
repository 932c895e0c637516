package castle.market;

import static castle.market.MarketDriver.at;
import static castle.market.MarketDriver.price;
import static castle.market.MarketDriver.qty;
import static org.assertj.core.api.Assertions.assertThat;

import castle.market.read.MarketReads.Kline;
import castle.schema.market.Candle;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One-minute event-time candles, their grace period, and the roll-up to every Binance interval. */
class CandleWindowsTest {

  private static final Duration ROUND = Duration.ofSeconds(1);

  @Test
  void tradesUpdateTheCandleOfEveryIntervalWhichClosesOnceTheGracePeriodHasPassed() throws Exception {
    try (MarketDriver market = new MarketDriver(Instant.parse("2024-03-04T10:00:00Z"))) {
      // Given two trades in the 10:00 minute
      market.trade(at("2024-03-04T10:00:10Z"), price(100), qty(1));
      market.trade(at("2024-03-04T10:00:40Z"), price(102), qty(2));

      // When an emission round runs
      market.advanceWallClock(ROUND);

      // Then one open candle per interval is published, holding both trades
      List<Candle> open = market.candles();
      assertThat(open).extracting(Candle::getInterval)
          .containsExactly("1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h", "1d", "3d", "1w", "1M");
      Candle minute = open.get(0);
      assertThat(minute.getOpenTime()).isEqualTo(at("2024-03-04T10:00:00Z"));
      assertThat(minute.getCloseTime()).isEqualTo(at("2024-03-04T10:00:59.999Z"));
      assertThat(List.of(minute.getOpen(), minute.getHigh(), minute.getLow(), minute.getClose()))
          .containsExactly(price(100), price(102), price(100), price(102));
      assertThat(minute.getVolume()).isEqualTo(qty(3));
      assertThat(minute.getQuoteVolume()).isEqualTo(price(304));
      assertThat(minute.getTradeCount()).isEqualTo(2);
      assertThat(minute.getTakerBuyBaseVolume()).isEqualTo(qty(3));
      assertThat(minute.getClosed()).isFalse();
      assertThat(open).allSatisfy(candle -> assertThat(candle.getVersion()).isEqualTo(2));

      // When a trade moves market time past the minute's end plus the grace period
      market.trade(at("2024-03-04T10:01:06Z"), price(101), qty(1));
      market.advanceWallClock(ROUND);

      // Then the minute is published as final, at a higher version; the larger intervals stay open
      List<Candle> next = market.candles();
      Candle closed = next.get(0);
      assertThat(closed.getInterval()).isEqualTo("1m");
      assertThat(closed.getOpenTime()).isEqualTo(at("2024-03-04T10:00:00Z"));
      assertThat(closed.getClosed()).isTrue();
      assertThat(closed.getVersion()).isGreaterThan(2);
      assertThat(next.subList(1, next.size())).noneMatch(Candle::getClosed);
      assertThat(next.subList(1, next.size())).extracting(Candle::getInterval).contains("1m", "1h", "1M");
    }
  }

  @Test
  void aLateTradeWithinTheGracePeriodCountsInItsOwnMinute() throws Exception {
    try (MarketDriver market = new MarketDriver(Instant.parse("2024-03-04T10:00:00Z"))) {
      // Given a trade at 10:00:50 and one at 10:01:02
      market.trade(at("2024-03-04T10:00:50Z"), price(100), qty(1));
      market.trade(at("2024-03-04T10:01:02Z"), price(105), qty(1));

      // When a trade of 10:00:58 arrives after them, within the five-second grace period
      market.trade(at("2024-03-04T10:00:58Z"), price(99), qty(1));
      market.trade(at("2024-03-04T10:01:10Z"), price(104), qty(1));
      market.advanceWallClock(ROUND);

      // Then the final 10:00 candle holds it: its close is the latest trade executed in that minute
      Candle minute = latest(market.candles()).get("1m@" + at("2024-03-04T10:00:00Z"));
      assertThat(minute.getClosed()).isTrue();
      assertThat(minute.getTradeCount()).isEqualTo(2);
      assertThat(List.of(minute.getOpen(), minute.getHigh(), minute.getLow(), minute.getClose()))
          .containsExactly(price(100), price(100), price(99), price(99));
    }
  }

  @Test
  void aTradeLaterThanTheGracePeriodChangesNoFinalCandleAndNoRollUp() throws Exception {
    try (MarketDriver market = new MarketDriver(Instant.parse("2024-03-04T10:00:00Z"))) {
      // Given the 10:00 minute became final
      market.trade(at("2024-03-04T10:00:50Z"), price(100), qty(1));
      market.trade(at("2024-03-04T10:01:10Z"), price(105), qty(1));
      market.advanceWallClock(ROUND);
      Candle finalMinute = latest(market.candles()).get("1m@" + at("2024-03-04T10:00:00Z"));
      assertThat(finalMinute.getClosed()).isTrue();

      // When a trade of 10:00:55 arrives
      market.trade(at("2024-03-04T10:00:55Z"), price(90), qty(1));
      market.advanceWallClock(ROUND);

      // Then no candle counts it: the hour still equals the sum of its minutes
      Map<String, Candle> after = latest(market.candles());
      assertThat(after).doesNotContainKey("1m@" + at("2024-03-04T10:00:00Z"));
      assertThat(after).allSatisfy((key, candle) -> assertThat(candle.getLow()).isGreaterThanOrEqualTo(price(100)));
      List<Kline> minutes = market.reader().klines(MarketDriver.SYMBOL, castle.market.candles.Interval.M1,
          at("2024-03-04T10:00:00Z"), null, 10, at("2024-03-04T10:01:30Z")).klines();
      Kline hour = market.reader().klines(MarketDriver.SYMBOL, castle.market.candles.Interval.H1,
          null, null, 1, at("2024-03-04T10:01:30Z")).klines().get(0);
      assertThat(hour.tradeCount()).isEqualTo(minutes.stream().mapToLong(Kline::tradeCount).sum()).isEqualTo(2);
      assertThat(hour.low()).isEqualTo(price(100));
      // and the 24-hour statistics leave it out too, while the last price is the last execution
      var ticker = market.reader().ticker(MarketDriver.SYMBOL, at("2024-03-04T10:01:30Z"));
      assertThat(ticker.tradeCount()).isEqualTo(2);
      assertThat(ticker.lowPrice()).isEqualTo(price(100));
      assertThat(ticker.lastPrice()).isEqualTo(price(90));
    }
  }

  @Test
  void candlesRollUpToWeeksFromMondayAndToCalendarMonths() throws Exception {
    try (MarketDriver market = new MarketDriver(Instant.parse("2024-03-10T23:00:00Z"))) {
      // Given trades on a Sunday night, the Monday after, the last second of March (a Sunday) and April's start
      market.trade(at("2024-03-10T23:59:30Z"), price(100), qty(1));
      market.advanceWallClock(ROUND);
      market.trade(at("2024-03-11T00:00:30Z"), price(110), qty(2));
      market.advanceWallClock(ROUND);
      market.trade(at("2024-03-31T23:59:59.500Z"), price(120), qty(3));
      market.advanceWallClock(ROUND);
      market.trade(at("2024-04-01T00:00:00Z"), price(130), qty(4));
      market.advanceWallClock(ROUND);
      market.trade(at("2024-04-01T00:00:06Z"), price(131), qty(1));
      market.advanceWallClock(ROUND);

      // Then each interval's candles hold exactly the trades of their span
      Map<String, Candle> latest = latest(market.candles());
      assertCandle(latest, "1w", "2024-03-04T00:00:00Z", 1, price(100), price(100));
      assertCandle(latest, "1w", "2024-03-11T00:00:00Z", 1, price(110), price(110));
      assertCandle(latest, "1w", "2024-03-25T00:00:00Z", 1, price(120), price(120));
      assertCandle(latest, "1w", "2024-04-01T00:00:00Z", 2, price(130), price(131));
      assertCandle(latest, "1M", "2024-03-01T00:00:00Z", 3, price(100), price(120));
      assertCandle(latest, "1M", "2024-04-01T00:00:00Z", 2, price(130), price(131));
      assertCandle(latest, "1d", "2024-03-11T00:00:00Z", 1, price(110), price(110));
      assertCandle(latest, "3d", "2024-03-09T00:00:00Z", 2, price(100), price(110));
      assertCandle(latest, "4h", "2024-03-31T20:00:00Z", 1, price(120), price(120));
      Candle march = latest.get("1M@" + at("2024-03-01T00:00:00Z"));
      assertThat(march.getCloseTime()).isEqualTo(at("2024-03-31T23:59:59.999Z"));
      assertThat(march.getVolume()).isEqualTo(qty(6));
      assertThat(march.getClosed()).isTrue();
    }
  }

  @Test
  void intervalsWithoutTradesPublishNothingAndKlinesCarryThePreviousCloseForward() throws Exception {
    try (MarketDriver market = new MarketDriver(Instant.parse("2024-03-04T10:00:00Z"))) {
      // Given trades in the 10:00 and 10:03 minutes only
      market.trade(at("2024-03-04T10:00:10Z"), price(100), qty(1));
      market.trade(at("2024-03-04T10:03:20Z"), price(104), qty(1));
      market.advanceWallClock(ROUND);

      // Then no one-minute candle was published for 10:01 or 10:02
      assertThat(market.candles()).filteredOn(candle -> candle.getInterval().equals("1m"))
          .extracting(Candle::getOpenTime)
          .containsOnly(at("2024-03-04T10:00:00Z"), at("2024-03-04T10:03:00Z"));

      // When klines are read at 10:04:30
      List<Kline> klines = market.reader().klines(MarketDriver.SYMBOL, castle.market.candles.Interval.M1,
          null, null, 500, at("2024-03-04T10:04:30Z")).klines();

      // Then empty minutes carry the previous close with zero volume, and the last row is the open minute
      assertThat(klines).extracting(Kline::openTime).containsExactly(
          at("2024-03-04T10:00:00Z"), at("2024-03-04T10:01:00Z"), at("2024-03-04T10:02:00Z"),
          at("2024-03-04T10:03:00Z"), at("2024-03-04T10:04:00Z"));
      assertThat(klines).extracting(Kline::close)
          .containsExactly(price(100), price(100), price(100), price(104), price(104));
      assertThat(klines.get(1).volume()).isZero();
      assertThat(klines.get(1).open()).isEqualTo(price(100));
      assertThat(klines.get(4).tradeCount()).isZero();

      // and paging by startTime or endTime returns the same rows
      assertThat(market.reader().klines(MarketDriver.SYMBOL, castle.market.candles.Interval.M1,
          at("2024-03-04T10:00:30Z"), null, 2, at("2024-03-04T10:04:30Z")).klines())
          .extracting(Kline::openTime).containsExactly(at("2024-03-04T10:01:00Z"), at("2024-03-04T10:02:00Z"));
      assertThat(market.reader().klines(MarketDriver.SYMBOL, castle.market.candles.Interval.M1,
          null, at("2024-03-04T10:03:59Z"), 2, at("2024-03-04T10:04:30Z")).klines())
          .extracting(Kline::openTime).containsExactly(at("2024-03-04T10:02:00Z"), at("2024-03-04T10:03:00Z"));
    }
  }

  @Test
  void aQuietMarketsLastCandleClosesByTheWallClock() throws Exception {
    try (MarketDriver market = new MarketDriver(Instant.parse("2024-03-04T10:00:00Z"))) {
      // Given a single trade and then silence
      market.trade(at("2024-03-04T10:00:10Z"), price(100), qty(1));
      market.advanceWallClock(ROUND);
      assertThat(market.candles()).noneMatch(Candle::getClosed);

      // When the wall clock passes the minute's end plus grace, with no market data for the idle period
      for (int second = 0; second < 70; second++) {
        market.advanceWallClock(ROUND);
      }

      // Then the minute is final
      assertThat(market.candles()).filteredOn(Candle::getClosed).extracting(Candle::getInterval).containsExactly("1m");
    }
  }

  private static void assertCandle(Map<String, Candle> latest, String interval, String open, long trades, long low,
      long high) {
    Candle candle = latest.get(interval + "@" + at(open));
    assertThat(candle).as("%s candle opening %s", interval, open).isNotNull();
    assertThat(candle.getTradeCount()).as("trades of %s %s", interval, open).isEqualTo(trades);
    assertThat(candle.getLow()).isEqualTo(low);
    assertThat(candle.getHigh()).isEqualTo(high);
  }

  /** The last emission of each candle, by interval and open time. */
  private static Map<String, Candle> latest(List<Candle> emitted) {
    Map<String, Candle> latest = new LinkedHashMap<>();
    for (Candle candle : emitted) {
      String key = candle.getInterval() + "@" + candle.getOpenTime();
      Candle before = latest.get(key);
      assertThat(before == null || before.getVersion() < candle.getVersion())
          .as("versions of %s grow", key).isTrue();
      latest.put(key, candle);
    }
    return latest;
  }
}
