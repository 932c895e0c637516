package castle.gateway.binance.general;

import castle.money.Decimals;
import castle.schema.orders.OrderType;
import castle.schema.orders.SelfTradePreventionMode;
import castle.schema.reference.SymbolConfig;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One market as exchangeInfo describes it. Clients decide from this entry whether and how they may
 * trade: it lists every order type Castle accepts, the PRICE_FILTER and LOT_SIZE filters they round
 * prices and quantities to, NOTIONAL and MARKET_LOT_SIZE, and spot-only permissions. It carries none
 * of the derivative or stock keys ({@code contractType}, {@code deliveryDate}, ...) that would make
 * clients file the market under another product.
 */
final class ExchangeInfoSymbol {

  private static final List<String> ORDER_TYPES = Arrays.stream(OrderType.values()).map(Enum::name).sorted().toList();
  private static final List<String> STP_MODES =
      Arrays.stream(SelfTradePreventionMode.values()).map(Enum::name).toList();

  private ExchangeInfoSymbol() {}

  /** The entry of one symbol. */
  static Map<String, Object> of(SymbolConfig s) {
    int base = s.getBaseScale();
    int quote = s.getQuoteScale();
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("symbol", s.getSymbol());
    entry.put("status", s.getStatus().name());
    entry.put("baseAsset", s.getBaseAsset());
    entry.put("baseAssetPrecision", precision(base));
    entry.put("quoteAsset", s.getQuoteAsset());
    entry.put("quotePrecision", precision(quote));
    entry.put("quoteAssetPrecision", precision(quote));
    entry.put("baseCommissionPrecision", precision(base));
    entry.put("quoteCommissionPrecision", precision(quote));
    entry.put("orderTypes", ORDER_TYPES);
    entry.put("icebergAllowed", false);
    entry.put("ocoAllowed", false);
    entry.put("otoAllowed", false);
    entry.put("quoteOrderQtyMarketAllowed", true);
    entry.put("allowTrailingStop", false);
    entry.put("cancelReplaceAllowed", false);
    entry.put("isSpotTradingAllowed", true);
    entry.put("isMarginTradingAllowed", false);
    entry.put("filters", filters(s));
    entry.put("permissions", List.of());
    entry.put("permissionSets", List.of(List.of("SPOT")));
    entry.put("defaultSelfTradePreventionMode", s.getDefaultSelfTradePreventionMode().name());
    entry.put("allowedSelfTradePreventionModes", STP_MODES);
    return entry;
  }

  private static List<Map<String, Object>> filters(SymbolConfig s) {
    int quote = s.getQuoteScale();
    Map<String, Object> price = filter("PRICE_FILTER");
    price.put("minPrice", Decimals.format(s.getMinPrice(), quote));
    price.put("maxPrice", Decimals.format(s.getMaxPrice(), quote));
    price.put("tickSize", Decimals.format(s.getTickSize(), quote));
    Map<String, Object> lot = lotSize("LOT_SIZE", s);
    Map<String, Object> marketLot = lotSize("MARKET_LOT_SIZE", s);
    Map<String, Object> notional = filter("NOTIONAL");
    notional.put("minNotional", Decimals.format(s.getMinNotional(), quote));
    // The minimum applies to market orders given a quote amount; there is no maximum when it is 0.
    notional.put("applyMinToMarket", true);
    notional.put("maxNotional", Decimals.format(s.getMaxNotional() > 0 ? s.getMaxNotional() : Long.MAX_VALUE, quote));
    notional.put("applyMaxToMarket", s.getMaxNotional() > 0);
    notional.put("avgPriceMins", 5);
    return List.of(price, lot, marketLot, notional);
  }

  private static Map<String, Object> lotSize(String type, SymbolConfig s) {
    Map<String, Object> lot = filter(type);
    lot.put("minQty", Decimals.format(s.getMinQty(), s.getBaseScale()));
    lot.put("maxQty", Decimals.format(s.getMaxQty(), s.getBaseScale()));
    lot.put("stepSize", Decimals.format(s.getStepSize(), s.getBaseScale()));
    return lot;
  }

  private static Map<String, Object> filter(String type) {
    Map<String, Object> filter = new LinkedHashMap<>();
    filter.put("filterType", type);
    return filter;
  }

  /** Decimal places the API shows for an asset of this scale. */
  private static int precision(int scale) {
    return Math.max(scale, Decimals.API_DECIMALS);
  }
}
