package castle.market.candles;

import castle.schema.market.Candle;
import castle.schema.market.PublicTrade;

/**
 * OHLCV arithmetic. The open is the price of the candle's earliest trade in execution order (lowest
 * tradeId) and the close that of its latest, so a trade that arrives late, within the grace period,
 * lands in the right candle without disturbing the sequence of prices that really happened. Sums
 * are checked: an overflow is an error, never a wrapped volume.
 */
public final class Candles {

  private Candles() {}

  /** A new open candle holding one trade, at version 1. */
  public static Candle start(String symbol, Interval interval, PublicTrade trade, int baseScale, int quoteScale) {
    long openTime = interval.openTime(trade.getTime());
    boolean takerBought = !trade.getBuyerIsMaker();
    return Candle.newBuilder()
        .setSymbol(symbol)
        .setInterval(interval.code())
        .setOpenTime(openTime)
        .setCloseTime(interval.closeTime(openTime))
        .setOpen(trade.getPrice())
        .setHigh(trade.getPrice())
        .setLow(trade.getPrice())
        .setClose(trade.getPrice())
        .setVolume(trade.getQty())
        .setQuoteVolume(trade.getQuoteQty())
        .setTradeCount(1)
        .setTakerBuyBaseVolume(takerBought ? trade.getQty() : 0)
        .setTakerBuyQuoteVolume(takerBought ? trade.getQuoteQty() : 0)
        .setFirstTradeId(trade.getTradeId())
        .setLastTradeId(trade.getTradeId())
        .setClosed(false)
        .setVersion(1)
        .setBaseScale(baseScale)
        .setQuoteScale(quoteScale)
        .build();
  }

  /** Adds one trade to an open candle and raises its version. */
  public static void add(Candle candle, PublicTrade trade) {
    long price = trade.getPrice();
    candle.setHigh(Math.max(candle.getHigh(), price));
    candle.setLow(Math.min(candle.getLow(), price));
    if (trade.getTradeId() < candle.getFirstTradeId()) {
      candle.setOpen(price);
      candle.setFirstTradeId(trade.getTradeId());
    }
    if (trade.getTradeId() > candle.getLastTradeId()) {
      candle.setClose(price);
      candle.setLastTradeId(trade.getTradeId());
    }
    candle.setVolume(Math.addExact(candle.getVolume(), trade.getQty()));
    candle.setQuoteVolume(Math.addExact(candle.getQuoteVolume(), trade.getQuoteQty()));
    candle.setTradeCount(candle.getTradeCount() + 1);
    if (!trade.getBuyerIsMaker()) {
      candle.setTakerBuyBaseVolume(Math.addExact(candle.getTakerBuyBaseVolume(), trade.getQty()));
      candle.setTakerBuyQuoteVolume(Math.addExact(candle.getTakerBuyQuoteVolume(), trade.getQuoteQty()));
    }
    candle.setVersion(candle.getVersion() + 1);
  }

  /**
   * A candle for an interval without trades: the previous close carried forward as open, high, low
   * and close, with zero volume and no trade ids, as Binance shows such intervals.
   */
  public static Candle empty(String symbol, Interval interval, long openTime, long previousClose, boolean closed,
      int baseScale, int quoteScale) {
    return Candle.newBuilder()
        .setSymbol(symbol)
        .setInterval(interval.code())
        .setOpenTime(openTime)
        .setCloseTime(interval.closeTime(openTime))
        .setOpen(previousClose)
        .setHigh(previousClose)
        .setLow(previousClose)
        .setClose(previousClose)
        .setVolume(0)
        .setQuoteVolume(0)
        .setTradeCount(0)
        .setTakerBuyBaseVolume(0)
        .setTakerBuyQuoteVolume(0)
        .setFirstTradeId(-1)
        .setLastTradeId(-1)
        .setClosed(closed)
        .setVersion(0)
        .setBaseScale(baseScale)
        .setQuoteScale(quoteScale)
        .build();
  }

  /** The interval a candle belongs to. */
  public static Interval intervalOf(Candle candle) {
    return Interval.parse(candle.getInterval())
        .orElseThrow(() -> new IllegalStateException("Candle with unknown interval " + candle.getInterval()));
  }
}
