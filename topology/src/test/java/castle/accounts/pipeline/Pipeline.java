package castle.accounts.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import castle.accounts.config.AccountsConfig;
import castle.accounts.orders.OrderTypes;
import castle.accounts.store.AccountStores;
import castle.accounts.support.AccountsDriver;
import castle.accounts.support.AccountsDriver.Step;
import castle.accounts.support.DriverState;
import castle.accounts.support.Invariants;
import castle.accounts.support.RandomTraffic.Input;
import castle.matching.MatchingApp;
import castle.matching.MatchingStores;
import castle.money.FixedPoint;
import castle.schema.accounts.OrderState;
import castle.schema.market.Trade;
import castle.schema.matching.BookOrder;
import castle.schema.orders.AcceptedCommand;
import castle.schema.orders.Execution;
import castle.schema.orders.Side;
import castle.schema.reference.SymbolConfig;
import castle.topics.Topics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * Accounts and the real matching topology, each in its own TopologyTestDriver, piped together as
 * Kafka would: accounts' orders.accepted into matching, matching's orders.executions back into
 * accounts. Each input runs to quiescence before the next, and {@link #checkInvariants} checks the
 * whole pipeline's money and order invariants.
 */
public final class Pipeline implements AutoCloseable {

  private final AccountsDriver accounts;
  private final Path matchingState = DriverState.create();
  private final TopologyTestDriver matching;
  private final TestInputTopic<String, AcceptedCommand> accepted;
  private final TestInputTopic<String, SymbolConfig> symbols;
  private final TestOutputTopic<String, Execution> executions;
  private final TestOutputTopic<String, Trade> trades;
  private final List<Execution> allExecutions = new ArrayList<>();
  private final List<Trade> allTrades = new ArrayList<>();

  /** Both stages, accounts with {@code config}. */
  public Pipeline(AccountsConfig config) {
    accounts = new AccountsDriver(config);
    matching = DriverState.start(new MatchingApp().topology(), "matching-test", matchingState);
    accepted = matching.createInputTopic(Topics.ORDERS_ACCEPTED.name(), new StringSerializer(),
        Topics.ORDERS_ACCEPTED.valueSerde().serializer());
    symbols = matching.createInputTopic(Topics.SYMBOLS.name(), new StringSerializer(),
        Topics.SYMBOLS.valueSerde().serializer());
    executions = matching.createOutputTopic(Topics.ORDER_EXECUTIONS.name(), new StringDeserializer(),
        Topics.ORDER_EXECUTIONS.valueSerde().deserializer());
    trades = matching.createOutputTopic(Topics.MARKET_TRADES.name(), new StringDeserializer(),
        Topics.MARKET_TRADES.valueSerde().deserializer());
  }

  /** The accounts stage. */
  public AccountsDriver accounts() {
    return accounts;
  }

  /**
   * Runs one input to quiescence: a symbol goes to both stages; anything else through accounts,
   * what it forwards through matching, and matching's executions back into accounts.
   *
   * @return every execution the input caused
   */
  public List<Execution> feed(Input input) {
    if (input.value() instanceof SymbolConfig config) {
      accounts.input(input.topic(), input.key(), config, input.timestamp());
      symbols.pipeInput(input.key(), config, input.timestamp());
      return List.of();
    }
    return settle(accounts.input(input.topic(), input.key(), input.value(), input.timestamp()));
  }

  private List<Execution> settle(Step step) {
    List<Execution> caused = new ArrayList<>(step.rejections());
    for (AcceptedCommand command : step.accepted()) {
      accepted.pipeInput(command.getSymbol(), command, accounts.now());
      List<TestRecord<String, Execution>> events = executions.readRecordsToList();
      events.forEach(e -> caused.add(e.value()));
      accounts.fromMatching(events);
    }
    allTrades.addAll(trades.readValuesToList());
    allExecutions.addAll(caused);
    return caused;
  }

  /** Every execution so far, accounts' rejections and matching's events. */
  public List<Execution> executions() {
    return allExecutions;
  }

  /** Every public trade so far. */
  public List<Trade> trades() {
    return allTrades;
  }

  /**
   * Conservation, no negative balance, locked = reserved, the ledger replays, and the stages agree:
   * accounts' open orders are exactly matching's resting and waiting orders, each with a reservation
   * that covers what it may still take, and matching's book is uncrossed.
   */
  public void checkInvariants() {
    Invariants invariants = new Invariants(accounts.driver()::getKeyValueStore);
    invariants.checkBalances(Invariants.netInflow(accounts.journal().outcomes()));
    List<OrderState> open = Invariants.values(accounts.driver().getKeyValueStore(AccountStores.OPEN_ORDERS));
    List<BookOrder> book = Invariants.values(matching.getKeyValueStore(MatchingStores.ORDERS));
    checkAgreement(open, book);
    checkUncrossed(book);
  }

  /** The ledger replays to the balances. */
  public void checkLedger() {
    new Invariants(accounts.driver()::getKeyValueStore).checkLedgerReplays(accounts.journal().ledger());
  }

  /**
   * Accounts' open orders are exactly the orders matching holds, and each one's reservation covers
   * what it may still take: its remaining quantity for a SELL, its remaining notional at its limit
   * price for a limit-priced BUY.
   */
  static void checkAgreement(Collection<OrderState> open, List<BookOrder> book) {
    Map<Long, OrderState> byId = open.stream().collect(Collectors.toMap(OrderState::getOrderId, Function.identity()));
    assertThat(book).extracting(BookOrder::getOrderId).as("matching's orders are accounts' open orders")
        .containsExactlyInAnyOrderElementsOf(byId.keySet());
    for (BookOrder order : book) {
      OrderState held = byId.get(order.getOrderId());
      assertThat(held.getReservedRemaining()).as("reservation of order %d covers what it may still take", order.getOrderId())
          .isGreaterThanOrEqualTo(stillNeeded(order, held));
    }
  }

  /** Per symbol, every working bid is priced below every working ask: matching left nothing to match. */
  static void checkUncrossed(List<BookOrder> book) {
    Map<String, Long> bestBid = new HashMap<>();
    Map<String, Long> bestAsk = new HashMap<>();
    for (BookOrder order : book) {
      if (order.getWorking() && order.getLeavesQty() > 0 && order.getPrice() > 0) {
        if (order.getSide() == Side.BUY) {
          bestBid.merge(order.getSymbol(), order.getPrice(), Math::max);
        } else {
          bestAsk.merge(order.getSymbol(), order.getPrice(), Math::min);
        }
      }
    }
    bestBid.forEach((symbol, bid) -> assertThat(bid).as("best bid of %s below its best ask", symbol)
        .isLessThan(bestAsk.getOrDefault(symbol, Long.MAX_VALUE)));
  }

  private static long stillNeeded(BookOrder order, OrderState held) {
    if (order.getSide() == Side.SELL) {
      return order.getQuoteOrderQty() > 0 ? 0 : order.getLeavesQty();
    }
    return OrderTypes.isLimitPriced(order.getType())
        ? FixedPoint.notional(order.getPrice(), order.getLeavesQty(), held.getBaseScale())
        : 0;
  }

  @Override
  public void close() {
    try {
      accounts.close();
    } finally {
      matching.close();
      DriverState.delete(matchingState);
    }
  }
}
