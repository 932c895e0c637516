package castle.gateway.market;

import castle.gateway.api.ApiException;
import castle.gateway.api.EndpointWeights;
import castle.gateway.api.Params;
import castle.iq.market.MarketQueries;
import castle.market.candles.Interval;
import castle.market.read.MarketReads.AggTrades;
import castle.market.read.MarketReads.AvgPrice;
import castle.market.read.MarketReads.DepthSnapshot;
import castle.market.read.MarketReads.Klines;
import castle.market.read.MarketReads.SymbolInfo;
import castle.market.read.MarketReads.TickerList;
import castle.market.read.MarketReads.TickerView;
import castle.market.read.MarketReads.Trades;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The public market-data endpoints of the Binance API: depth, trades, aggTrades, klines, the 24-hour
 * and price and book tickers, and avgPrice. Every read goes through interactive queries; the symbol
 * must exist ({@code -1121} otherwise) and parameters are checked before any query runs.
 */
public final class MarketRoutes {

  private static final int MAX_SYMBOLS = 100;
  private static final long MAX_AGG_SPAN_MS = 3_600_000L;
  private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{1,20}");
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private final MarketStore store;
  private final DepthSource depthSource;
  private final EndpointWeights weights;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  /** Routes reading through {@code store}, with depth snapshots from {@code depthSource}. */
  MarketRoutes(MarketStore store, DepthSource depthSource, EndpointWeights weights, Clock clock) {
    this.store = store;
    this.depthSource = depthSource;
    this.weights = weights;
    this.clock = clock;
  }

  /** Adds the routes and registers their request weights. */
  public void register(JavalinConfig config) {
    config.routes.get("/api/v3/depth", this::depth);
    config.routes.get("/api/v3/trades", this::trades);
    config.routes.get("/api/v3/aggTrades", this::aggTrades);
    config.routes.get("/api/v3/klines", this::klines);
    config.routes.get("/api/v3/ticker/24hr", this::ticker24hr);
    config.routes.get("/api/v3/ticker/price", this::tickerPrice);
    config.routes.get("/api/v3/ticker/bookTicker", this::bookTicker);
    config.routes.get("/api/v3/avgPrice", this::avgPrice);
    weights.register("GET", "/api/v3/depth", params -> depthWeight(params.limit("limit", 100, 5000)));
    weights.register("GET", "/api/v3/trades", 25);
    weights.register("GET", "/api/v3/aggTrades", 4);
    weights.register("GET", "/api/v3/klines", 2);
    weights.register("GET", "/api/v3/ticker/24hr", params -> tickerWeight(params, 2, 40, 80));
    weights.register("GET", "/api/v3/ticker/price", params -> tickerWeight(params, 2, 4, 4));
    weights.register("GET", "/api/v3/ticker/bookTicker", params -> tickerWeight(params, 2, 4, 4));
    weights.register("GET", "/api/v3/avgPrice", 2);
  }

  private void depth(Context ctx) {
    Params params = Params.of(ctx);
    String symbol = params.symbol();
    int limit = params.limit("limit", 100, 5000);
    DepthSnapshot snapshot = MarketStore.available(() -> depthSource.snapshot(symbol, limit));
    known(snapshot.symbol());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("lastUpdateId", snapshot.lastUpdateId());
    body.put("bids", MarketFormat.levels(snapshot.bids(), snapshot.symbol()));
    body.put("asks", MarketFormat.levels(snapshot.asks(), snapshot.symbol()));
    ctx.json(body);
  }

  private void trades(Context ctx) {
    Params params = Params.of(ctx);
    Trades trades = store.byKey(MarketQueries.TRADES, params.symbol(),
        MarketQueries.params(MarketQueries.LIMIT, params.limit("limit", 500, 1000)));
    SymbolInfo symbol = known(trades.symbol());
    ctx.json(trades.trades().stream().map(trade -> MarketFormat.trade(trade, symbol)).toList());
  }

  private void aggTrades(Context ctx) {
    Params params = Params.of(ctx);
    String symbol = params.symbol();
    int limit = params.limit("limit", 500, 1000);
    Long fromId = params.optionalLong("fromId").orElse(null);
    Long startTime = params.optionalLong("startTime").orElse(null);
    Long endTime = params.optionalLong("endTime").orElse(null);
    if (fromId != null && (startTime != null || endTime != null)) {
      throw ApiException.badCombination();
    }
    if (startTime != null && endTime != null) {
      checkOrder(startTime, endTime);
      if (endTime - startTime > MAX_AGG_SPAN_MS) {
        throw new ApiException(400, -1127, "More than 1 hours between startTime and endTime.");
      }
    }
    AggTrades trades = store.byKey(MarketQueries.AGG_TRADES, symbol, MarketQueries.params(
        MarketQueries.LIMIT, limit, MarketQueries.FROM_ID, fromId,
        MarketQueries.START_TIME, startTime, MarketQueries.END_TIME, endTime));
    SymbolInfo info = known(trades.symbol());
    ctx.json(trades.trades().stream().map(trade -> MarketFormat.aggTrade(trade, info)).toList());
  }

