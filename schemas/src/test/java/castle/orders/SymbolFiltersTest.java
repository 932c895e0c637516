package castle.orders;

import static org.assertj.core.api.Assertions.assertThat;

import castle.schema.orders.SelfTradePreventionMode;
import castle.schema.reference.SymbolConfig;
import castle.schema.reference.SymbolStatus;
import org.junit.jupiter.api.Test;

class SymbolFiltersTest {

  /** BTCUSDT at scale 8/8: tick 0.01, step 0.00001, qty 0.00001..9000, min notional 5 USDT. */
  static SymbolConfig btcusdt() {
    return SymbolConfig.newBuilder()
        .setSymbol("BTCUSDT").setBaseAsset("BTC").setQuoteAsset("USDT")
        .setBaseScale(8).setQuoteScale(8)
        .setTickSize(1_000_000L).setMinPrice(1_000_000L).setMaxPrice(100_000_000_000_000L)
        .setStepSize(1_000L).setMinQty(1_000L).setMaxQty(900_000_000_000L)
        .setMinNotional(500_000_000L).setMaxNotional(0)
        .setDefaultSelfTradePreventionMode(SelfTradePreventionMode.EXPIRE_MAKER)
        .setStatus(SymbolStatus.TRADING).setUpdatedAt(0)
        .build();
  }

  @Test
  void aSensibleSymbolHasNoProblems() {
    assertThat(SymbolFilters.problems(btcusdt())).isEmpty();
  }

  @Test
  void refusesATickAndStepWhoseNotionalIsInexact() {
    SymbolConfig inexact = SymbolConfig.newBuilder(btcusdt()).setTickSize(1L).setMinPrice(1L).setStepSize(1L).setMinQty(1L).build();

    assertThat(SymbolFilters.problems(inexact)).anyMatch(p -> p.contains("whole number of quote units"));
  }

  @Test
  void refusesInconsistentNamesAndRanges() {
    SymbolConfig bad = SymbolConfig.newBuilder(btcusdt()).setSymbol("BTCEUR").setMinQty(0).setMinPrice(5).build();

    assertThat(SymbolFilters.problems(bad))
        .anyMatch(p -> p.contains("symbol must be"))
        .anyMatch(p -> p.contains("minQty"))
        .anyMatch(p -> p.contains("multiples of tickSize"));
  }

  @Test
  void checksPriceQuantityAndNotionalLikeBinance() {
    SymbolConfig s = btcusdt();

    assertThat(SymbolFilters.checkPrice(s, 3_000_000_000_000L)).isEmpty();
    assertThat(SymbolFilters.checkPrice(s, 3_000_000_000_001L)).contains(RejectReason.PRICE_FILTER);
    assertThat(SymbolFilters.checkPrice(s, 0)).contains(RejectReason.PRICE_FILTER);
    assertThat(SymbolFilters.checkQuantity(s, 150_000L)).isEmpty();
    assertThat(SymbolFilters.checkQuantity(s, 150_001L)).contains(RejectReason.LOT_SIZE);
    assertThat(SymbolFilters.checkQuantity(s, 900_000_001_000L)).contains(RejectReason.LOT_SIZE);
    // 0.0001 BTC at 30000 = 3 USDT, below the 5 USDT minimum.
    assertThat(SymbolFilters.checkNotional(s, 3_000_000_000_000L, 10_000L)).contains(RejectReason.NOTIONAL);
    assertThat(SymbolFilters.checkNotional(s, 3_000_000_000_000L, 100_000L)).isEmpty();
    assertThat(SymbolFilters.roundDownToStep(s, 150_999L)).isEqualTo(150_000L);
  }

  @Test
  void everyReasonRoundTripsThroughItsMessage() {
    for (RejectReason reason : RejectReason.values()) {
      assertThat(RejectReason.ofMessage(reason.message())).contains(reason);
    }
  }
}
