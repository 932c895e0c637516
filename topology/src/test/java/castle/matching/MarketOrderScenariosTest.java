package castle.matching;

import static castle.matching.Orders.ALICE;
import static castle.matching.Orders.BOB;
import static castle.matching.Orders.CAROL;
import static castle.matching.Orders.buy;
import static castle.matching.Orders.sell;
import static castle.matching.Orders.units;
import static org.assertj.core.api.Assertions.assertThat;

import castle.matching.MatchingDriver.Outcome;
import castle.schema.orders.Execution;
import castle.schema.orders.OrderStatus;
import org.junit.jupiter.api.Test;

/** MARKET orders by quantity and by quoteOrderQty, with their budgets. */
class MarketOrderScenariosTest extends ScenarioTest {

  @Test
  void aMarketBuySweepsLevelsUntilItsQuantityIsFilled() {
    // Given
    market.place(sell(BOB).limit("100", "1"));
    market.place(sell(CAROL).limit("102", "1"));

    // When
    Outcome swept = market.place(buy(ALICE).market("1.5"));

    // Then
    assertThat(swept.events()).containsExactly(
        "alice #3 NEW NEW",
        "alice #3 TRADE PARTIALLY_FILLED 1@100",
        "bob #1 TRADE FILLED 1@100",
        "alice #3 TRADE FILLED 0.5@102",
        "carol #2 TRADE PARTIALLY_FILLED 0.5@102");
    assertThat(swept.execution(3).getCumQuoteQty()).isEqualTo(units("151"));
  }

  @Test
  void aMarketSellExpiresWhenTheBookRunsOut() {
    // Given
    market.place(buy(BOB).limit("100", "1"));

    // When
    Outcome sold = market.place(sell(ALICE).market("3"));

    // Then
    assertThat(sold.events()).containsExactly(
        "alice #2 NEW NEW",
        "alice #2 TRADE PARTIALLY_FILLED 1@100",
        "bob #1 TRADE FILLED 1@100",
        "alice #2 EXPIRED EXPIRED NO_LIQUIDITY");
    assertThat(sold.execution(3).getCommandComplete()).isTrue();
  }

  @Test
  void aMarketOrderOnAnEmptyBookExpiresUnfilled() {
    // When
    Outcome bought = market.place(buy(ALICE).market("1"));

    // Then
    assertThat(bought.events()).containsExactly("alice #1 NEW NEW", "alice #1 EXPIRED EXPIRED NO_LIQUIDITY");
    assertThat(bought.execution(1).getCumQty()).isZero();
  }

  @Test
  void aMarketBuyByQuantityStopsWhenTheNextStepIsNotAffordable() {
    // Given
    market.place(sell(BOB).limit("100", "1"));
    market.place(sell(BOB).limit("200", "1"));

    // When alice's budget (her free quote) is 150
    Outcome bought = market.place(buy(ALICE).market("2").reserved("150"));

    // Then she gets the whole 100 level and what 50 buys at 200, rounded down to the step
    assertThat(bought.events()).containsExactly(
        "alice #3 NEW NEW",
        "alice #3 TRADE PARTIALLY_FILLED 1@100",
        "bob #1 TRADE FILLED 1@100",
        "alice #3 TRADE PARTIALLY_FILLED 0.25@200",
        "bob #2 TRADE PARTIALLY_FILLED 0.25@200",
        "alice #3 EXPIRED EXPIRED BUDGET");
    assertThat(bought.execution(5).getCumQuoteQty()).isEqualTo(units("150"));
  }

  @Test
  void aMarketBuyByQuoteSpendsAtMostItsQuoteAmountRoundedDownToTheStep() {
    // Given
    market.place(sell(BOB).limit("100", "1"));
    market.place(sell(BOB).limit("300", "5"));

    // When alice spends 200.5 USDT
    Outcome bought = market.place(buy(ALICE).marketQuote("200.5"));

    // Then 100 buys the first level and 100.5 buys 0.335 at 300 (100.5 / 300 = 0.335)
    assertThat(bought.events()).containsExactly(
        "alice #3 NEW NEW",
        "alice #3 TRADE PARTIALLY_FILLED 1@100",
        "bob #1 TRADE FILLED 1@100",
        "alice #3 TRADE FILLED 0.335@300",
        "bob #2 TRADE PARTIALLY_FILLED 0.335@300");
    Execution last = bought.execution(3);
    assertThat(last.getCumQuoteQty()).isEqualTo(units("200.5"));
    assertThat(last.getCommandComplete()).isTrue();
  }

  @Test
  void aQuoteSizedBuyIsFilledWhenWhatIsLeftBuysLessThanOneStep() {
    // Given
    market.place(sell(BOB).limit("300", "1"));

    // When 100.001 buys 0.33333 at 300 for 99.999, leaving 0.002: less than a step
    Outcome bought = market.place(buy(ALICE).marketQuote("100.001"));

    // Then
    assertThat(bought.events()).containsExactly(
        "alice #2 NEW NEW",
        "alice #2 TRADE FILLED 0.33333@300",
        "bob #1 TRADE PARTIALLY_FILLED 0.33333@300");
    assertThat(bought.execution(1).getCumQuoteQty()).isEqualTo(units("99.999"));
  }

  @Test
  void aQuoteAmountTooSmallForOneStepExpiresUnfilled() {
    // Given
    market.place(sell(BOB).limit("300", "1"));

    // When
    Outcome bought = market.place(buy(ALICE).marketQuote("0.001"));

    // Then
    assertThat(bought.events()).containsExactly("alice #2 NEW NEW", "alice #2 EXPIRED EXPIRED QUOTE_TOO_SMALL");
  }

  @Test
  void aMarketSellByQuoteReceivesAtMostItsQuoteAmount() {
    // Given
    market.place(buy(BOB).limit("200", "1"));
    market.place(buy(BOB).limit("100", "1"));

    // When alice wants 250 USDT for her BTC
    Outcome sold = market.place(sell(ALICE).marketQuote("250"));

    // Then
    assertThat(sold.events()).containsExactly(
        "alice #3 NEW NEW",
        "alice #3 TRADE PARTIALLY_FILLED 1@200",
        "bob #1 TRADE FILLED 1@200",
        "alice #3 TRADE FILLED 0.5@100",
        "bob #2 TRADE PARTIALLY_FILLED 0.5@100");
    assertThat(sold.execution(3).getCumQuoteQty()).isEqualTo(units("250"));
    assertThat(sold.execution(3).getCommission()).isEqualTo(units("0.1"));
    assertThat(sold.execution(3).getCommissionAsset()).isEqualTo("USDT");
  }

  @Test
  void aMarketSellByQuoteStopsWhenItsBaseBudgetRunsOut() {
    // Given
    market.place(buy(BOB).limit("100", "5"));

    // When alice wants 300 USDT but has only 2 BTC free
    Outcome sold = market.place(sell(ALICE).marketQuote("300").reserved("2"));

    // Then
    assertThat(sold.events()).containsExactly(
        "alice #2 NEW NEW",
        "alice #2 TRADE PARTIALLY_FILLED 2@100",
        "bob #1 TRADE PARTIALLY_FILLED 2@100",
        "alice #2 EXPIRED EXPIRED BUDGET");
    assertThat(sold.execution(3).getStatus()).isEqualTo(OrderStatus.EXPIRED);
  }
}
