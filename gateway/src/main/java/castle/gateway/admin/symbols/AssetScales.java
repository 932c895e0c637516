package castle.gateway.admin.symbols;

import castle.gateway.admin.AdminErrors;
import castle.schema.reference.SymbolConfig;
import java.util.Collection;
import java.util.OptionalInt;

/**
 * The scale (decimal places) of each asset, as the symbols that trade it define: BTC has the
 * baseScale of BTCUSDT and the quoteScale of ETHBTC, which symbol admin keeps equal. Deposits and
 * withdrawals need it to turn "1.5" into fixed-point units.
 */
public final class AssetScales {

  private AssetScales() {}

  /** The scale of {@code asset} among {@code symbols}, if any symbol uses it. */
  public static OptionalInt of(String asset, Collection<SymbolConfig> symbols) {
    for (SymbolConfig symbol : symbols) {
      if (symbol.getBaseAsset().equals(asset)) {
        return OptionalInt.of(symbol.getBaseScale());
      }
      if (symbol.getQuoteAsset().equals(asset)) {
        return OptionalInt.of(symbol.getQuoteScale());
      }
    }
    return OptionalInt.empty();
  }

  /** The scale of {@code asset}; -7201 when no symbol uses it. */
  public static int require(String asset, Collection<SymbolConfig> symbols) {
    return of(asset, symbols).orElseThrow(() -> AdminErrors.unknownAsset(asset));
  }
}
