package castle.matching;

import static castle.matching.Orders.ALICE;
import static castle.matching.Orders.BOB;
import static castle.matching.Orders.buy;
import static castle.matching.Orders.sell;
import static castle.matching.Orders.units;
import static org.assertj.core.api.Assertions.assertThat;

import castle.matching.MatchingDriver.Outcome;
import castle.schema.market.PriceLevel;
import castle.schema.orders.SelfTradePreventionMode;
import castle.schema.reference.SymbolStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Self-trade prevention: the taker's mode, else the symbol's default, decides. */
class SelfTradePreventionScenariosTest extends ScenarioTest {

  /** Given alice's own ask at 100 ahead of bob's at 100. */
  @BeforeEach
  void aliceAheadOfBob() {
    market.place(sell(ALICE).limit("100", "1"));
    market.place(sell(BOB).limit("100", "1"));
  }

  @Test
  void noneLetsAnAccountTradeWithItself() {
    // When
    Outcome taken = market.place(buy(ALICE).limit("100", "1").stp(SelfTradePreventionMode.NONE));

    // Then
    assertThat(taken.events()).containsExactly(
        "alice #3 NEW NEW", "alice #3 TRADE FILLED 1@100", "alice #1 TRADE FILLED 1@100");
    assertThat(taken.trades()).hasSize(1);
  }

  @Test
  void expireTakerExpiresTheIncomingOrderAndLeavesTheRestingOne() {
    // When
    Outcome taken = market.place(buy(ALICE).limit("100", "2").stp(SelfTradePreventionMode.EXPIRE_TAKER));

    // Then
    assertThat(taken.events()).containsExactly("alice #3 NEW NEW", "alice #3 EXPIRED EXPIRED SELF_TRADE");
    assertThat(taken.execution(1).getReason()).isEqualTo("Self-trade prevention.");
    assertThat(taken.execution(1).getCommandComplete()).isTrue();
    assertThat(taken.depthUpdates()).isEmpty();
  }

  @Test
  void expireMakerExpiresTheRestingOrderAndMatchingGoesOn() {
    // When
    Outcome taken = market.place(buy(ALICE).limit("100", "2").stp(SelfTradePreventionMode.EXPIRE_MAKER));

    // Then
    assertThat(taken.events()).containsExactly(
        "alice #3 NEW NEW",
        "alice #1 EXPIRED EXPIRED SELF_TRADE",
        "alice #3 TRADE PARTIALLY_FILLED 1@100",
        "bob #2 TRADE FILLED 1@100");
    assertThat(taken.execution(1).getCommandComplete()).isFalse();
    assertThat(taken.execution(2).getCommandComplete()).isTrue();
    assertThat(taken.depth().getBids()).containsExactly(new PriceLevel(units("100"), units("1")));
    assertThat(taken.depth().getAsks()).containsExactly(new PriceLevel(units("100"), 0L));
  }

  @Test
  void expireBothExpiresBothOrders() {
    // When
    Outcome taken = market.place(buy(ALICE).limit("100", "2").stp(SelfTradePreventionMode.EXPIRE_BOTH));

    // Then
    assertThat(taken.events()).containsExactly(
        "alice #3 NEW NEW", "alice #1 EXPIRED EXPIRED SELF_TRADE", "alice #3 EXPIRED EXPIRED SELF_TRADE");
    assertThat(taken.depth().getAsks()).containsExactly(new PriceLevel(units("100"), units("1")));
  }

  @Test
  void anOrderWithoutAModeTakesTheSymbolsDefault() {
    // Given the symbol's default is EXPIRE_TAKER
    market.given(Orders.btcusdt(SymbolStatus.TRADING, SelfTradePreventionMode.EXPIRE_TAKER));

    // When
    Outcome taken = market.place(buy(ALICE).limit("100", "1"));

    // Then
    assertThat(taken.events()).containsExactly("alice #3 NEW NEW", "alice #3 EXPIRED EXPIRED SELF_TRADE");
    assertThat(taken.execution(0).getSelfTradePreventionMode()).isEqualTo(SelfTradePreventionMode.EXPIRE_TAKER);
  }

  @Test
  void fokCountsOnlyWhatItCouldTradeWithOthers() {
    // When a FOK under EXPIRE_MAKER needs 2 but only bob's 1 is tradable
    Outcome fok = market.place(buy(ALICE).limit("100", "2").fok().stp(SelfTradePreventionMode.EXPIRE_MAKER));

    // Then it expires without touching the book, alice's own ask included
    assertThat(fok.events()).containsExactly("alice #3 NEW NEW", "alice #3 EXPIRED EXPIRED FILL_OR_KILL");
    assertThat(fok.depthUpdates()).isEmpty();

    // When it needs only bob's 1
    Outcome filled = market.place(buy(ALICE).limit("100", "1").fok().stp(SelfTradePreventionMode.EXPIRE_MAKER));

    // Then it expires alice's ask on the way and fills against bob
    assertThat(filled.events()).containsExactly(
        "alice #4 NEW NEW",
        "alice #1 EXPIRED EXPIRED SELF_TRADE",
        "alice #4 TRADE FILLED 1@100",
        "bob #2 TRADE FILLED 1@100");
  }
}
