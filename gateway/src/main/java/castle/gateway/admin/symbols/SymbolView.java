package castle.gateway.admin.symbols;

import castle.money.Decimals;
import castle.schema.orders.SelfTradePreventionMode;
import castle.schema.reference.SymbolConfig;
import castle.schema.reference.SymbolStatus;

/** A symbol's configuration as the admin API shows it: amounts as decimal strings at their scale. */
public record SymbolView(
    String symbol,
    String baseAsset,
    String quoteAsset,
    int baseScale,
    int quoteScale,
    SymbolStatus status,
    String tickSize,
    String minPrice,
    String maxPrice,
    String stepSize,
    String minQty,
    String maxQty,
    String minNotional,
    String maxNotional,
    SelfTradePreventionMode selfTradePreventionMode,
    long updatedAt) {

  /** The view of a configuration. */
  public static SymbolView of(SymbolConfig s) {
    int q = s.getQuoteScale();
    int b = s.getBaseScale();
    return new SymbolView(
        s.getSymbol(), s.getBaseAsset(), s.getQuoteAsset(), b, q, s.getStatus(),
        Decimals.format(s.getTickSize(), q, q), Decimals.format(s.getMinPrice(), q, q), Decimals.format(s.getMaxPrice(), q, q),
        Decimals.format(s.getStepSize(), b, b), Decimals.format(s.getMinQty(), b, b), Decimals.format(s.getMaxQty(), b, b),
        Decimals.format(s.getMinNotional(), q, q), Decimals.format(s.getMaxNotional(), q, q),
        s.getDefaultSelfTradePreventionMode(), s.getUpdatedAt());
  }
}
