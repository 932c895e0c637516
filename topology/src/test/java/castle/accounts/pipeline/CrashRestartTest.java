package castle.accounts.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import castle.accounts.FeeAccount;
import castle.accounts.config.AccountsConfig;
import castle.accounts.query.AccountQueries;
import castle.accounts.support.Invariants;
import castle.accounts.support.RandomTraffic;
import castle.accounts.support.RandomTraffic.Input;
import castle.schema.accounts.Balance;
import castle.schema.orders.Execution;
import castle.schema.wallet.LedgerEntry;
import castle.schema.wallet.WalletOutcome;
import castle.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash and restart mid-stream, on the real broker: accounts, then matching, stops on an undecodable
 * record in the middle of the traffic (its open transaction aborted, its local state rebuilt from the
 * changelog on restart) and restarts skipping it. Inputs go one at a time, each waited for, so the
 * run is as deterministic as the uninterrupted reference run through the piped drivers. After every
 * input, and so right after each restart, the balances are the reference's and the invariants hold
 * (conservation, no negative balance, locked = reserved, one outcome per command and one end per
 * order, the stages agree, an uncrossed book); each restarted app restored its state from its
 * changelogs; at the end every ledger entry and execution equals the reference.
 */
class CrashRestartTest {

  private static final int INPUTS = 90;
  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);

  @Test
  void aStageThatCrashesMidStreamRestartsAndEndsExactlyWhereAnUninterruptedRunEnds(@TempDir Path state) throws Exception {
    // Given traffic and what an uninterrupted run makes of it
    RandomTraffic traffic = new RandomTraffic(20_240_601L, 4, System.currentTimeMillis(), 20);
    List<Input> preamble = traffic.preamble(1);
    List<Input> inputs = traffic.next(INPUTS);
    Reference reference = Reference.of(preamble, inputs, traffic.accountIds());

    try (LivePipeline live = LivePipeline.create(1, state);
        CommittedReader<LedgerEntry> ledger = live.reader(Topics.WALLET_LEDGER);
        CommittedReader<Execution> executions = live.reader(Topics.ORDER_EXECUTIONS);
        CommittedReader<WalletOutcome> outcomes = live.reader(Topics.WALLET_OUTCOMES)) {
      live.startAccounts(LivePipeline.QUICK_REJOIN);
      live.startMatching(LivePipeline.QUICK_REJOIN);
      live.awaitRunning();
      Progress progress = new Progress(ledger, executions, outcomes);
      LiveSetup.preamble(live, preamble, traffic.accountIds(), outcomes);

      // When the same inputs run live, one at a time, with accounts crashing a third of the way
      // through and matching two thirds of the way
      AccountQueries queries = new AccountQueries(live::accountsStore);
      Invariants invariants = new Invariants(live::accountsStore);
      for (int i = 0; i < inputs.size(); i++) {
        Input input = inputs.get(i);
        live.send(input);
        if (i == INPUTS / 3) {
          live.poison(Topics.ORDER_COMMANDS, input.key());
          live.awaitAccountsCrashed();
          live.startAccounts(LivePipeline.skippingPoison());
        } else if (i == 2 * INPUTS / 3) {
          live.poison(Topics.ORDERS_ACCEPTED, "BTCUSDT");
          live.awaitMatchingCrashed();
          live.startMatching(LivePipeline.skippingPoison());
        }
        live.flush();
        progress.awaitTotals(reference.totalsAfter(i));

        // Then, after every input and so right after each restart, the state is the reference's
        live.awaitQueryable();
        for (long account : reference.accounts()) {
          assertThat(queries.balances(account)).as("balances of %d after input %d", account, i)
              .isEqualTo(reference.balancesAfter(i, account));
        }
        // ...and the invariants hold
        invariants.checkBalances(Invariants.netInflow(outcomes.values()));
        live.checkStagesAgree();
        List<Input> sent = inputs.subList(0, i + 1);
        OutcomeChecks.checkOnePerCommand(sent, executions.values(), outcomes.values());
        OutcomeChecks.checkOneEndPerOrder(sent, executions.values(), queries);
        if (i == INPUTS / 3) {
          assertThat(live.accountsRestored()).as("changelog records accounts restored on restart").isPositive();
        } else if (i == 2 * INPUTS / 3) {
          assertThat(live.matchingRestored()).as("changelog records matching restored on restart").isPositive();
        }
      }

      // ...and at the end nothing was lost or doubled: every ledger entry and execution equals the
      // reference, and the ledger replays to the restarted stores' balances
      assertThat(byAccount(ledger.values(), LedgerEntry::getAccountId)).isEqualTo(reference.ledger());
      assertThat(byAccount(executions.values(), Execution::getAccountId)).isEqualTo(reference.executions());
      invariants.checkLedgerReplays(ledger.values());
    }
  }

  private static <V> Map<Long, List<V>> byAccount(List<V> values, Function<V, Long> account) {
    return values.stream().collect(Collectors.groupingBy(account));
  }

  /**
   * The uninterrupted run through the piped drivers: what it wrote in all, and how much it had
   * written and every account's balances after each input.
   */
  private record Reference(Map<Long, List<LedgerEntry>> ledger, Map<Long, List<Execution>> executions,
      List<Long> accounts, List<Map<Long, List<Balance>>> balances, List<Totals> totals) {

    static Reference of(List<Input> preamble, List<Input> inputs, List<Long> traders) {
      List<Long> accounts = new ArrayList<>(traders);
      accounts.add(FeeAccount.ID);
      try (Pipeline pipeline = new Pipeline(AccountsConfig.defaults())) {
        preamble.forEach(pipeline::feed);
        List<Totals> totals = new ArrayList<>();
        List<Map<Long, List<Balance>>> balances = new ArrayList<>();
        for (Input input : inputs) {
          pipeline.feed(input);
          totals.add(new Totals(pipeline.accounts().journal().ledger().size(), pipeline.executions().size(),
              pipeline.accounts().journal().outcomes().size()));
          balances.add(accounts.stream().collect(Collectors.toMap(a -> a, a -> pipeline.accounts().queries().balances(a))));
        }
        return new Reference(byAccount(pipeline.accounts().journal().ledger(), LedgerEntry::getAccountId),
            byAccount(pipeline.executions(), Execution::getAccountId), List.copyOf(accounts), balances, totals);
      }
    }

    Totals totalsAfter(int input) {
      return totals.get(input);
    }

    List<Balance> balancesAfter(int input, long account) {
      return balances.get(input).get(account);
    }
  }

  /** How many ledger entries, executions and wallet outcomes the pipeline has committed. */
  record Totals(int ledger, int executions, int outcomes) {}

  /** The live run's committed totals, polled until they reach a reference's. */
  private record Progress(CommittedReader<LedgerEntry> ledger, CommittedReader<Execution> executions,
      CommittedReader<WalletOutcome> outcomes) {

    void awaitTotals(Totals expected) {
      await().atMost(STEP_TIMEOUT).pollInterval(Duration.ofMillis(5)).untilAsserted(() ->
          assertThat(new Totals(ledger.poll().size(), executions.poll().size(), outcomes.poll().size()))
              .isEqualTo(expected));
    }
  }
}
