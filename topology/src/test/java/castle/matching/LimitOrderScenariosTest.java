package castle.matching;

import static castle.matching.Orders.ALICE;
import static castle.matching.Orders.BOB;
import static castle.matching.Orders.CAROL;
import static castle.matching.Orders.buy;
import static castle.matching.Orders.sell;
import static castle.matching.Orders.units;
import static org.assertj.core.api.Assertions.assertThat;

import castle.matching.MatchingDriver.Outcome;
import castle.matching.query.DepthSnapshot.Level;
import castle.schema.market.PriceLevel;
import castle.schema.market.Trade;
import castle.schema.orders.Execution;
import org.junit.jupiter.api.Test;

/** LIMIT orders with GTC, IOC and FOK, LIMIT_MAKER, price-time priority and commissions. */
class LimitOrderScenariosTest extends ScenarioTest {

  @Test
  void aGtcOrderThatCrossesNothingRestsAndShowsInTheDepth() {
    // When
    Outcome placed = market.place(buy(ALICE).limit("100", "1.5"));

    // Then
    assertThat(placed.events()).containsExactly("alice #1 NEW NEW");
    assertThat(placed.execution(0).getCommandComplete()).isTrue();
    assertThat(placed.execution(0).getIsWorking()).isTrue();
    assertThat(placed.trades()).isEmpty();
    assertThat(placed.depth().getUpdateId()).isEqualTo(1);
    assertThat(placed.depth().getBids()).containsExactly(new PriceLevel(units("100"), units("1.5")));
    assertThat(placed.depth().getAsks()).isEmpty();
    assertThat(market.depth(10).bids()).containsExactly(new Level(units("100"), units("1.5")));
    assertThat(market.depth(10).lastUpdateId()).isEqualTo(1);
  }

  @Test
  void aCrossingOrderTradesAtTheMakersPriceAndPaysCommissionInWhatItReceives() {
    // Given
    market.place(sell(BOB).limit("100", "2"));

    // When a buyer willing to pay 101 takes 1.5
    Outcome taken = market.place(buy(ALICE).limit("101", "1.5"));

    // Then the trade is at the maker's 100; taker and maker events interleave in match order
    assertThat(taken.events()).containsExactly(
        "alice #2 NEW NEW",
        "alice #2 TRADE FILLED 1.5@100",
        "bob #1 TRADE PARTIALLY_FILLED 1.5@100");
    Execution takerFill = taken.execution(1);
    Execution makerFill = taken.execution(2);
    assertThat(takerFill.getCommandComplete()).isTrue();
    assertThat(makerFill.getCommandComplete()).isFalse();
    assertThat(takerFill.getIsMaker()).isFalse();
    assertThat(makerFill.getIsMaker()).isTrue();
    assertThat(takerFill.getLastQuoteQty()).isEqualTo(units("150"));
    // the buyer pays the taker rate (0.2%) in BTC, the seller the maker rate (0.1%) in USDT
    assertThat(takerFill.getCommission()).isEqualTo(units("0.003"));
    assertThat(takerFill.getCommissionAsset()).isEqualTo("BTC");
    assertThat(makerFill.getCommission()).isEqualTo(units("0.15"));
    assertThat(makerFill.getCommissionAsset()).isEqualTo("USDT");
    assertThat(takerFill.getTradeId()).isEqualTo(1).isEqualTo(makerFill.getTradeId());

    Trade trade = taken.trades().get(0);
    assertThat(trade.getTradeId()).isEqualTo(1);
    assertThat(trade.getPrice()).isEqualTo(units("100"));
    assertThat(trade.getQty()).isEqualTo(units("1.5"));
    assertThat(trade.getBuyerIsMaker()).isFalse();
    assertThat(trade.getBuyerCommission()).isEqualTo(units("0.003"));
    assertThat(trade.getSellerCommission()).isEqualTo(units("0.15"));
    assertThat(trade.getTakerCommandId()).isEqualTo(taken.commandId());
    assertThat(taken.depth().getAsks()).containsExactly(new PriceLevel(units("100"), units("0.5")));
  }

  @Test
  void aGtcOrderFillsWhatItCanThenRestsTheRemainder() {
    // Given
    market.place(sell(BOB).limit("100", "1"));

    // When
    Outcome taken = market.place(buy(ALICE).limit("100", "3"));

    // Then
    assertThat(taken.events()).containsExactly(
        "alice #2 NEW NEW",
        "alice #2 TRADE PARTIALLY_FILLED 1@100",
        "bob #1 TRADE FILLED 1@100");
    assertThat(taken.execution(1).getCommandComplete()).isTrue();
    assertThat(taken.depth().getBids()).containsExactly(new PriceLevel(units("100"), units("2")));
    assertThat(taken.depth().getAsks()).containsExactly(new PriceLevel(units("100"), 0L));
  }

