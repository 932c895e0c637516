package castle.accounts.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import castle.accounts.query.AccountQueries;
import castle.accounts.support.Invariants;
import castle.accounts.support.RandomTraffic;
import castle.accounts.support.RandomTraffic.Input;
import castle.schema.market.Trade;
import castle.schema.orders.Execution;
import castle.schema.orders.ExecutionType;
import castle.schema.orders.OrderCommand;
import castle.schema.wallet.LedgerCause;
import castle.schema.wallet.LedgerEntry;
import castle.schema.wallet.WalletCommand;
import castle.schema.wallet.WalletOutcome;
import castle.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Many accounts and 10,000 random orders (with the cancels, deposits and withdrawals between them)
 * through accounts and matching on the real broker, four partitions per topic, sent as fast as the
 * producer goes. Read with read_committed afterwards: every command has exactly one outcome, every
 * order exactly one end, every trade exists exactly once in every topic, and money is conserved.
 */
class PipelineEndToEndTest {

  private static final Logger LOG = LoggerFactory.getLogger(PipelineEndToEndTest.class);
  private static final int ORDERS = 10_000;
  private static final int TRADERS = 40;
  private static final Duration TIMEOUT = Duration.ofMinutes(4);

  @Test
  void tenThousandOrdersEachGetOneOutcomeEveryTradeHappensOnceAndMoneyIsConserved(@TempDir Path state) throws Exception {
    // Given forty funded traders and their random traffic
    RandomTraffic traffic = new RandomTraffic(4_242L, TRADERS, System.currentTimeMillis(), 1);
    List<Input> preamble = traffic.preamble(50);
    List<Input> inputs = traffic.nextOrders(ORDERS);
    Set<Long> orderCommands = commandIds(inputs, OrderCommand.class, c -> c.getCommandId());
    Set<Long> walletCommands = commandIds(inputs, WalletCommand.class, c -> c.getCommandId());

    try (LivePipeline live = LivePipeline.create(4, state);
        CommittedReader<Execution> executions = live.reader(Topics.ORDER_EXECUTIONS);
        CommittedReader<WalletOutcome> outcomes = live.reader(Topics.WALLET_OUTCOMES);
        CommittedReader<LedgerEntry> ledger = live.reader(Topics.WALLET_LEDGER);
        CommittedReader<Trade> trades = live.reader(Topics.MARKET_TRADES)) {
      live.startAccounts(Map.of());
      live.startMatching(Map.of());
      live.awaitRunning();
      LiveSetup.preamble(live, preamble, traffic.accountIds(), outcomes);

      // When all of it is sent at once
      long start = System.nanoTime();
      inputs.forEach(live::send);
      live.flush();

      // Then every command is answered
      await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() ->
          OutcomeChecks.completed(executions.poll()).keySet().containsAll(orderCommands)
              && OutcomeChecks.answered(outcomes.poll()).keySet().containsAll(walletCommands));
      double seconds = (System.nanoTime() - start) / 1e9;
      LOG.info("{} inputs ({} orders) answered in {} s: {} inputs/s through both stages (2-core sandbox)",
          inputs.size(), ORDERS, String.format("%.1f", seconds), Math.round(inputs.size() / seconds));

      // ...and, once the last settlement and fee credit are in, money is conserved
      Invariants invariants = new Invariants(live::accountsStore);
      await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> {
        invariants.checkBalances(Invariants.netInflow(outcomes.poll()));
        invariants.checkLedgerReplays(ledgerInEntryOrder(ledger.poll()));
        assertThat(trades.poll()).hasSize((int) executions.values().stream()
            .filter(e -> e.getExecutionType() == ExecutionType.TRADE).count() / 2);
      });
      LOG.info("Settled: {} trades, {} ledger entries", trades.values().size(), ledger.values().size());
      live.checkStagesAgree();

      // ...each command has exactly one outcome, never two
      OutcomeChecks.checkOnePerCommand(inputs, executions.values(), outcomes.values());
      // ...each order ends exactly once (FILLED, CANCELED, EXPIRED or REJECTED), or still rests open
      OutcomeChecks.checkOneEndPerOrder(inputs, executions.values(), new AccountQueries(live::accountsStore));
      // ...and every trade appears once: on market.trades, as two TRADE executions, settled once per side
      Map<String, List<Long>> tradeIds = trades.values().stream().collect(
          Collectors.groupingBy(Trade::getSymbol, Collectors.mapping(Trade::getTradeId, Collectors.toList())));
      assertThat(tradeIds).isNotEmpty();
      tradeIds.forEach((symbol, ids) -> assertThat(ids).as("trade ids of %s", symbol)
          .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, ids.size()).boxed().toList()));
      Map<String, Long> tradeExecutions = executions.values().stream()
          .filter(e -> e.getExecutionType() == ExecutionType.TRADE)
          .collect(Collectors.groupingBy(e -> e.getSymbol() + "/" + e.getTradeId(), Collectors.counting()));
      assertThat(tradeExecutions).hasSize(trades.values().size()).allSatisfy((trade, count) -> assertThat(count).isEqualTo(2));
      Map<String, Long> settlements = ledger.values().stream()
          .filter(e -> e.getCause() == LedgerCause.TRADE)
          .collect(Collectors.groupingBy(e -> e.getAccountId() + "/" + e.getOrderId() + "/" + e.getTradeId() + "/" + e.getAsset(),
              Collectors.counting()));
      assertThat(settlements).hasSize(4 * trades.values().size()).allSatisfy((side, count) -> assertThat(count).isEqualTo(1));
    }
  }

  private static <C> Set<Long> commandIds(List<Input> inputs, Class<C> type, Function<C, Long> id) {
    return inputs.stream().map(Input::value).filter(type::isInstance).map(type::cast).map(id).collect(Collectors.toSet());
  }

  /** Ledger entries of all partitions, each account's in entryId order (partitions interleave accounts). */
  private static List<LedgerEntry> ledgerInEntryOrder(List<LedgerEntry> entries) {
    return entries.stream()
        .sorted(Comparator.comparingLong(LedgerEntry::getAccountId).thenComparingLong(LedgerEntry::getEntryId))
        .toList();
  }
}
