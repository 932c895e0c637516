package castle.sinks.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import castle.accounts.pipeline.LivePipeline;
import castle.accounts.pipeline.LiveSetup;
import castle.accounts.support.Market;
import castle.accounts.support.RandomTraffic;
import castle.accounts.support.RandomTraffic.Input;
import castle.broker.SharedBroker;
import castle.schema.alerts.AlertCommand;
import castle.schema.alerts.AlertCondition;
import castle.schema.alerts.CreateAlert;
import castle.schema.orders.OrderCommand;
import castle.schema.wallet.WalletCommand;
import castle.sinks.e2e.Rows.CandleRow;
import castle.sinks.e2e.Rows.FillItem;
import castle.sinks.e2e.Rows.LedgerRow;
import castle.sinks.e2e.Rows.OrderRow;
import castle.sinks.e2e.Rows.TradeRow;
import castle.sinks.e2e.Rows.UserRow;
import castle.sinks.kit.Crash;
import castle.sinks.kit.SinkHarness;
import castle.sinks.kit.SinkTaskMetrics;
import castle.sinks.worker.Sink;
import castle.topics.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The real pipeline into every sink. Accounts, matching, the market app and the order-notifications
 * app run on the shared broker; seeded traffic (deposits, limit and market orders that cross, cancels,
 * price alerts) goes through them; all four sinks, on their stand-ins, copy what the apps commit. Every store must then hold
 * exactly what the topics hold, read back with {@code read_committed} as the sinks read them, each
 * record once; and after every connector has replayed its topics from the start, exactly the same.
 */
class PipelineToSinksTest {

  private static final Logger LOG = LoggerFactory.getLogger(PipelineToSinksTest.class);
  private static final long SEED = 7_007L;
  private static final int TRADERS = 12;
  private static final int ORDERS = 220;
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @Test
  void everyCommittedRecordLandsOnceInEveryStoreAndAReplayChangesNothing(@TempDir Path state) throws Exception {
    // Given the real pipeline, funded traders, and all four sinks behind it
    RandomTraffic traffic = new RandomTraffic(SEED, TRADERS, System.currentTimeMillis(), 20);
    List<Input> preamble = traffic.preamble(50);
    List<Input> orders = traffic.nextOrders(ORDERS);
    try (LivePipeline live = LivePipeline.create(2, state);
        PipelineOutput output = new PipelineOutput(live);
        SinkHarness sinks = SinkHarness.start(SharedBroker.bootstrapServers())) {
      live.startAccounts(Map.of());
      live.startMatching(Map.of());
      live.startMarket(Map.of());
      live.startOrderNotifications(Map.of());
      live.awaitRunning();
      LiveSetup.preamble(live, preamble, traffic.accountIds(), output.outcomes());

      // When traders set price alerts and trade, and the apps stop once they have done all they will
      List<Input> commands = new ArrayList<>(alerts(traffic.accountIds(), orders.get(0).timestamp()));
      commands.addAll(orders);
      sendAsOfNow(live, commands);
      output.awaitSettled(commandIds(orders, OrderCommand.class, OrderCommand::getCommandId),
          commandIds(orders, WalletCommand.class, WalletCommand::getCommandId));
      live.stopApps();
      output.readToEnd();

      // Then every store holds what the pipeline committed, each record once
      LOG.info("The pipeline committed {} trades, {} orders, {} ledger entries, {} candles and {} notifications",
          output.trades().size(), output.expectedOrders().size(), output.expectedLedger().size(),
          output.expectedCandles().size(), output.notificationIds().size());
      assertThat(output.trades()).hasSizeGreaterThanOrEqualTo(50);
      assertThat(output.notificationIds()).as("order updates and price alerts")
          .anyMatch(id -> id.startsWith("exec-")).anyMatch(id -> id.startsWith("alert-"));
      sinks.awaitCaughtUp(TIMEOUT);
      assertStoresHold(sinks, output);
      assertThat(notificationIds(sinks.notifications(output.notificationIds().size(), TIMEOUT)))
          .containsExactlyInAnyOrderElementsOf(output.notificationIds());
      StoreSnapshot before = StoreSnapshot.of(sinks);

      // When every connector forgets its offsets and reads its topics again from the start
      for (Sink sink : Sink.values()) {
        Crash.andReplayEverything(sinks.stack().worker(), sinks.stack().connectorName(sink));
      }
      sinks.awaitCaughtUp(TIMEOUT);

      // Then the stores are unchanged: the connectors were given every record again and wrote none
      assertThat(StoreSnapshot.of(sinks)).isEqualTo(before);
      assertStoresHold(sinks, output);
      for (Sink sink : List.of(Sink.JDBC, Sink.DYNAMODB)) {
        String connector = sinks.stack().connectorName(sink);
        assertThat(SinkTaskMetrics.value(connector, "records-written-total")).as("%s writes", sink).isZero();
        assertThat(SinkTaskMetrics.value(connector, "records-unchanged-total")
            + SinkTaskMetrics.value(connector, "records-skipped-total")).as("%s redeliveries", sink)
            .isGreaterThanOrEqualTo(output.records(sink));
      }
      assertThat(sinks.notifications(0, TIMEOUT)).as("notifications sent again").isEmpty();
    }
  }

