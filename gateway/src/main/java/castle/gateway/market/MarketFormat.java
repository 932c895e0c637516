package castle.gateway.market;

import castle.market.book.DepthBook.Level;
import castle.market.read.MarketReads.Kline;
import castle.market.read.MarketReads.SymbolInfo;
import castle.market.read.MarketReads.TickerView;
import castle.market.read.MarketReads.TradeRow;
import castle.market.trades.AggTrade;
import castle.money.Decimals;
import castle.money.FixedPoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binance's JSON shapes for market data, shared by REST and WebSocket: prices and quantities as
 * plain decimal strings with at least eight decimals, ids and times as integers, fields in Binance's
 * order. Derived figures (price change, its percentage, the weighted average) are computed in fixed
 * point, never in floating point.
 */
public final class MarketFormat {

  /** Binance shows priceChangePercent with three decimals. */
  private static final int PERCENT_DECIMALS = 3;

  private MarketFormat() {}

  /** A price at the symbol's quote scale. */
  public static String price(long units, SymbolInfo symbol) {
    return Decimals.format(units, symbol.quoteScale());
  }

  /** A quantity at the symbol's base scale. */
  public static String qty(long units, SymbolInfo symbol) {
    return Decimals.format(units, symbol.baseScale());
  }

  /** Price levels as {@code [["price","qty"], ...]}. */
  public static List<List<String>> levels(List<Level> levels, SymbolInfo symbol) {
    List<List<String>> pairs = new ArrayList<>(levels.size());
    for (Level level : levels) {
      pairs.add(List.of(price(level.price(), symbol), qty(level.qty(), symbol)));
    }
    return pairs;
  }

  /** A row of {@code /api/v3/trades}. */
  public static Map<String, Object> trade(TradeRow trade, SymbolInfo symbol) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", trade.id());
    json.put("price", price(trade.price(), symbol));
    json.put("qty", qty(trade.qty(), symbol));
    json.put("quoteQty", price(trade.quoteQty(), symbol));
    json.put("time", trade.time());
    json.put("isBuyerMaker", trade.buyerIsMaker());
    json.put("isBestMatch", true);
    return json;
  }

  /** A row of {@code /api/v3/aggTrades}. */
  public static Map<String, Object> aggTrade(AggTrade trade, SymbolInfo symbol) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("a", trade.aggId());
    json.put("p", price(trade.price(), symbol));
    json.put("q", qty(trade.qty(), symbol));
    json.put("f", trade.firstTradeId());
    json.put("l", trade.lastTradeId());
    json.put("T", trade.time());
    json.put("m", trade.buyerIsMaker());
    json.put("M", true);
    return json;
  }

  /** A row of {@code /api/v3/klines}: twelve positional values. */
  public static List<Object> kline(Kline kline, SymbolInfo symbol) {
    return List.of(kline.openTime(), price(kline.open(), symbol), price(kline.high(), symbol),
        price(kline.low(), symbol), price(kline.close(), symbol), qty(kline.volume(), symbol), kline.closeTime(),
        price(kline.quoteVolume(), symbol), kline.tradeCount(), qty(kline.takerBuyBaseVolume(), symbol),
        price(kline.takerBuyQuoteVolume(), symbol), "0");
  }

  /**
   * {@code /api/v3/ticker/24hr}: {@code bidQty} is present and there is no {@code time} field, so
   * clients recognise a spot ticker.
   */
  public static Map<String, Object> ticker(TickerView t) {
    SymbolInfo s = t.symbol();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("symbol", s.symbol());
    json.put("priceChange", price(priceChange(t), s));
    json.put("priceChangePercent", priceChangePercent(t));
    json.put("weightedAvgPrice", price(weightedAvgPrice(t), s));
    json.put("prevClosePrice", price(t.prevClosePrice(), s));
    json.put("lastPrice", price(t.lastPrice(), s));
    json.put("lastQty", qty(t.lastQty(), s));
    json.put("bidPrice", price(t.bidPrice(), s));
    json.put("bidQty", qty(t.bidQty(), s));
    json.put("askPrice", price(t.askPrice(), s));
    json.put("askQty", qty(t.askQty(), s));
    putRange(json, t);
    putWindow(json, t);
    return json;
  }

  /** {@code /api/v3/ticker/24hr?type=MINI}. */
  public static Map<String, Object> miniTicker(TickerView t) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("symbol", t.symbol().symbol());
    putRange(json, t);
    json.put("lastPrice", price(t.lastPrice(), t.symbol()));
    putWindow(json, t);
    return json;
  }

  private static void putRange(Map<String, Object> json, TickerView t) {
    json.put("openPrice", price(t.openPrice(), t.symbol()));
    json.put("highPrice", price(t.highPrice(), t.symbol()));
    json.put("lowPrice", price(t.lowPrice(), t.symbol()));
  }

  private static void putWindow(Map<String, Object> json, TickerView t) {
    json.put("volume", qty(t.volume(), t.symbol()));
    json.put("quoteVolume", price(t.quoteVolume(), t.symbol()));
    json.put("openTime", t.openTime());
    json.put("closeTime", t.closeTime());
    json.put("firstId", t.firstTradeId());
    json.put("lastId", t.lastTradeId());
    json.put("count", t.tradeCount());
  }

  /** {@code /api/v3/ticker/price}. */
  public static Map<String, Object> tickerPrice(TickerView t) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("symbol", t.symbol().symbol());
    json.put("price", price(t.lastPrice(), t.symbol()));
    return json;
  }

  /** {@code /api/v3/ticker/bookTicker}. */
  public static Map<String, Object> bookTicker(TickerView t) {
    SymbolInfo s = t.symbol();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("symbol", s.symbol());
    json.put("bidPrice", price(t.bidPrice(), s));
    json.put("bidQty", qty(t.bidQty(), s));
    json.put("askPrice", price(t.askPrice(), s));
    json.put("askQty", qty(t.askQty(), s));
    return json;
  }

  /** Last price minus open price, signed. */
  public static long priceChange(TickerView t) {
    return t.lastPrice() - t.openPrice();
  }

  /** The change as a percentage of the open, three decimals, rounded towards zero; "0.000" without an open. */
  public static String priceChangePercent(TickerView t) {
    long change = priceChange(t);
    if (t.openPrice() == 0 || change == 0) {
      return Decimals.format(0, PERCENT_DECIMALS, PERCENT_DECIMALS);
    }
    long thousandths = FixedPoint.mulDiv(Math.abs(change), 100_000, t.openPrice());
    return Decimals.format(change < 0 ? -thousandths : thousandths, PERCENT_DECIMALS, PERCENT_DECIMALS);
  }

  /** Quote volume over base volume, at the quote scale; 0 without volume. */
  public static long weightedAvgPrice(TickerView t) {
    return t.volume() == 0 ? 0 : FixedPoint.mulDiv(t.quoteVolume(), FixedPoint.pow10(t.symbol().baseScale()), t.volume());
  }
}
