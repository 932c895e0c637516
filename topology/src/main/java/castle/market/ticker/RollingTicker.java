package castle.market.ticker;

import castle.market.candles.CandleSource;
import castle.market.candles.Interval;
import castle.schema.market.Candle;
import castle.schema.market.PublicTrade;
import castle.schema.market.Ticker;
import java.util.ArrayList;
import java.util.List;

/**
 * The rolling 24-hour statistics of a ticker. As Binance documents for its rolling windows, the
 * window starts on a minute: it covers the minute that contains {@code now - 24h} up to now, so it
 * is between 24 hours and 24 hours plus 59.999 seconds wide. Statistics are kept up to date trade by
 * trade; when the window's start moves, they are recomputed from the one-minute candles of the first
 * partial hour and the hourly candles after it (at most 83 candles).
 *
 * <p>The open is the first trade of the window in execution order, {@code prevClosePrice} the last
 * price before the window. A window without trades shows the previous close as open, high and low,
 * with zero volume and trade ids of -1.
 */
public final class RollingTicker {

  /** The nominal width of the window. */
  public static final long WINDOW_MS = 24 * 3_600_000L;

  private RollingTicker() {}

  /** Where the window that ends at {@code now} starts. */
  public static long windowStart(long now) {
    return Interval.M1.openTime(now - WINDOW_MS);
  }

  /** A ticker for a symbol that has not traded, with an empty book. */
  public static Ticker empty(String symbol, int baseScale, int quoteScale, long now) {
    return Ticker.newBuilder()
        .setSymbol(symbol)
        .setOpenTime(windowStart(now))
        .setCloseTime(now)
        .setOpenPrice(0)
        .setHighPrice(0)
        .setLowPrice(0)
        .setLastPrice(0)
        .setLastQty(0)
        .setPrevClosePrice(0)
        .setVolume(0)
        .setQuoteVolume(0)
        .setFirstTradeId(-1)
        .setLastTradeId(-1)
        .setTradeCount(0)
        .setBidPrice(0)
        .setBidQty(0)
        .setAskPrice(0)
        .setAskQty(0)
        .setBaseScale(baseScale)
        .setQuoteScale(quoteScale)
        .setBookUpdateId(0)
        .build();
  }

  /** Counts a trade of the current window into the statistics (not into last price: see the caller). */
  public static void add(Ticker ticker, PublicTrade trade) {
    long price = trade.getPrice();
    if (ticker.getTradeCount() == 0) {
      ticker.setOpenPrice(price);
      ticker.setHighPrice(price);
      ticker.setLowPrice(price);
      ticker.setFirstTradeId(trade.getTradeId());
      ticker.setLastTradeId(trade.getTradeId());
    } else {
      ticker.setHighPrice(Math.max(ticker.getHighPrice(), price));
      ticker.setLowPrice(Math.min(ticker.getLowPrice(), price));
      if (trade.getTradeId() < ticker.getFirstTradeId()) {
        ticker.setOpenPrice(price);
        ticker.setFirstTradeId(trade.getTradeId());
      }
      ticker.setLastTradeId(Math.max(ticker.getLastTradeId(), trade.getTradeId()));
    }
    ticker.setVolume(Math.addExact(ticker.getVolume(), trade.getQty()));
    ticker.setQuoteVolume(Math.addExact(ticker.getQuoteVolume(), trade.getQuoteQty()));
    ticker.setTradeCount(ticker.getTradeCount() + 1);
  }

  /**
   * A copy of {@code ticker} with the statistics of the window that starts at {@code windowStart},
   * recomputed from the candles; last trade, book and scales stay as they are.
   */
  public static Ticker recompute(Ticker ticker, long windowStart, CandleSource candles) {
    String symbol = ticker.getSymbol();
    long previousClose = candles.lastBefore(symbol, Interval.M1, windowStart).map(Candle::getClose).orElse(0L);
    long firstHour = Interval.H1.openTime(windowStart) == windowStart
        ? windowStart
        : Interval.H1.next(Interval.H1.openTime(windowStart));
    List<Candle> parts = new ArrayList<>(candles.range(symbol, Interval.M1, windowStart, firstHour - 1));
    parts.addAll(candles.range(symbol, Interval.H1, firstHour, Long.MAX_VALUE));

    Ticker result = Ticker.newBuilder(ticker)
        .setOpenTime(windowStart)
        .setPrevClosePrice(previousClose)
        .setOpenPrice(previousClose)
        .setHighPrice(previousClose)
        .setLowPrice(previousClose)
        .setVolume(0)
        .setQuoteVolume(0)
        .setFirstTradeId(-1)
        .setLastTradeId(-1)
        .setTradeCount(0)
        .build();
    for (Candle candle : parts) {
      include(result, candle);
    }
    return result;
  }

  private static void include(Ticker ticker, Candle candle) {
    if (candle.getTradeCount() == 0) {
      return;
    }
    if (ticker.getTradeCount() == 0) {
      ticker.setOpenPrice(candle.getOpen());
      ticker.setHighPrice(candle.getHigh());
      ticker.setLowPrice(candle.getLow());
      ticker.setFirstTradeId(candle.getFirstTradeId());
      ticker.setLastTradeId(candle.getLastTradeId());
    } else {
      ticker.setHighPrice(Math.max(ticker.getHighPrice(), candle.getHigh()));
      ticker.setLowPrice(Math.min(ticker.getLowPrice(), candle.getLow()));
      if (candle.getFirstTradeId() < ticker.getFirstTradeId()) {
        ticker.setOpenPrice(candle.getOpen());
        ticker.setFirstTradeId(candle.getFirstTradeId());
      }
      ticker.setLastTradeId(Math.max(ticker.getLastTradeId(), candle.getLastTradeId()));
    }
    ticker.setVolume(Math.addExact(ticker.getVolume(), candle.getVolume()));
    ticker.setQuoteVolume(Math.addExact(ticker.getQuoteVolume(), candle.getQuoteVolume()));
    ticker.setTradeCount(ticker.getTradeCount() + candle.getTradeCount());
  }
}
