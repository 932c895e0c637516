package castle.sinks.e2e;

import static org.awaitility.Awaitility.await;

import castle.accounts.pipeline.CommittedReader;
import castle.accounts.pipeline.LivePipeline;
import castle.schema.alerts.Notification;
import castle.schema.market.Candle;
import castle.schema.market.Trade;
import castle.schema.orders.CommandKind;
import castle.schema.orders.Execution;
import castle.schema.orders.ExecutionType;
import castle.schema.users.UserEvent;
import castle.schema.wallet.LedgerCause;
import castle.schema.wallet.LedgerEntry;
import castle.schema.wallet.WalletOutcome;
import castle.sinks.e2e.Rows.CandleRow;
import castle.sinks.e2e.Rows.FillItem;
import castle.sinks.e2e.Rows.LedgerRow;
import castle.sinks.e2e.Rows.OrderRow;
import castle.sinks.e2e.Rows.TradeRow;
import castle.sinks.e2e.Rows.UserRow;
import castle.sinks.worker.Sink;
import castle.topics.Topics;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the pipeline committed to the topics the sinks read, read with {@code read_committed} as the
 * sinks read it, and what each store should therefore hold. Read it to the end only after the apps
 * have stopped: then it is all the topics will ever hold.
 */
final class PipelineOutput implements AutoCloseable {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final CommittedReader<Execution> executions;
  private final CommittedReader<WalletOutcome> outcomes;
  private final CommittedReader<Trade> trades;
  private final CommittedReader<LedgerEntry> ledger;
  private final CommittedReader<UserEvent> users;
  private final CommittedReader<Candle> candles;
  private final CommittedReader<Notification> notifications;

  PipelineOutput(LivePipeline live) {
    executions = live.reader(Topics.ORDER_EXECUTIONS);
    outcomes = live.reader(Topics.WALLET_OUTCOMES);
    trades = live.reader(Topics.MARKET_TRADES);
    ledger = live.reader(Topics.WALLET_LEDGER);
    users = live.reader(Topics.USER_EVENTS);
    candles = live.reader(Topics.MARKET_CANDLES);
    notifications = live.reader(Topics.NOTIFICATIONS);
  }

  /** The wallet outcomes, which the pipeline's setup waits on. */
  CommittedReader<WalletOutcome> outcomes() {
    return outcomes;
  }

  /**
   * Waits until the pipeline has done all it will do for these commands: each is answered, each
   * trade settled on both sides, and each symbol's latest trade counted in a published candle.
   */
  void awaitSettled(Set<Long> orderCommands, Set<Long> walletCommands) {
    await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
      executions.poll();
      outcomes.poll();
      ledger.poll();
      trades.poll();
      candles.poll();
      return executions.values().stream().filter(Execution::getCommandComplete).map(Execution::getCommandId)
              .collect(Collectors.toSet()).containsAll(orderCommands)
          && outcomes.values().stream().map(WalletOutcome::getCommandId).collect(Collectors.toSet())
              .containsAll(walletCommands)
          && ledger.values().stream().filter(e -> e.getCause() == LedgerCause.TRADE).count() == 2 * tradeExecutions().size()
          && trades.values().size() == tradeExecutions().size() / 2
          && lastTradeIds(trades.values().stream(), Trade::getSymbol, Trade::getTradeId)
              .equals(lastTradeIds(candles.values().stream(), Candle::getSymbol, Candle::getLastTradeId));
    });
  }

  /** Reads every topic to its end. */
  PipelineOutput readToEnd() {
    for (CommittedReader<?> reader : List.of(executions, outcomes, trades, ledger, users, candles, notifications)) {
      reader.readToEnd();
    }
    return this;
  }

  /** The public trades. */
  List<Trade> trades() {
    return trades.values();
  }

  /** The notifications' ids, each once. */
  Set<String> notificationIds() {
    return notifications.values().stream().map(Notification::getNotificationId).collect(Collectors.toSet());
  }

  /** How many records {@code sink} reads from its topics. */
  int records(Sink sink) {
    Map<String, CommittedReader<?>> byTopic = Map.of(
        Topics.ORDER_EXECUTIONS.name(), executions, Topics.MARKET_TRADES.name(), trades,
        Topics.WALLET_LEDGER.name(), ledger, Topics.USER_EVENTS.name(), users,
        Topics.MARKET_CANDLES.name(), candles, Topics.NOTIFICATIONS.name(), notifications);
    return sink.topics().stream().mapToInt(topic -> byTopic.get(topic).values().size()).sum();
  }

  /** Every trade once, as the two TRADE executions of its buyer and seller describe it. */
  List<TradeRow> expectedTrades() {
    return tradeExecutions().stream()
        .collect(Collectors.groupingBy(e -> e.getSymbol() + "/" + e.getTradeId()))
        .values().stream()
        .map(sides -> TradeRow.of(Rows.buyer(sides), Rows.seller(sides)))
        .toList();
  }

  /** Both sides of every trade. */
  List<FillItem> expectedFills() {
    return tradeExecutions().stream().map(FillItem::of).toList();
  }

  /**
   * Each order as its latest execution left it. A rejected cancel describes no order's state (the
   * order stays as it was), and an execution without an order id describes none at all.
   */
  Collection<OrderRow> expectedOrders() {
    return executions.values().stream()
        .filter(e -> e.getOrderId() != 0)
        .filter(e -> e.getCommandKind() == CommandKind.PLACE || e.getExecutionType() != ExecutionType.REJECTED)
        .collect(Collectors.toMap(Execution::getOrderId, e -> e, latest(Execution::getExecutionId)))
        .values().stream().map(OrderRow::of).toList();
  }

  /** Every ledger entry once. */
  List<LedgerRow> expectedLedger() {
    return ledger.values().stream().map(LedgerRow::of).toList();
  }

  /** Each user as the last of its events (in its partition's order) left it. */
  Collection<UserRow> expectedUsers() {
    return users.values().stream()
        .collect(Collectors.toMap(UserEvent::getUserId, UserRow::of, (earlier, later) -> later))
        .values();
  }

  /** The newest version of every candle. */
  Collection<CandleRow> expectedCandles() {
    return candles.values().stream()
        .collect(Collectors.toMap(c -> c.getSymbol() + "/" + c.getInterval() + "/" + c.getOpenTime(), c -> c,
            latest(Candle::getVersion)))
        .values().stream().map(CandleRow::of).toList();
  }

  private List<Execution> tradeExecutions() {
    return executions.values().stream().filter(e -> e.getExecutionType() == ExecutionType.TRADE).toList();
  }

  private static <T> Map<String, Long> lastTradeIds(Stream<T> records,
      Function<T, String> symbol, ToLongFunction<T> tradeId) {
    return records.collect(Collectors.toMap(symbol, r -> tradeId.applyAsLong(r), Math::max));
  }

  private static <T> BinaryOperator<T> latest(ToLongFunction<T> order) {
    return BinaryOperator.maxBy(Comparator.comparingLong(order));
  }

  @Override
  public void close() {
    for (CommittedReader<?> reader : List.of(executions, outcomes, trades, ledger, users, candles, notifications)) {
      reader.close();
    }
  }
}
