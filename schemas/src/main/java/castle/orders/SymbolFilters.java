package castle.orders;

import castle.money.FixedPoint;
import castle.schema.reference.SymbolConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules a symbol's configuration imposes, as Binance's PRICE_FILTER, LOT_SIZE and NOTIONAL
 * filters. The gateway checks orders with them before anything reaches Kafka; admin tools check a
 * configuration with {@link #problems(SymbolConfig)} before publishing it.
 */
public final class SymbolFilters {

  private static final Pattern ASSET = Pattern.compile("[A-Z0-9]{2,12}");

  private SymbolFilters() {}

  /** What is wrong with a symbol configuration; empty when it can be published. */
  public static List<String> problems(SymbolConfig s) {
    List<String> problems = new ArrayList<>();
    if (!ASSET.matcher(s.getBaseAsset()).matches() || !ASSET.matcher(s.getQuoteAsset()).matches()) {
      problems.add("assets must be 2-12 upper-case letters or digits");
    }
    if (s.getBaseAsset().equals(s.getQuoteAsset())) {
      problems.add("base and quote asset must differ");
    }
    if (!s.getSymbol().equals(s.getBaseAsset() + s.getQuoteAsset())) {
      problems.add("symbol must be base asset followed by quote asset");
    }
    if (!validScale(s.getBaseScale()) || !validScale(s.getQuoteScale())) {
      problems.add("scales must be 0.." + FixedPoint.MAX_SCALE);
      return problems;
    }
    if (s.getTickSize() <= 0 || s.getStepSize() <= 0) {
      problems.add("tickSize and stepSize must be positive");
      return problems;
    }
    if (s.getMinPrice() <= 0 || s.getMinPrice() > s.getMaxPrice()) {
      problems.add("need 0 < minPrice <= maxPrice");
    }
    if (s.getMinPrice() % s.getTickSize() != 0 || s.getMaxPrice() % s.getTickSize() != 0) {
      problems.add("minPrice and maxPrice must be multiples of tickSize");
    }
    if (s.getMinQty() <= 0 || s.getMinQty() > s.getMaxQty()) {
      problems.add("need 0 < minQty <= maxQty");
    }
    if (s.getMinQty() % s.getStepSize() != 0 || s.getMaxQty() % s.getStepSize() != 0) {
      problems.add("minQty and maxQty must be multiples of stepSize");
    }
    if (s.getMinNotional() < 0 || s.getMaxNotional() < 0
        || (s.getMaxNotional() > 0 && s.getMaxNotional() < s.getMinNotional())) {
      problems.add("need 0 <= minNotional <= maxNotional (0 = no maximum)");
    }
    try {
      if (FixedPoint.mulDiv(s.getTickSize(), s.getStepSize(), 1) % FixedPoint.pow10(s.getBaseScale()) != 0) {
        problems.add("tickSize x stepSize must be a whole number of quote units, so every notional is exact");
      }
      FixedPoint.notional(s.getMaxPrice(), s.getMaxQty(), s.getBaseScale());
    } catch (ArithmeticException e) {
      problems.add("maxPrice x maxQty overflows a fixed-point long at this scale");
    }
    return problems;
  }

  /** PRICE_FILTER: within [minPrice, maxPrice] and on the tick. */
  public static Optional<RejectReason> checkPrice(SymbolConfig s, long price) {
    boolean ok = price >= s.getMinPrice() && price <= s.getMaxPrice() && price % s.getTickSize() == 0;
    return ok ? Optional.empty() : Optional.of(RejectReason.PRICE_FILTER);
  }

  /** LOT_SIZE: within [minQty, maxQty] and on the step. */
  public static Optional<RejectReason> checkQuantity(SymbolConfig s, long qty) {
    boolean ok = qty >= s.getMinQty() && qty <= s.getMaxQty() && qty % s.getStepSize() == 0;
    return ok ? Optional.empty() : Optional.of(RejectReason.LOT_SIZE);
  }

  /** NOTIONAL: price x quantity within [minNotional, maxNotional]. */
  public static Optional<RejectReason> checkNotional(SymbolConfig s, long price, long qty) {
    long notional;
    try {
      notional = FixedPoint.notional(price, qty, s.getBaseScale());
    } catch (ArithmeticException e) {
      return Optional.of(RejectReason.NOTIONAL);
    }
    return checkQuoteAmount(s, notional);
  }

  /** NOTIONAL for an amount of quote asset, such as a market order's quoteOrderQty. */
  public static Optional<RejectReason> checkQuoteAmount(SymbolConfig s, long quoteAmount) {
    boolean ok = quoteAmount >= s.getMinNotional()
        && (s.getMaxNotional() == 0 || quoteAmount <= s.getMaxNotional());
    return ok ? Optional.empty() : Optional.of(RejectReason.NOTIONAL);
  }

  /** The largest quantity on the step that is not above {@code qty}. */
  public static long roundDownToStep(SymbolConfig s, long qty) {
    return qty - Math.floorMod(qty, s.getStepSize());
  }

  private static boolean validScale(int scale) {
    return scale >= 0 && scale <= FixedPoint.MAX_SCALE;
  }
}
