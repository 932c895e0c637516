package castle.gateway.market.feed;

import static castle.gateway.market.MarketFormat.price;
import static castle.gateway.market.MarketFormat.qty;

import castle.gateway.market.MarketFormat;
import castle.market.book.DepthBook.Level;
import castle.market.read.MarketReads.DepthSnapshot;
import castle.market.read.MarketReads.SymbolInfo;
import castle.market.read.MarketReads.TickerView;
import castle.market.trades.AggTrade;
import castle.schema.market.Candle;
import castle.schema.market.Trade;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Binance's WebSocket market events, as JSON text; {@code E} is the time the gateway sends them. */
final class MarketEvents {

  private final ObjectMapper json = new ObjectMapper();

  String trade(Trade trade, long eventTime) {
    SymbolInfo s = symbol(trade.getSymbol(), trade.getBaseScale(), trade.getQuoteScale());
    Map<String, Object> e = event("trade", eventTime, s);
    e.put("t", trade.getTradeId());
    e.put("p", price(trade.getPrice(), s));
    e.put("q", qty(trade.getQty(), s));
    e.put("T", trade.getTime());
    e.put("m", trade.getBuyerIsMaker());
    e.put("M", true);
    return write(e);
  }

  String aggTrade(SymbolInfo s, AggTrade trade, long eventTime) {
    Map<String, Object> e = event("aggTrade", eventTime, s);
    e.put("a", trade.aggId());
    e.put("p", price(trade.price(), s));
    e.put("q", qty(trade.qty(), s));
    e.put("f", trade.firstTradeId());
    e.put("l", trade.lastTradeId());
    e.put("T", trade.time());
    e.put("m", trade.buyerIsMaker());
    e.put("M", true);
    return write(e);
  }

  String depthUpdate(SymbolInfo s, long firstUpdateId, long lastUpdateId, List<Level> bids, List<Level> asks,
      long eventTime) {
    Map<String, Object> e = event("depthUpdate", eventTime, s);
    e.put("U", firstUpdateId);
    e.put("u", lastUpdateId);
    e.put("b", MarketFormat.levels(bids, s));
    e.put("a", MarketFormat.levels(asks, s));
    return write(e);
  }

  /** A partial book: the top levels as of an update id, without an event type, as Binance sends it. */
  String partialDepth(DepthSnapshot snapshot, int levels) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("lastUpdateId", snapshot.lastUpdateId());
    e.put("bids", MarketFormat.levels(snapshot.bids().subList(0, Math.min(levels, snapshot.bids().size())), snapshot.symbol()));
    e.put("asks", MarketFormat.levels(snapshot.asks().subList(0, Math.min(levels, snapshot.asks().size())), snapshot.symbol()));
    return write(e);
  }

  String kline(Candle candle, long eventTime) {
    SymbolInfo s = symbol(candle.getSymbol(), candle.getBaseScale(), candle.getQuoteScale());
    Map<String, Object> k = new LinkedHashMap<>();
    k.put("t", candle.getOpenTime());
    k.put("T", candle.getCloseTime());
    k.put("s", s.symbol());
    k.put("i", candle.getInterval());
    k.put("f", candle.getFirstTradeId());
    k.put("L", candle.getLastTradeId());
    k.put("o", price(candle.getOpen(), s));
    k.put("c", price(candle.getClose(), s));
    k.put("h", price(candle.getHigh(), s));
    k.put("l", price(candle.getLow(), s));
    k.put("v", qty(candle.getVolume(), s));
    k.put("n", candle.getTradeCount());
    k.put("x", candle.getClosed());
    k.put("q", price(candle.getQuoteVolume(), s));
    k.put("V", qty(candle.getTakerBuyBaseVolume(), s));
    k.put("Q", price(candle.getTakerBuyQuoteVolume(), s));
    k.put("B", "0");
    Map<String, Object> e = event("kline", eventTime, s);
    e.put("k", k);
    return write(e);
  }

  String ticker(TickerView t, long eventTime) {
    SymbolInfo s = t.symbol();
    Map<String, Object> e = event("24hrTicker", eventTime, s);
    e.put("p", price(MarketFormat.priceChange(t), s));
    e.put("P", MarketFormat.priceChangePercent(t));
    e.put("w", price(MarketFormat.weightedAvgPrice(t), s));
    e.put("x", price(t.prevClosePrice(), s));
    e.put("c", price(t.lastPrice(), s));
    e.put("Q", qty(t.lastQty(), s));
    e.put("b", price(t.bidPrice(), s));
    e.put("B", qty(t.bidQty(), s));
    e.put("a", price(t.askPrice(), s));
    e.put("A", qty(t.askQty(), s));
    e.put("o", price(t.openPrice(), s));
    e.put("h", price(t.highPrice(), s));
    e.put("l", price(t.lowPrice(), s));
    e.put("v", qty(t.volume(), s));
    e.put("q", price(t.quoteVolume(), s));
    e.put("O", t.openTime());
    e.put("C", t.closeTime());
    e.put("F", t.firstTradeId());
    e.put("L", t.lastTradeId());
    e.put("n", t.tradeCount());
    return write(e);
  }

  String miniTicker(TickerView t, long eventTime) {
    SymbolInfo s = t.symbol();
    Map<String, Object> e = event("24hrMiniTicker", eventTime, s);
    e.put("c", price(t.lastPrice(), s));
    e.put("o", price(t.openPrice(), s));
    e.put("h", price(t.highPrice(), s));
    e.put("l", price(t.lowPrice(), s));
    e.put("v", qty(t.volume(), s));
    e.put("q", price(t.quoteVolume(), s));
    return write(e);
  }

  String bookTicker(TickerView t) {
    SymbolInfo s = t.symbol();
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("u", t.bookUpdateId());
    e.put("s", s.symbol());
    e.put("b", price(t.bidPrice(), s));
    e.put("B", qty(t.bidQty(), s));
    e.put("a", price(t.askPrice(), s));
    e.put("A", qty(t.askQty(), s));
    return write(e);
  }

  static SymbolInfo symbol(String symbol, int baseScale, int quoteScale) {
    return new SymbolInfo(symbol, true, baseScale, quoteScale);
  }

  private static Map<String, Object> event(String type, long eventTime, SymbolInfo symbol) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("e", type);
    e.put("E", eventTime);
    e.put("s", symbol.symbol());
    return e;
  }

  String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write an event as JSON", e);
    }
  }
}
