package castle.bench.workload;

import java.math.BigDecimal;

/**
 * What the workload needs to know of a symbol: its tick and step (from exchangeInfo) and the price it
 * trades around. Decimal arithmetic, never floating point, so every price is exactly on the tick.
 *
 * @param symbol the symbol, such as BTCUSDT
 * @param tickSize the price step
 * @param stepSize the quantity step
 * @param mid the price orders are placed around
 * @param lot the typical order size, a multiple of the step
 */
public record SymbolSpec(String symbol, BigDecimal tickSize, BigDecimal stepSize, BigDecimal mid, BigDecimal lot) {

  /** {@code mid + ticks x tickSize}, in plain notation. */
  public String priceAt(int ticks) {
    return mid.add(tickSize.multiply(BigDecimal.valueOf(ticks))).stripTrailingZeros().toPlainString();
  }

  /** {@code lots x lot}, in plain notation. */
  public String quantity(int lots) {
    return lot.multiply(BigDecimal.valueOf(lots)).stripTrailingZeros().toPlainString();
  }

  /** The quote amount of {@code lots} at the mid, in plain notation. */
  public String quoteAmount(int lots) {
    return lot.multiply(BigDecimal.valueOf(lots)).multiply(mid).stripTrailingZeros().toPlainString();
  }
}
