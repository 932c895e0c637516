package castle.notifications;

import castle.topics.Topics;
import castle.topology.StreamsApp;
import castle.topology.TopicNames;
import java.util.Map;
import org.apache.kafka.streams.AutoOffsetReset;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The order-notifications app ({@code castle-order-notifications}): tells each account what happened
 * to its orders. It reads {@code orders.executions} and writes an {@code ORDER_UPDATE} to
 * {@code notifications} for each execution {@link OrderUpdates} says is worth telling, keyed by the
 * same account.
 *
 * <p>It is an app of its own rather than part of accounts because it is stateless and off the
 * trading path: accounts shares one task between an account's commands and its executions, so every
 * record it writes lengthens the transactions that orders wait on. Here notifications can lag or
 * fail without slowing trading, and restarting costs no state restore.
 */
public final class OrderNotificationsApp implements StreamsApp {

  /** The app's name; its application id is {@code castle-order-notifications}. */
  public static final String NAME = "order-notifications";

  private final TopicNames topics;

  /** The app on the standard topics. */
  public OrderNotificationsApp() {
    this(TopicNames.standard());
  }

  /** The app on these topic names. */
  public OrderNotificationsApp(TopicNames topics) {
    this.topics = topics;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean onOrderPath() {
    return false;
  }

  @Override
  public Topology topology() {
    StreamsBuilder builder = new StreamsBuilder();
    builder
        .stream(topics.of(Topics.ORDER_EXECUTIONS),
            Consumed.with(Topics.ORDER_EXECUTIONS.keySerde(), Topics.ORDER_EXECUTIONS.valueSerde())
                // A first start (no committed offsets) begins at the end: orders.executions keeps 90
                // days, and fills from before the app existed are history, not news to send people.
                .withOffsetResetPolicy(AutoOffsetReset.latest())
                .withName("from-orders-executions"))
        // Executions are keyed by account, and so are notifications: the key stays as it is.
        .flatMapValues(execution -> OrderUpdates.of(execution).stream().toList(), Named.as("order-updates"))
        .to(topics.of(Topics.NOTIFICATIONS),
            Produced.with(Topics.NOTIFICATIONS.keySerde(), Topics.NOTIFICATIONS.valueSerde()).withName("to-notifications"));
    return builder.build();
  }

  @Override
  public Map<String, Object> overrides() {
    // A notification goes to a person: an execution processed again after a crash must not put a
    // second one on the topic. Stated here so that it never depends on a default.
    return Map.of(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
  }
}
