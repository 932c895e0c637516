package castle.gateway.binance.general;

import castle.gateway.api.ApiException;
import castle.gateway.api.EndpointWeights;
import castle.gateway.api.Params;
import castle.gateway.binance.limits.RateLimits;
import castle.gateway.binance.symbols.SymbolDirectory;
import castle.gateway.binance.symbols.SymbolList;
import castle.schema.reference.SymbolConfig;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binance's general endpoints: {@code GET /api/v3/ping}, {@code /time} (clients measure their clock
 * skew with it) and {@code /exchangeInfo} (every market or the ones named by {@code symbol} or
 * {@code symbols}, from the gateway's copy of the symbols topic).
 */
public final class GeneralRoutes {

  private final SymbolDirectory symbols;
  private final RateLimits limits;
  private final Clock clock;

  /** Routes over {@code symbols}, describing {@code limits}. */
  public GeneralRoutes(SymbolDirectory symbols, RateLimits limits, Clock clock) {
    this.symbols = symbols;
    this.limits = limits;
    this.clock = clock;
  }

  /** Registers the endpoints' request weights (Binance's). */
  public static void registerWeights(EndpointWeights weights) {
    weights.register("GET", "/api/v3/ping", 1);
    weights.register("GET", "/api/v3/time", 1);
    weights.register("GET", "/api/v3/exchangeInfo", 20);
  }

  /** Adds the routes. */
  public void register(JavalinConfig config) {
    config.routes.get("/api/v3/ping", ctx -> ctx.json(Map.of()));
    config.routes.get("/api/v3/time", ctx -> ctx.json(Map.of("serverTime", clock.millis())));
    config.routes.get("/api/v3/exchangeInfo", this::exchangeInfo);
  }

  private void exchangeInfo(Context ctx) {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("timezone", "UTC");
    info.put("serverTime", clock.millis());
    info.put("rateLimits", limits.describe());
    info.put("exchangeFilters", List.of());
    info.put("symbols", selected(Params.of(ctx)).stream().map(ExchangeInfoSymbol::of).toList());
    ctx.json(info);
  }

  private List<SymbolConfig> selected(Params params) {
    if (params.has("symbol") && params.has("symbols")) {
      throw ApiException.badCombination();
    }
    if (params.has("symbol")) {
      return List.of(symbols.require(params.symbol()));
    }
    if (params.has("symbols")) {
      return SymbolList.parse(params.required("symbols")).stream().map(symbols::require).toList();
    }
    return symbols.all();
  }
}
