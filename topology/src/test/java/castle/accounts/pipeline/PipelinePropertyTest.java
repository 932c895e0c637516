package castle.accounts.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import castle.accounts.config.AccountsConfig;
import castle.accounts.support.AccountsDriver;
import castle.accounts.support.RandomTraffic;
import castle.accounts.support.RandomTraffic.Input;
import castle.schema.orders.Execution;
import castle.schema.orders.OrderCommand;
import castle.schema.wallet.WalletCommand;
import castle.schema.wallet.WalletOutcome;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Accounts and the real matching topology wired together, fed random traffic (every order type,
 * cancels, deposits, withdrawals). After every input: conservation per asset, no negative balance,
 * locked = what open orders and pending withdrawals reserve, accounts' open orders = matching's
 * orders with covering reservations, and the input's single outcome. At the end the ledger replays.
 */
class PipelinePropertyTest {

  @Property(tries = 25, shrinking = ShrinkingMode.BOUNDED)
  void moneyIsConservedAndTheStagesAgreeAfterEveryInput(
      @ForAll long seed, @ForAll @IntRange(min = 20, max = 200) int inputs) {
    RandomTraffic traffic = new RandomTraffic(seed, 4, AccountsDriver.START, 2000);
    try (Pipeline pipeline = new Pipeline(AccountsConfig.defaults())) {
      traffic.preamble(1).forEach(pipeline::feed);
      for (Input input : traffic.next(inputs)) {
        int outcomesBefore = pipeline.accounts().journal().outcomes().size();
        List<Execution> caused = pipeline.feed(input);

        pipeline.checkInvariants();
        if (input.value() instanceof OrderCommand command) {
          assertThat(caused).filteredOn(e -> e.getCommandId() == command.getCommandId() && e.getCommandComplete())
              .as("outcome of %s", command).hasSize(1);
        } else if (input.value() instanceof WalletCommand command) {
          List<WalletOutcome> outcomes = pipeline.accounts().journal().outcomes();
          assertThat(outcomes.subList(outcomesBefore, outcomes.size()))
              .filteredOn(o -> o.getCommandId() == command.getCommandId()).as("outcome of %s", command).hasSize(1);
        }
      }
      pipeline.checkLedger();
      Statistics.label("trades").collect(pipeline.trades().isEmpty() ? "none" : "some");
    }
  }
}
