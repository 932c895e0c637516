package castle.accounts.support;

import castle.money.Decimals;
import castle.schema.orders.SelfTradePreventionMode;
import castle.schema.reference.SymbolConfig;
import castle.schema.reference.SymbolStatus;

/** The test market: BTCUSDT and ETHBTC with Binance-like filters, and decimal shorthands. */
public final class Market {

  public static final String BTCUSDT = "BTCUSDT";
  public static final String ETHBTC = "ETHBTC";
  public static final String BTC = "BTC";
  public static final String USDT = "USDT";
  public static final String ETH = "ETH";
  public static final int SCALE = 8;

  private Market() {}

  /** BTCUSDT: tick 0.01, step 0.00001, min notional 5 USDT. */
  public static SymbolConfig btcUsdt(SymbolStatus status) {
    return SymbolConfig.newBuilder()
        .setSymbol(BTCUSDT).setBaseAsset(BTC).setQuoteAsset(USDT).setBaseScale(SCALE).setQuoteScale(SCALE)
        .setTickSize(units("0.01")).setMinPrice(units("0.01")).setMaxPrice(units("1000000"))
        .setStepSize(units("0.00001")).setMinQty(units("0.00001")).setMaxQty(units("9000"))
        .setMinNotional(units("5")).setMaxNotional(0)
        .setDefaultSelfTradePreventionMode(SelfTradePreventionMode.NONE)
        .setStatus(status).setUpdatedAt(0)
        .build();
  }

  /** ETHBTC: tick 0.00001, step 0.0001, min notional 0.0001 BTC. */
  public static SymbolConfig ethBtc() {
    return SymbolConfig.newBuilder()
        .setSymbol(ETHBTC).setBaseAsset(ETH).setQuoteAsset(BTC).setBaseScale(SCALE).setQuoteScale(SCALE)
        .setTickSize(units("0.00001")).setMinPrice(units("0.00001")).setMaxPrice(units("100"))
        .setStepSize(units("0.0001")).setMinQty(units("0.0001")).setMaxQty(units("100000"))
        .setMinNotional(units("0.0001")).setMaxNotional(0)
        .setDefaultSelfTradePreventionMode(SelfTradePreventionMode.NONE)
        .setStatus(SymbolStatus.TRADING).setUpdatedAt(0)
        .build();
  }

  /** A decimal in units of the test scale (8 for every test asset). */
  public static long units(String decimal) {
    return Decimals.parse(decimal, SCALE);
  }
}
