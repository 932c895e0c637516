package castle.notifications;

import castle.accounts.config.AccountsConfig;
import castle.accounts.pipeline.Pipeline;
import castle.accounts.support.AccountsDriver;
import castle.accounts.support.DriverState;
import castle.accounts.support.Market;
import castle.accounts.support.RandomTraffic.Input;
import castle.schema.alerts.Notification;
import castle.schema.orders.CancelOrder;
import castle.schema.orders.Execution;
import castle.schema.orders.OrderCommand;
import castle.schema.orders.PlaceOrder;
import castle.schema.reference.SymbolStatus;
import castle.topics.Keys;
import castle.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The order pipeline (accounts and the real matching, {@link Pipeline}) with the order-notifications
 * app behind it in a TopologyTestDriver of its own, fed every execution as Kafka delivers it: keyed
 * by its account, at its time. Command ids and times count from fixed starts, so the same steps with
 * the same orders make the same run, byte for byte.
 */
final class NotifyingPipeline implements AutoCloseable {

  private final Pipeline pipeline = new Pipeline(AccountsConfig.defaults());
  private final AccountsDriver accounts = pipeline.accounts();
  private final Path state = DriverState.create();
  private final TopologyTestDriver driver;
  private final TestInputTopic<String, Execution> executions;
  private final TestOutputTopic<String, Notification> notifications;
  private long commandIds = 1_000;

  /** BTCUSDT trading on both stages. */
  NotifyingPipeline() {
    pipeline.feed(new Input(Topics.SYMBOLS.name(), Market.BTCUSDT, Market.btcUsdt(SymbolStatus.TRADING), accounts.now()));
    driver = DriverState.start(new OrderNotificationsApp().topology(), "order-notifications-test", state);
    executions = driver.createInputTopic(Topics.ORDER_EXECUTIONS.name(), Topics.ORDER_EXECUTIONS.keySerde().serializer(),
        Topics.ORDER_EXECUTIONS.valueSerde().serializer());
    notifications = driver.createOutputTopic(Topics.NOTIFICATIONS.name(), Topics.NOTIFICATIONS.keySerde().deserializer(),
        Topics.NOTIFICATIONS.valueSerde().deserializer());
  }

  /** A verified trader with a deposit of {@code amount} (decimal) of {@code asset}. */
  void trader(long account, String asset, String amount) {
    accounts.verifiedUser(account);
    accounts.deposit(account, asset, amount);
  }

  /** Places an order on BTCUSDT one second after the last command; returns the notifications it caused. */
  List<TestRecord<String, Notification>> place(long account, PlaceOrder order) {
    return command(account, order);
  }

  /** Cancels an order by id; returns the notifications it caused. */
  List<TestRecord<String, Notification>> cancel(long account, long orderId) {
    return command(account, new CancelOrder(orderId, null, "cancel-" + orderId));
  }

  /** The id of the last order command, which names an order accounts rejected. */
  long lastCommandId() {
    return commandIds - 1;
  }

  /** Every execution so far, in the order they were published. */
  List<Execution> executions() {
    return pipeline.executions();
  }

  /** Delivers executions to the app again, as a replay of orders.executions from the start would. */
  List<TestRecord<String, Notification>> redeliver(List<Execution> again) {
    again.forEach(this::deliver);
    return notifications.readRecordsToList();
  }

  private List<TestRecord<String, Notification>> command(long account, Object action) {
    accounts.advance(Duration.ofSeconds(1));
    OrderCommand command = new OrderCommand(commandIds++, account, Market.BTCUSDT, action);
    pipeline.feed(new Input(Topics.ORDER_COMMANDS.name(), Keys.account(account), command, accounts.now()))
        .forEach(this::deliver);
    return notifications.readRecordsToList();
  }

  private void deliver(Execution execution) {
    executions.pipeInput(Keys.account(execution.getAccountId()), execution, execution.getTransactTime());
  }

  @Override
  public void close() {
    try {
      pipeline.close();
    } finally {
      driver.close();
      DriverState.delete(state);
    }
  }
}
