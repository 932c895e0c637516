package castle.matching;

import static castle.matching.Orders.ALICE;
import static castle.matching.Orders.BOB;
import static castle.matching.Orders.CAROL;
import static castle.matching.Orders.buy;
import static castle.matching.Orders.sell;
import static castle.matching.Orders.units;
import static org.assertj.core.api.Assertions.assertThat;

import castle.matching.MatchingDriver.Outcome;
import castle.schema.market.PriceLevel;
import castle.schema.orders.Execution;
import castle.schema.orders.ExecutionType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** STOP_LOSS, STOP_LOSS_LIMIT, TAKE_PROFIT and TAKE_PROFIT_LIMIT, triggered by the last trade price. */
class StopOrderScenariosTest extends ScenarioTest {

  /** Given a last trade at 100 (bob sold 1 to carol) and resting liquidity around it. */
  @BeforeEach
  void lastTradeAt100() {
    market.place(sell(BOB).limit("100", "1"));
    market.place(buy(CAROL).limit("100", "1"));
    market.place(buy(BOB).limit("95", "5"));
    market.place(buy(BOB).limit("90", "5"));
    market.place(sell(BOB).limit("105", "5"));
    market.place(sell(BOB).limit("110", "5"));
  }

  @Test
  void aStopLossWaitsOffTheBookUntilATradeReachesItsStopThenSellsAtMarket() {
    // Given
    Outcome placed = market.place(sell(ALICE).stopLoss("96", "1"));
    assertThat(placed.events()).containsExactly("alice #7 NEW NEW");
    assertThat(placed.execution(0).getIsWorking()).isFalse();
    assertThat(placed.execution(0).getCommandComplete()).isTrue();
    assertThat(placed.depthUpdates()).isEmpty();

    // When carol sells 1 at 95: the last price falls to 95 <= 96
    Outcome trigger = market.place(sell(CAROL).limit("95", "1"));

    // Then alice's stop triggers under carol's command and sells into the bids
    assertThat(trigger.events()).containsExactly(
        "carol #8 NEW NEW",
        "carol #8 TRADE FILLED 1@95",
        "bob #3 TRADE PARTIALLY_FILLED 1@95",
        "alice #7 TRIGGERED NEW",
        "alice #7 TRADE FILLED 1@95",
        "bob #3 TRADE PARTIALLY_FILLED 1@95");
    Execution triggered = trigger.execution(3);
    assertThat(triggered.getCommandId()).isEqualTo(trigger.commandId());
    assertThat(triggered.getIsWorking()).isTrue();
    assertThat(trigger.executions()).filteredOn(Execution::getCommandComplete)
        .extracting(Execution::getOrderId).containsExactly(8L);
    assertThat(trigger.depth().getBids()).containsExactly(new PriceLevel(units("95"), units("3")));
  }

  @Test
  void aStopLossLimitRestsAtItsLimitOnceTriggered() {
    // Given
    market.place(sell(ALICE).stopLossLimit("96", "97", "2"));

    // When the last price falls to 95
    Outcome trigger = market.place(sell(CAROL).limit("95", "1"));

    // Then alice's order becomes a limit sell at 97, which no bid reaches: it rests
    assertThat(trigger.events()).containsSubsequence("alice #7 TRIGGERED NEW");
    assertThat(trigger.events()).last().isEqualTo("alice #7 TRIGGERED NEW");
    assertThat(trigger.depth().getAsks()).containsExactly(new PriceLevel(units("97"), units("2")));
  }

  @Test
  void aTriggeredStopLossLimitKeepsItsTimeInForce() {
    // Given an IOC stop-loss-limit selling 6 down to 95
    market.place(sell(ALICE).stopLossLimit("96", "95", "6").ioc());

    // When the last price falls to 95
    Outcome trigger = market.place(sell(CAROL).limit("95", "1"));

    // Then it takes the 4 left at 95 and its remainder expires instead of resting
    assertThat(trigger.events()).endsWith(
        "alice #7 TRIGGERED NEW",
        "alice #7 TRADE PARTIALLY_FILLED 4@95",
        "bob #3 TRADE FILLED 4@95",
        "alice #7 EXPIRED EXPIRED IMMEDIATE_OR_CANCEL");
    assertThat(trigger.depth().getAsks()).isEmpty();
  }

  @Test
  void aBuyStopLossTriggersWhenThePriceRises() {
    // Given
    market.place(buy(ALICE).stopLoss("104", "1"));

    // When carol buys at 105
    Outcome trigger = market.place(buy(CAROL).limit("105", "1"));

    // Then
    assertThat(trigger.events()).containsExactly(
        "carol #8 NEW NEW",
        "carol #8 TRADE FILLED 1@105",
        "bob #5 TRADE PARTIALLY_FILLED 1@105",
        "alice #7 TRIGGERED NEW",
        "alice #7 TRADE FILLED 1@105",
        "bob #5 TRADE PARTIALLY_FILLED 1@105");
  }

