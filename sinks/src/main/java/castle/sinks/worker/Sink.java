package castle.sinks.worker;

import castle.sinks.dynamodb.DynamoDbSinkConnector;
import castle.sinks.jdbc.JdbcSinkConnector;
import castle.sinks.notify.NotificationSinkConnector;
import castle.sinks.timestream.TimestreamSinkConnector;
import castle.topics.Topics;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.connect.sink.SinkConnector;

/** Castle's sinks: each connector, the topics it reads, and the name it runs under. */
public enum Sink {
  /** Trades, orders, ledger, users and candles into PostgreSQL (Aurora). */
  JDBC(JdbcSinkConnector.class, Topics.MARKET_TRADES.name(), Topics.ORDER_EXECUTIONS.name(),
      Topics.WALLET_LEDGER.name(), Topics.USER_EVENTS.name(), Topics.MARKET_CANDLES.name()),
  /** Per-account trade history into DynamoDB. */
  DYNAMODB(DynamoDbSinkConnector.class, Topics.ORDER_EXECUTIONS.name()),
  /** Candles into Timestream for InfluxDB or LiveAnalytics. */
  TIMESTREAM(TimestreamSinkConnector.class, Topics.MARKET_CANDLES.name()),
  /** Notifications into SNS or SQS. */
  NOTIFICATIONS(NotificationSinkConnector.class, Topics.NOTIFICATIONS.name());

  private final Class<? extends SinkConnector> connector;
  private final List<String> topics;

  Sink(Class<? extends SinkConnector> connector, String... topics) {
    this.connector = connector;
    this.topics = List.of(topics);
  }

  /** The connector class. */
  public Class<? extends SinkConnector> connector() {
    return connector;
  }

  /** The topics it reads by default. */
  public List<String> topics() {
    return topics;
  }

  /** The short name used in options and settings prefixes: jdbc, dynamodb, timestream, notifications. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The connector's name in the worker: castle-jdbc-sink and so on. */
  public String connectorName() {
    return "castle-" + id() + "-sink";
  }

  /** The sink with this short name. */
  public static Sink of(String id) {
    return Arrays.stream(values())
        .filter(s -> s.id().equals(id.trim().toLowerCase(Locale.ROOT)))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown sink '" + id + "'; choose from "
            + Arrays.stream(values()).map(Sink::id).toList()));
  }
}
