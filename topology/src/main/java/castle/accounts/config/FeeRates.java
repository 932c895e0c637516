package castle.accounts.config;

/**
 * The commission rates of one fee tier, in millionths of the amount received (1000 = 0.1%).
 *
 * @param makerPpm charged on fills of an order resting in the book
 * @param takerPpm charged on fills of an order that took liquidity
 */
public record FeeRates(int makerPpm, int takerPpm) {

  /** Checks the rates are within 0..100%. */
  public FeeRates {
    if (makerPpm < 0 || takerPpm < 0 || makerPpm > 1_000_000 || takerPpm > 1_000_000) {
      throw new IllegalArgumentException("Fee rates must be 0..1000000 ppm: " + makerPpm + "/" + takerPpm);
    }
  }
}