  @Test
  void takeProfitSellTriggersWhenThePriceRisesAndBuyWhenItFalls() {
    // Given a sell take-profit at 104 and a buy take-profit-limit at 96 (limit 95)
    market.place(sell(ALICE).takeProfit("104", "1"));
    market.place(buy(ALICE).takeProfitLimit("96", "95", "1"));

    // When carol buys at 105
    Outcome up = market.place(buy(CAROL).limit("105", "1"));

    // Then the sell take-profit fires and sells into the best bid at 95; that trade in turn reaches
    // the buy take-profit's 96, which becomes a limit buy at 95 and rests
    assertThat(up.events()).containsExactly(
        "carol #9 NEW NEW",
        "carol #9 TRADE FILLED 1@105",
        "bob #5 TRADE PARTIALLY_FILLED 1@105",
        "alice #7 TRIGGERED NEW",
        "alice #7 TRADE FILLED 1@95",
        "bob #3 TRADE PARTIALLY_FILLED 1@95",
        "alice #8 TRIGGERED NEW");
    assertThat(up.depth().getBids()).containsExactly(new PriceLevel(units("95"), units("5")));
  }

  @Test
  void aStopThatWouldTriggerImmediatelyIsRejected() {
    // When the last price (100) is already at or below a sell stop at 100
    Outcome placed = market.place(sell(ALICE).stopLoss("100", "1"));

    // Then
    assertThat(placed.events()).containsExactly("alice #7 REJECTED REJECTED WOULD_TRIGGER_IMMEDIATELY");
    assertThat(placed.execution(0).getReason()).isEqualTo("Order would trigger immediately.");

    // And a take-profit buy above the last price likewise
    assertThat(market.place(buy(ALICE).takeProfit("101", "1")).events())
        .containsExactly("alice #8 REJECTED REJECTED WOULD_TRIGGER_IMMEDIATELY");
  }

  @Test
  void triggeredStopsRunOldestFirstAndCascade() {
    // Given two sell stops: bob's at 94 (older) and alice's at 96, and a thin bid side
    market.cancelAll(BOB);
    market.place(buy(CAROL).limit("95", "1"));
    market.place(buy(CAROL).limit("93", "1"));
    market.place(buy(CAROL).limit("80", "5"));
    market.place(sell(BOB).stopLoss("94", "1"));
    market.place(sell(ALICE).stopLoss("96", "1"));

    // When carol's sale at 95 triggers alice (96); alice's sale at 93 then triggers bob (94)
    Outcome cascade = market.place(sell(CAROL).limit("95", "1"));

    // Then
    assertThat(cascade.events()).containsExactly(
        "carol #12 NEW NEW",
        "carol #12 TRADE FILLED 1@95",
        "carol #7 TRADE FILLED 1@95",
        "alice #11 TRIGGERED NEW",
        "alice #11 TRADE FILLED 1@93",
        "carol #8 TRADE FILLED 1@93",
        "bob #10 TRIGGERED NEW",
        "bob #10 TRADE FILLED 1@80",
        "carol #9 TRADE PARTIALLY_FILLED 1@80");
    assertThat(cascade.executions()).allMatch(e -> e.getCommandId() == cascade.commandId());
  }

  @Test
  void whenOneCommandTriggersSeveralStopsTheOldestRunsFirst() {
    // Given alice's stop at 96 is older than bob's at 97
    market.place(sell(ALICE).stopLoss("96", "1"));
    market.place(sell(BOB).stopLoss("97", "1"));

    // When the price falls to 95, which triggers both
    Outcome both = market.place(sell(CAROL).limit("95", "1"));

    // Then
    assertThat(both.executions()).filteredOn(e -> e.getExecutionType() == ExecutionType.TRIGGERED)
        .extracting(Execution::getOrderId).containsExactly(7L, 8L);
  }

  @Test
  void aWaitingStopCanBeCanceled() {
    // Given
    market.place(sell(ALICE).stopLoss("96", "1"));

    // When
    Outcome canceled = market.cancel(ALICE, Orders.cancel(7));

    // Then
    assertThat(canceled.events()).containsExactly("alice #7 CANCELED CANCELED");
    assertThat(canceled.execution(0).getIsWorking()).isFalse();
    assertThat(canceled.depthUpdates()).isEmpty();
    assertThat(market.place(sell(CAROL).limit("95", "1")).events()).doesNotContain("alice #7 TRIGGERED NEW");
  }
}
