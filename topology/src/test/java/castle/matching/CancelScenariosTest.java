package castle.matching;

import static castle.matching.Orders.ALICE;
import static castle.matching.Orders.BOB;
import static castle.matching.Orders.buy;
import static castle.matching.Orders.sell;
import static castle.matching.Orders.units;
import static org.assertj.core.api.Assertions.assertThat;

import castle.matching.MatchingDriver.Outcome;
import castle.schema.market.PriceLevel;
import castle.schema.orders.CancelOrder;
import castle.schema.orders.CommandKind;
import castle.schema.orders.Execution;
import org.junit.jupiter.api.Test;

/** Cancel by orderId and by clientOrderId, cancel-all, and cancels of unknown or final orders. */
class CancelScenariosTest extends ScenarioTest {

  @Test
  void cancelByOrderIdTakesTheOrderOutOfTheBook() {
    // Given
    market.place(buy(ALICE).limit("100", "1").clientOrderId("mine"));

    // When
    Outcome canceled = market.cancel(ALICE, Orders.cancel(1));

    // Then
    assertThat(canceled.events()).containsExactly("alice #1 CANCELED CANCELED");
    Execution e = canceled.execution(0);
    assertThat(e.getCommandKind()).isEqualTo(CommandKind.CANCEL);
    assertThat(e.getCommandComplete()).isTrue();
    assertThat(e.getClientOrderId()).isEqualTo("cancel-1");
    assertThat(e.getOrigClientOrderId()).isEqualTo("mine");
    assertThat(e.getOrigQty()).isEqualTo(units("1"));
    assertThat(canceled.depth().getBids()).containsExactly(new PriceLevel(units("100"), 0L));
    assertThat(market.depth(5).bids()).isEmpty();
  }

  @Test
  void cancelByClientOrderIdFindsTheAccountsOrder() {
    // Given
    market.place(buy(ALICE).limit("100", "1").clientOrderId("grid-7"));

    // When
    Outcome canceled = market.cancel(ALICE, Orders.cancelByClientId("grid-7"));

    // Then
    assertThat(canceled.events()).containsExactly("alice #1 CANCELED CANCELED");
  }

  @Test
  void aPartiallyFilledOrderCancelsItsRemainder() {
    // Given
    market.place(buy(ALICE).limit("100", "3"));
    market.place(sell(BOB).limit("100", "1"));

    // When
    Outcome canceled = market.cancel(ALICE, Orders.cancel(1));

    // Then
    assertThat(canceled.execution(0).getCumQty()).isEqualTo(units("1"));
    assertThat(canceled.depth().getBids()).containsExactly(new PriceLevel(units("100"), 0L));
  }

  @Test
  void cancelingAnUnknownOrderIsRejected() {
    // When
    Outcome rejected = market.cancel(ALICE, Orders.cancel(42));

    // Then
    assertThat(rejected.events()).containsExactly("alice #42 REJECTED REJECTED UNKNOWN_ORDER");
    assertThat(rejected.execution(0).getReason()).isEqualTo("Unknown order sent.");
    assertThat(rejected.execution(0).getCommandKind()).isEqualTo(CommandKind.CANCEL);
    assertThat(rejected.execution(0).getCommandComplete()).isTrue();

    // And by an unknown client order id
    assertThat(market.cancel(ALICE, Orders.cancelByClientId("nope")).events())
        .containsExactly("alice #0 REJECTED REJECTED UNKNOWN_ORDER");
  }

  @Test
  void cancelingAFilledOrderIsRejected() {
    // Given
    market.place(buy(ALICE).limit("100", "1"));
    market.place(sell(BOB).limit("100", "1"));

    // When
    Outcome rejected = market.cancel(ALICE, Orders.cancel(1));

    // Then
    assertThat(rejected.events()).containsExactly("alice #1 REJECTED REJECTED UNKNOWN_ORDER");
  }

  @Test
  void cancelingACanceledOrderIsRejected() {
    // Given
    market.place(buy(ALICE).limit("100", "1"));
    market.cancel(ALICE, Orders.cancel(1));

    // When
    Outcome again = market.cancel(ALICE, Orders.cancel(1));

    // Then
    assertThat(again.events()).containsExactly("alice #1 REJECTED REJECTED UNKNOWN_ORDER");
  }

  @Test
  void anotherAccountsOrderCannotBeCanceled() {
    // Given
    market.place(buy(BOB).limit("100", "1").clientOrderId("bobs"));

    // When alice names bob's order, by id or by client id
    Outcome byId = market.cancel(ALICE, Orders.cancel(1));
    Outcome byClientId = market.cancel(ALICE, Orders.cancelByClientId("bobs"));

    // Then both are rejected and bob's order still rests
    assertThat(byId.events()).containsExactly("alice #1 REJECTED REJECTED UNKNOWN_ORDER");
    assertThat(byClientId.events()).containsExactly("alice #0 REJECTED REJECTED UNKNOWN_ORDER");
    assertThat(market.depth(5).bids()).hasSize(1);
  }

  @Test
  void anOrderIdWithAnotherOrdersClientIdIsRejected() {
    // Given
    market.place(buy(ALICE).limit("100", "1").clientOrderId("one"));

    // When both ids are given and disagree
    Outcome rejected = market.cancel(ALICE, new CancelOrder(1L, "two", "cancel"));

    // Then
    assertThat(rejected.events()).containsExactly("alice #1 REJECTED REJECTED UNKNOWN_ORDER");
  }

  @Test
  void cancelAllCancelsEveryOpenOrderOfTheAccountOldestFirst() {
    // Given two resting orders and a waiting stop of alice's, and one of bob's
    market.place(buy(ALICE).limit("99", "1"));
    market.place(sell(BOB).limit("101", "1"));
    market.place(sell(ALICE).limit("102", "1"));
    market.place(buy(ALICE).stopLoss("150", "1"));

    // When
    Outcome canceled = market.cancelAll(ALICE);

    // Then
    assertThat(canceled.events()).containsExactly(
        "alice #1 CANCELED CANCELED", "alice #3 CANCELED CANCELED", "alice #4 CANCELED CANCELED");
    assertThat(canceled.executions()).extracting(Execution::getCommandComplete).containsExactly(false, false, true);
    assertThat(canceled.executions()).allMatch(e -> e.getCommandKind() == CommandKind.CANCEL_ALL);
    assertThat(canceled.depth().getBids()).containsExactly(new PriceLevel(units("99"), 0L));
    assertThat(canceled.depth().getAsks()).containsExactly(new PriceLevel(units("102"), 0L));
    assertThat(market.depth(5).asks()).hasSize(1);
  }

  @Test
  void cancelAllWithNothingOpenIsRejected() {
    // When
    Outcome rejected = market.cancelAll(ALICE);

    // Then
    assertThat(rejected.events()).containsExactly("alice #0 REJECTED REJECTED UNKNOWN_ORDER");
    assertThat(rejected.execution(0).getCommandKind()).isEqualTo(CommandKind.CANCEL_ALL);
    assertThat(rejected.execution(0).getCommandComplete()).isTrue();
  }
}