  private static void assertStoresHold(SinkHarness sinks, PipelineOutput output) {
    assertThat(Rows.query(sinks.postgres(), TradeRow.SQL, TradeRow::of)).as("PostgreSQL trades")
        .containsExactlyInAnyOrderElementsOf(output.expectedTrades())
        .hasSameSizeAs(output.trades());
    assertThat(sinks.tradeHistory().stream().map(FillItem::of).toList()).as("DynamoDB trade history")
        .containsExactlyInAnyOrderElementsOf(output.expectedFills());
    assertThat(Rows.query(sinks.postgres(), OrderRow.SQL, OrderRow::of)).as("PostgreSQL orders")
        .containsExactlyInAnyOrderElementsOf(output.expectedOrders());
    assertThat(Rows.query(sinks.postgres(), LedgerRow.SQL, LedgerRow::of)).as("PostgreSQL ledger")
        .containsExactlyInAnyOrderElementsOf(output.expectedLedger());
    assertThat(Rows.query(sinks.postgres(), UserRow.SQL, UserRow::of)).as("PostgreSQL users")
        .hasSize(TRADERS)
        .containsExactlyInAnyOrderElementsOf(output.expectedUsers());
    assertThat(Rows.query(sinks.postgres(), CandleRow.SQL, CandleRow::of)).as("PostgreSQL candles")
        .containsExactlyInAnyOrderElementsOf(output.expectedCandles());
    assertThat(sinks.candlePoints().stream().map(CandleRow::of).toList()).as("InfluxDB candles")
        .containsExactlyInAnyOrderElementsOf(output.expectedCandles());
  }

  /**
   * Recurring alerts either side of BTCUSDT's middle price, which the random orders' prices cross back
   * and forth: each is confirmed by a notification when created, and notifies again at every crossing.
   */
  private static List<Input> alerts(List<Long> traders, long time) {
    List<Input> alerts = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      boolean above = i % 2 == 0;
      CreateAlert create = CreateAlert.newBuilder()
          .setAlertId(i + 1)
          .setCondition(above ? AlertCondition.CROSSES_ABOVE : AlertCondition.CROSSES_BELOW)
          .setPrice(Market.units(above ? "30020" : "29980"))
          .setRecurring(true)
          .setQuoteScale(Market.SCALE)
          .build();
      AlertCommand command = new AlertCommand(i + 1L, traders.get(i), Market.BTCUSDT, create);
      alerts.add(new Input(Topics.ALERT_COMMANDS.name(), Market.BTCUSDT, command, time));
    }
    return alerts;
  }

  /**
   * Sends the inputs with their spacing, moved to start now as a gateway stamps what it receives: the
   * market app's clock followed the wall clock while the setup ran, and trades stamped before it would
   * reach the candles late.
   */
  private static void sendAsOfNow(LivePipeline live, List<Input> inputs) {
    long shift = System.currentTimeMillis() - inputs.get(0).timestamp();
    inputs.forEach(i -> live.send(new Input(i.topic(), i.key(), i.value(), i.timestamp() + shift)));
    live.flush();
  }

  private static <C> Set<Long> commandIds(List<Input> inputs, Class<C> type, Function<C, Long> id) {
    return inputs.stream().map(Input::value).filter(type::isInstance).map(type::cast).map(id).collect(Collectors.toSet());
  }

  private static List<String> notificationIds(List<Message> messages) {
    return messages.stream().map(m -> m.messageAttributes().get("notificationId").stringValue()).toList();
  }

  /** Everything the stores hold, to compare before and after a replay. */
  private record StoreSnapshot(Map<String, List<Map<String, Object>>> tables, Set<Map<String, AttributeValue>> items,
      Set<JsonNode> points) {

    static StoreSnapshot of(SinkHarness sinks) {
      Map<String, List<Map<String, Object>>> tables = Map.of(
          "trades", sinks.postgres().snapshot("trades", "symbol, trade_id"),
          "orders", sinks.postgres().snapshot("orders", "order_id"),
          "ledger", sinks.postgres().snapshot("ledger", "account_id, entry_id"),
          "users", sinks.postgres().snapshot("users", "user_id"),
          "candles", sinks.postgres().snapshot("candles", "symbol, interval, open_time"));
      return new StoreSnapshot(tables, new HashSet<>(sinks.tradeHistory()), new HashSet<>(sinks.candlePoints()));
    }
  }
}
