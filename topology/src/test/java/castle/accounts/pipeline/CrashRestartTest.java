package castle.accounts.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import castle.accounts.FeeAccount;
import castle.accounts.config.AccountsConfig;
import castle.accounts.query.AccountQueries;
import castle.accounts.store.AccountStores;
import castle.accounts.support.Invariants;
import castle.accounts.support.RandomTraffic;
import castle.accounts.support.RandomTraffic.Input;
import castle.matching.MatchingStores;
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
 * run is as deterministic as the uninterrupted reference run through the piped drivers; at the end
 * every ledger entry, execution and balance equals the reference, and the invariants hold.
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
      }

      // Then nothing was lost or doubled: every ledger entry and execution equals the reference
      assertThat(byAccount(ledger.values(), LedgerEntry::getAccountId)).isEqualTo(reference.ledger());
      assertThat(byAccount(executions.values(), Execution::getAccountId)).isEqualTo(reference.executions());
      // ...the balances are the reference's
      live.awaitRunning();
      AccountQueries queries = new AccountQueries(live::accountsStore);
      await().atMost(STEP_TIMEOUT).untilAsserted(() -> {
        for (long account : reference.accounts()) {
          assertThat(queries.balances(account)).as("balances of %d", account).isEqualTo(reference.balances(account));
        }
      });
      // ...and the invariants hold on the restarted stores
      Invariants invariants = new Invariants(live::accountsStore);
      invariants.checkBalances(Invariants.netInflow(outcomes.values()));
      invariants.checkLedgerReplays(ledger.values());
      Pipeline.checkAgreement(Invariants.values(live.accountsStore(AccountStores.OPEN_ORDERS)),
          Invariants.values(live.matchingStore(MatchingStores.ORDERS)));
    }
  }

  private static <V> Map<Long, List<V>> byAccount(List<V> values, Function<V, Long> account) {
    return values.stream().collect(Collectors.groupingBy(account));
  }

  /** The uninterrupted run through the piped drivers, and how much it had written after each input. */
  private record Reference(Map<Long, List<LedgerEntry>> ledger, Map<Long, List<Execution>> executions,
      Map<Long, List<Balance>> balancesByAccount, List<Totals> totals) {

    static Reference of(List<Input> preamble, List<Input> inputs, List<Long> traders) {
      try (Pipeline pipeline = new Pipeline(AccountsConfig.defaults())) {
        preamble.forEach(pipeline::feed);
        List<Totals> totals = new ArrayList<>();
        for (Input input : inputs) {
          pipeline.feed(input);
          totals.add(new Totals(pipeline.accounts().journal().ledger().size(), pipeline.executions().size(),
              pipeline.accounts().journal().outcomes().size()));
        }
        List<Long> accounts = new ArrayList<>(traders);
        accounts.add(FeeAccount.ID);
        Map<Long, List<Balance>> balances = accounts.stream()
            .collect(Collectors.toMap(a -> a, a -> pipeline.accounts().queries().balances(a)));
        return new Reference(byAccount(pipeline.accounts().journal().ledger(), LedgerEntry::getAccountId),
            byAccount(pipeline.executions(), Execution::getAccountId), balances, totals);
      }
    }

    Totals totalsAfter(int input) {
      return totals.get(input);
    }

    List<Long> accounts() {
      return List.copyOf(balancesByAccount.keySet());
    }

    List<Balance> balances(long account) {
      return balancesByAccount.get(account);
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
