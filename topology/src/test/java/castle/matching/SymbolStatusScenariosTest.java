package castle.matching;

import static castle.matching.Orders.ALICE;
import static castle.matching.Orders.BOB;
import static castle.matching.Orders.buy;
import static castle.matching.Orders.sell;
import static org.assertj.core.api.Assertions.assertThat;

import castle.matching.MatchingDriver.Outcome;
import castle.schema.orders.AcceptedCommand;
import castle.schema.orders.SelfTradePreventionMode;
import castle.schema.reference.SymbolStatus;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Halts, unknown and misrouted symbols, and duplicate order ids: the rejections matching makes. */
class SymbolStatusScenariosTest extends ScenarioTest {

  @Test
  void aHaltedSymbolRejectsNewOrdersButStillCancels() {
    // Given a resting order, a waiting stop, then a halt
    market.place(buy(ALICE).limit("100", "1"));
    market.place(sell(ALICE).stopLoss("90", "1"));
    market.given(Orders.btcusdt(SymbolStatus.HALT, SelfTradePreventionMode.NONE));

    // When
    Outcome placed = market.place(sell(BOB).limit("100", "1"));
    Outcome canceled = market.cancel(ALICE, Orders.cancel(1));

    // Then
    assertThat(placed.events()).containsExactly("bob #3 REJECTED REJECTED MARKET_CLOSED");
    assertThat(placed.execution(0).getReason()).isEqualTo("Market is closed.");
    assertThat(placed.trades()).isEmpty();
    assertThat(canceled.events()).containsExactly("alice #1 CANCELED CANCELED");

    // When trading resumes, the waiting stop is still there and new orders trade again
    market.given(Orders.btcusdt());
    assertThat(market.place(buy(BOB).limit("100", "1")).events()).containsExactly("bob #4 NEW NEW");
    assertThat(market.cancel(ALICE, Orders.cancel(2)).events()).containsExactly("alice #2 CANCELED CANCELED");
  }

  @Test
  void anOrderForASymbolMatchingHasNoConfigurationForIsRejected(@TempDir Path elsewhere) {
    // Given a market that never received its configuration
    try (MatchingDriver unconfigured = new MatchingDriver(elsewhere)) {
      // When
      Outcome placed = unconfigured.place(buy(ALICE).limit("100", "1"));

      // Then
      assertThat(placed.events()).containsExactly("alice #1 REJECTED REJECTED UNKNOWN_SYMBOL");
      assertThat(placed.execution(0).getReason()).isEqualTo("Invalid symbol.");
      assertThat(placed.execution(0).getExecutionId()).isEqualTo(1);
    }
  }

  @Test
  void aCommandKeyedByAnotherSymbolIsRejectedAndChangesNothing() {
    // Given
    AcceptedCommand command = buy(ALICE).limit("100", "1").command(900, 77);

    // When it arrives under the key ETHUSDT
    Outcome misrouted = market.sendKeyed("ETHUSDT", command, 77);

    // Then
    assertThat(misrouted.events()).containsExactly("alice #77 REJECTED REJECTED UNKNOWN_SYMBOL");
    assertThat(misrouted.execution(0).getSymbol()).isEqualTo("ETHUSDT");
    assertThat(misrouted.depthUpdates()).isEmpty();
    assertThat(market.depth(5).bids()).isEmpty();
  }

  @Test
  void aSecondOrderWithALiveOrdersIdIsRejected() {
    // Given
    market.place(buy(ALICE).limit("100", "1"));

    // When the same order id arrives again
    Outcome duplicate = market.send(buy(ALICE).limit("99", "1").command(500, 1), 1);

    // Then
    assertThat(duplicate.events()).containsExactly("alice #1 REJECTED REJECTED DUPLICATE_ORDER");
    assertThat(duplicate.depthUpdates()).isEmpty();
  }
}