  @Test
  void betterPricesFillFirstAndWithinAPriceTheOlderOrder() {
    // Given two asks at 101 (bob first, then carol) and a better one at 100 from carol
    market.place(sell(BOB).limit("101", "1"));
    market.place(sell(CAROL).limit("101", "1"));
    market.place(sell(CAROL).limit("100", "1"));

    // When
    Outcome sweep = market.place(buy(ALICE).limit("101", "2.5"));

    // Then
    assertThat(sweep.events()).containsExactly(
        "alice #4 NEW NEW",
        "alice #4 TRADE PARTIALLY_FILLED 1@100",
        "carol #3 TRADE FILLED 1@100",
        "alice #4 TRADE PARTIALLY_FILLED 1@101",
        "bob #1 TRADE FILLED 1@101",
        "alice #4 TRADE FILLED 0.5@101",
        "carol #2 TRADE PARTIALLY_FILLED 0.5@101");
    assertThat(sweep.trades()).extracting(Trade::getTradeId).containsExactly(1L, 2L, 3L);
    assertThat(sweep.depth().getAsks()).containsExactly(
        new PriceLevel(units("100"), 0L), new PriceLevel(units("101"), units("0.5")));
  }

  @Test
  void iocFillsWhatItCanAndExpiresTheRest() {
    // Given
    market.place(sell(BOB).limit("100", "1"));

    // When
    Outcome ioc = market.place(buy(ALICE).limit("100", "3").ioc());

    // Then
    assertThat(ioc.events()).containsExactly(
        "alice #2 NEW NEW",
        "alice #2 TRADE PARTIALLY_FILLED 1@100",
        "bob #1 TRADE FILLED 1@100",
        "alice #2 EXPIRED EXPIRED IMMEDIATE_OR_CANCEL");
    assertThat(ioc.execution(3).getCumQty()).isEqualTo(units("1"));
    assertThat(ioc.execution(3).getCommandComplete()).isTrue();
    assertThat(ioc.depth().getBids()).isEmpty();
  }

  @Test
  void iocThatFindsNothingExpiresWithoutTrading() {
    // When
    Outcome ioc = market.place(sell(ALICE).limit("100", "1").ioc());

    // Then
    assertThat(ioc.events()).containsExactly("alice #1 NEW NEW", "alice #1 EXPIRED EXPIRED IMMEDIATE_OR_CANCEL");
    assertThat(ioc.depthUpdates()).isEmpty();
  }

  @Test
  void fokFillsCompletelyAcrossLevels() {
    // Given
    market.place(sell(BOB).limit("100", "1"));
    market.place(sell(CAROL).limit("100.5", "1"));

    // When
    Outcome fok = market.place(buy(ALICE).limit("100.5", "2").fok());

    // Then
    assertThat(fok.events()).containsExactly(
        "alice #3 NEW NEW",
        "alice #3 TRADE PARTIALLY_FILLED 1@100",
        "bob #1 TRADE FILLED 1@100",
        "alice #3 TRADE FILLED 1@100.5",
        "carol #2 TRADE FILLED 1@100.5");
  }

  @Test
  void fokThatCannotFillCompletelyExpiresWithNoTradesAndLeavesTheBookAlone() {
    // Given
    market.place(sell(BOB).limit("100", "1"));

    // When
    Outcome fok = market.place(buy(ALICE).limit("100", "1.5").fok());

    // Then
    assertThat(fok.events()).containsExactly("alice #2 NEW NEW", "alice #2 EXPIRED EXPIRED FILL_OR_KILL");
    assertThat(fok.execution(1).getCumQty()).isZero();
    assertThat(fok.trades()).isEmpty();
    assertThat(fok.depthUpdates()).isEmpty();
    assertThat(market.depth(5).asks()).containsExactly(new Level(units("100"), units("1")));
  }

  @Test
  void limitMakerRestsWhenItWouldNotTake() {
    // Given
    market.place(sell(BOB).limit("101", "1"));

    // When
    Outcome maker = market.place(buy(ALICE).limitMaker("100", "1"));

    // Then
    assertThat(maker.events()).containsExactly("alice #2 NEW NEW");
    assertThat(maker.depth().getBids()).containsExactly(new PriceLevel(units("100"), units("1")));
  }

  @Test
  void limitMakerThatWouldTakeIsRejectedWithoutNew() {
    // Given
    market.place(sell(BOB).limit("100", "1"));

    // When
    Outcome maker = market.place(buy(ALICE).limitMaker("100", "1"));

    // Then
    assertThat(maker.events()).containsExactly("alice #2 REJECTED REJECTED WOULD_TAKE");
    assertThat(maker.execution(0).getReason()).isEqualTo("Order would immediately match and take.");
    assertThat(maker.execution(0).getCommandComplete()).isTrue();
    assertThat(maker.depthUpdates()).isEmpty();
  }

  @Test
  void aResidualBuyGetsPriceImprovementAndNeverSpendsMoreThanReserved() {
    // Given asks at 99 and 100
    market.place(sell(BOB).limit("99", "1"));
    market.place(sell(BOB).limit("100", "1"));

    // When a buy at 100 for 2 (reserving exactly 200) takes both
    Outcome taken = market.place(buy(ALICE).limit("100", "2").reserved("200"));

    // Then it spends 199: one at the improved price, one at its limit
    Execution last = taken.executions().stream()
        .filter(e -> e.getAccountId() == ALICE).reduce((a, b) -> b).orElseThrow();
    assertThat(last.getCumQuoteQty()).isEqualTo(units("199"));
    assertThat(last.getStatus().toString()).isEqualTo("FILLED");
  }
}
