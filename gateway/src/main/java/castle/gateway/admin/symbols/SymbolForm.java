package castle.gateway.admin.symbols;

import castle.gateway.api.ApiException;
import castle.gateway.v1.JsonBody;
import castle.money.FixedPoint;
import castle.schema.orders.SelfTradePreventionMode;
import castle.schema.reference.SymbolConfig;
import castle.schema.reference.SymbolStatus;
import java.util.regex.Pattern;

/**
 * Reads a symbol configuration from an admin request: a new symbol needs every field; an update
 * starts from the current configuration and changes the fields sent. Prices and notionals are
 * decimal strings at the quote scale, quantities at the base scale.
 */
public final class SymbolForm {

  private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{4,24}");
  private static final Pattern ASSET = Pattern.compile("[A-Z0-9]{2,12}");

  private SymbolForm() {}

  /** A symbol name from a path or body; -1121 when it cannot be one. */
  public static String symbol(String text) {
    if (text == null || !SYMBOL.matcher(text).matches()) {
      throw ApiException.invalidSymbol();
    }
    return text;
  }

  /** A new symbol from every field of {@code body}. */
  public static SymbolConfig create(JsonBody body, long now) {
    String base = asset(body, "baseAsset");
    String quote = asset(body, "quoteAsset");
    int baseScale = body.requiredInt("baseScale", 0, FixedPoint.MAX_SCALE);
    int quoteScale = body.requiredInt("quoteScale", 0, FixedPoint.MAX_SCALE);
    String symbol = body.optionalString("symbol", 24).map(SymbolForm::symbol).orElse(base + quote);
    SymbolConfig.Builder config = SymbolConfig.newBuilder()
        .setSymbol(symbol)
        .setBaseAsset(base)
        .setQuoteAsset(quote)
        .setBaseScale(baseScale)
        .setQuoteScale(quoteScale)
        .setTickSize(body.requiredDecimal("tickSize", quoteScale))
        .setMinPrice(body.requiredDecimal("minPrice", quoteScale))
        .setMaxPrice(body.requiredDecimal("maxPrice", quoteScale))
        .setStepSize(body.requiredDecimal("stepSize", baseScale))
        .setMinQty(body.requiredDecimal("minQty", baseScale))
        .setMaxQty(body.requiredDecimal("maxQty", baseScale))
        .setMinNotional(body.requiredDecimal("minNotional", quoteScale))
        .setMaxNotional(body.has("maxNotional") ? body.requiredDecimal("maxNotional", quoteScale) : 0)
        .setDefaultSelfTradePreventionMode(
            body.optionalEnum("selfTradePreventionMode", SelfTradePreventionMode.class).orElse(SelfTradePreventionMode.EXPIRE_MAKER))
        .setStatus(body.optionalEnum("status", SymbolStatus.class).orElse(SymbolStatus.TRADING))
        .setUpdatedAt(now);
    return config.build();
  }

  /** {@code current} with the fields {@code body} sends; assets and scales cannot change. */
  public static SymbolConfig update(SymbolConfig current, JsonBody body, long now) {
    for (String fixed : new String[] {"symbol", "baseAsset", "quoteAsset", "baseScale", "quoteScale"}) {
      if (body.has(fixed)) {
        throw ApiException.notRequired(fixed);
      }
    }
    int q = current.getQuoteScale();
    int b = current.getBaseScale();
    SymbolConfig.Builder config = SymbolConfig.newBuilder(current).setUpdatedAt(now);
    if (body.has("tickSize")) config.setTickSize(body.requiredDecimal("tickSize", q));
    if (body.has("minPrice")) config.setMinPrice(body.requiredDecimal("minPrice", q));
    if (body.has("maxPrice")) config.setMaxPrice(body.requiredDecimal("maxPrice", q));
    if (body.has("stepSize")) config.setStepSize(body.requiredDecimal("stepSize", b));
    if (body.has("minQty")) config.setMinQty(body.requiredDecimal("minQty", b));
    if (body.has("maxQty")) config.setMaxQty(body.requiredDecimal("maxQty", b));
    if (body.has("minNotional")) config.setMinNotional(body.requiredDecimal("minNotional", q));
    if (body.has("maxNotional")) config.setMaxNotional(body.requiredDecimal("maxNotional", q));
    body.optionalEnum("selfTradePreventionMode", SelfTradePreventionMode.class).ifPresent(config::setDefaultSelfTradePreventionMode);
    body.optionalEnum("status", SymbolStatus.class).ifPresent(config::setStatus);
    return config.build();
  }

  private static String asset(JsonBody body, String name) {
    String asset = body.requiredString(name, 12);
    if (!ASSET.matcher(asset).matches()) {
      throw ApiException.illegalCharacters(name, "^[A-Z0-9]{2,12}$");
    }
    return asset;
  }
}