  private void klines(Context ctx) {
    Params params = Params.of(ctx);
    String symbol = params.symbol();
    Interval interval = Interval.parse(params.required("interval")).orElseThrow(ApiException::invalidInterval);
    int limit = params.limit("limit", 500, 1000);
    Long startTime = params.optionalLong("startTime").orElse(null);
    Long endTime = params.optionalLong("endTime").orElse(null);
    if (startTime != null && endTime != null) {
      checkOrder(startTime, endTime);
    }
    Klines klines = store.byKey(MarketQueries.KLINES, symbol, MarketQueries.params(
        MarketQueries.INTERVAL, interval.code(), MarketQueries.LIMIT, limit, MarketQueries.NOW, clock.millis(),
        MarketQueries.START_TIME, startTime, MarketQueries.END_TIME, endTime));
    SymbolInfo info = known(klines.symbol());
    ctx.json(klines.klines().stream().map(kline -> MarketFormat.kline(kline, info)).toList());
  }

  private void ticker24hr(Context ctx) {
    Params params = Params.of(ctx);
    String type = params.optional("type").orElse("FULL");
    Function<TickerView, Map<String, Object>> format = switch (type) {
      case "FULL" -> MarketFormat::ticker;
      case "MINI" -> MarketFormat::miniTicker;
      default -> throw ApiException.invalidValue("type");
    };
    answerTickers(ctx, params, format);
  }

  private void tickerPrice(Context ctx) {
    answerTickers(ctx, Params.of(ctx), MarketFormat::tickerPrice);
  }

  private void bookTicker(Context ctx) {
    answerTickers(ctx, Params.of(ctx), MarketFormat::bookTicker);
  }

  /** One object for {@code symbol}, an array for {@code symbols} or for every symbol. */
  private void answerTickers(Context ctx, Params params, Function<TickerView, Map<String, Object>> format) {
    if (params.has("symbol") && params.has("symbols")) {
      throw ApiException.badCombination();
    }
    if (params.has("symbol")) {
      ctx.json(format.apply(ticker(params.symbol())));
      return;
    }
    List<TickerView> tickers = new ArrayList<>();
    if (params.has("symbols")) {
      for (String symbol : symbolList(params)) {
        tickers.add(ticker(symbol));
      }
    } else {
      for (TickerList list : store.fromAll(MarketQueries.TICKERS, MarketQueries.params(MarketQueries.NOW, clock.millis()))) {
        tickers.addAll(list.tickers());
      }
      tickers.sort(Comparator.comparing(ticker -> ticker.symbol().symbol()));
    }
    ctx.json(tickers.stream().map(format).toList());
  }

  private TickerView ticker(String symbol) {
    TickerView ticker = store.byKey(MarketQueries.TICKER, symbol, MarketQueries.params(MarketQueries.NOW, clock.millis()));
    known(ticker.symbol());
    return ticker;
  }

  private void avgPrice(Context ctx) {
    Params params = Params.of(ctx);
    AvgPrice avg = store.byKey(MarketQueries.AVG_PRICE, params.symbol(),
        MarketQueries.params(MarketQueries.NOW, clock.millis()));
    SymbolInfo info = known(avg.symbol());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("mins", avg.mins());
    body.put("price", MarketFormat.price(avg.price(), info));
    body.put("closeTime", avg.closeTime());
    ctx.json(body);
  }

  private List<String> symbolList(Params params) {
    String raw = params.required("symbols");
    List<String> symbols;
    try {
      symbols = json.readValue(raw, STRINGS);
    } catch (IOException e) {
      throw ApiException.illegalCharacters("symbols", "^\\[(\"[A-Z0-9-_.]{1,20}\"(,\"[A-Z0-9-_.]{1,20}\"){0,}){0,1}\\]$");
    }
    if (symbols == null || symbols.isEmpty() || symbols.size() > MAX_SYMBOLS
        || !symbols.stream().allMatch(symbol -> symbol != null && SYMBOL.matcher(symbol).matches())) {
      throw ApiException.illegalCharacters("symbols", "^\\[(\"[A-Z0-9-_.]{1,20}\"(,\"[A-Z0-9-_.]{1,20}\"){0,}){0,1}\\]$");
    }
    return symbols.stream().distinct().toList();
  }

  private static SymbolInfo known(SymbolInfo symbol) {
    if (!symbol.known()) {
      throw ApiException.invalidSymbol();
    }
    return symbol;
  }

  private static void checkOrder(long startTime, long endTime) {
    if (startTime > endTime) {
      throw new ApiException(400, -1023, "Start time is greater than end time.");
    }
  }

  /** Binance's depth weights: 5 up to 100 levels, 25 up to 500, 50 up to 1000, 250 beyond. */
  static int depthWeight(int limit) {
    if (limit <= 100) {
      return 5;
    }
    if (limit <= 500) {
      return 25;
    }
    return limit <= 1000 ? 50 : 250;
  }

  private static int tickerWeight(Params params, int one, int upTo100, int all) {
    if (params.has("symbol")) {
      return one;
    }
    if (params.has("symbols")) {
      int count = params.optional("symbols").map(raw -> raw.split(",").length).orElse(1);
      return count <= 20 ? one : count <= 100 ? upTo100 : all;
    }
    return all;
  }
}
