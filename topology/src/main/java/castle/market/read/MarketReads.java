package castle.market.read;

import castle.market.book.DepthBook;
import castle.market.trades.AggTrade;
import castle.schema.market.Ticker;
import java.util.List;

/**
 * What the market app's stores answer, as plain records: they travel as JSON between instances, so
 * they hold fixed-point longs with the scales that apply and no Avro types. {@code known} is false
 * for a symbol that is neither configured nor traded; the other fields are then empty.
 */
public final class MarketReads {

  private MarketReads() {}

  /** A symbol's scales. */
  public record SymbolInfo(String symbol, boolean known, int baseScale, int quoteScale) {
    static SymbolInfo unknown(String symbol) {
      return new SymbolInfo(symbol, false, 0, 0);
    }
  }

  /** The aggregated book as of {@code lastUpdateId}, best levels first. */
  public record DepthSnapshot(
      SymbolInfo symbol, long lastUpdateId, List<DepthBook.Level> bids, List<DepthBook.Level> asks) {}

  /** One public trade. */
  public record TradeRow(long id, long price, long qty, long quoteQty, long time, boolean buyerIsMaker) {}

  /** Recent trades, oldest first. */
  public record Trades(SymbolInfo symbol, List<TradeRow> trades) {}

  /** Aggregate trades, oldest first. */
  public record AggTrades(SymbolInfo symbol, List<AggTrade> trades) {}

  /** One kline row. */
  public record Kline(long openTime, long open, long high, long low, long close, long volume, long closeTime,
      long quoteVolume, long tradeCount, long takerBuyBaseVolume, long takerBuyQuoteVolume) {}

  /** Klines, oldest first; the last may be the open one. */
  public record Klines(SymbolInfo symbol, List<Kline> klines) {}

  /** A rolling 24-hour ticker with the top of the book, as of {@code closeTime}. */
  public record TickerView(SymbolInfo symbol, long openTime, long closeTime, long openPrice, long highPrice,
      long lowPrice, long lastPrice, long lastQty, long prevClosePrice, long volume, long quoteVolume,
      long firstTradeId, long lastTradeId, long tradeCount, long bidPrice, long bidQty, long askPrice, long askQty,
      long bookUpdateId) {

    /** The view of a ticker record, as of {@code closeTime}. */
    public static TickerView of(SymbolInfo symbol, Ticker t, long closeTime) {
      return new TickerView(symbol, t.getOpenTime(), closeTime, t.getOpenPrice(), t.getHighPrice(), t.getLowPrice(),
          t.getLastPrice(), t.getLastQty(), t.getPrevClosePrice(), t.getVolume(), t.getQuoteVolume(),
          t.getFirstTradeId(), t.getLastTradeId(), t.getTradeCount(), t.getBidPrice(), t.getBidQty(), t.getAskPrice(),
          t.getAskQty(), t.getBookUpdateId());
    }

    /** The view of a ticker published on {@code market.tickers}. */
    public static TickerView of(Ticker t) {
      return of(new SymbolInfo(t.getSymbol(), true, t.getBaseScale(), t.getQuoteScale()), t, t.getCloseTime());
    }
  }

  /** The tickers an instance holds. */
  public record TickerList(List<TickerView> tickers) {}

  /** The volume-weighted average price of the last {@code mins} minutes. */
  public record AvgPrice(SymbolInfo symbol, int mins, long price, long closeTime) {}

  /** One active alert. */
  public record AlertView(long alertId, long accountId, String symbol, String condition, long price,
      int movePercentBasisPoints, long windowMs, boolean recurring, String note, long createdAt, long firedCount,
      long lastFiredAt, int quoteScale) {}

  /** The alerts an instance holds for one account. */
  public record AlertList(List<AlertView> alerts) {}
}
