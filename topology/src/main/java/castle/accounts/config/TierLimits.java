package castle.accounts.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What one KYC tier may do. Amounts are decimals in asset units, converted to an asset's fixed-point
 * scale when checked (rounded down, so a limit is never exceeded by rounding). An asset without an
 * entry has no limit.
 *
 * @param maxOpenOrdersPerSymbol open orders an account may have on one symbol (Binance MAX_NUM_ORDERS)
 * @param maxOrderNotional the largest notional of one order, by quote asset
 * @param dailyWithdrawal the most an account may withdraw per UTC day, by asset
 */
public record TierLimits(
    int maxOpenOrdersPerSymbol, Map<String, BigDecimal> maxOrderNotional, Map<String, BigDecimal> dailyWithdrawal) {

  /** Tier 0: an account whose KYC is not verified may neither trade nor withdraw. */
  public static final TierLimits NOTHING = new TierLimits(0, Map.of(), Map.of());

  /** Copies the maps so the limits cannot change after checks. */
  public TierLimits {
    maxOrderNotional = Map.copyOf(maxOrderNotional);
    dailyWithdrawal = Map.copyOf(dailyWithdrawal);
  }

  /** Whether the tier may trade or withdraw at all. */
  public boolean isNothing() {
    return this == NOTHING;
  }

  /** The largest notional of one order in {@code quoteAsset}, at its scale; empty for no limit. */
  public OptionalLong maxOrderNotional(String quoteAsset, int scale) {
    return units(maxOrderNotional.get(quoteAsset), scale);
  }

  /** The daily withdrawal limit of {@code asset}, at its scale; empty for no limit. */
  public OptionalLong dailyWithdrawal(String asset, int scale) {
    return units(dailyWithdrawal.get(asset), scale);
  }

  private static OptionalLong units(BigDecimal amount, int scale) {
    if (amount == null) {
      return OptionalLong.empty();
    }
    BigInteger units = amount.movePointRight(scale).setScale(0, RoundingMode.DOWN).toBigIntegerExact();
    return OptionalLong.of(units.bitLength() < 64 ? units.longValueExact() : Long.MAX_VALUE);
  }
}
