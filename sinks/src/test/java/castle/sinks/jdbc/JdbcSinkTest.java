package castle.sinks.jdbc;

import static castle.sinks.kit.Fixtures.ONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import castle.schema.orders.ExecutionType;
import castle.schema.orders.OrderStatus;
import castle.schema.orders.Side;
import castle.schema.users.KycStatus;
import castle.schema.users.UserEventType;
import castle.sinks.convert.CastleRecords;
import castle.sinks.kit.ConnectorProgress;
import castle.sinks.kit.Db;
import castle.sinks.kit.Crash;
import castle.sinks.kit.DeadLetterAssert;
import castle.sinks.kit.Fixtures;
import castle.sinks.kit.SharedWorker;
import castle.sinks.kit.SinkTaskMetrics;
import castle.sinks.kit.TestConnectors;
import castle.sinks.kit.TestTopics;
import castle.sinks.postgres.EmbeddedPostgresServer;
import castle.sinks.standins.FreePorts;
import castle.sinks.standins.SharedPostgres;
import castle.sinks.worker.ConnectWorker;
import castle.sinks.worker.Sink;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The JDBC sink in a real Connect worker, on the shared broker, writing to a real PostgreSQL: every
 * table, replays, poison records, and an outage of the database.
 */
@ExtendWith(SharedWorker.DeleteConnectorsAfterAll.class)
class JdbcSinkTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private final ConnectWorker worker = SharedWorker.get();
  private final String trades = TestTopics.unique("market.trades");
  private final String executions = TestTopics.unique("orders.executions");
  private final String ledger = TestTopics.unique("wallet.ledger");
  private final String users = TestTopics.unique("users.events");
  private final String candles = TestTopics.unique("market.candles");
  private final String deadLetters = TestTopics.unique("dead-letters");
  private final List<String> topics = List.of(trades, executions, ledger, users, candles);
  private final String url = SharedPostgres.newDatabase("jdbc");
  private final Db db = new Db(url);
  private final String connector = "jdbc-" + UUID.randomUUID();

  @Test
  void writesEveryTableOnceAndAReplayAfterACrashChangesNothing() {
    // Given a running JDBC sink
    startConnector();

    // When the pipeline's records arrive, an order's events out of order included
    long t = 1_732_600_000_000L;
    TestTopics.produce(trades, List.of(Map.entry("BTCUSDT", Fixtures.trade(1, 7, 8, t)),
        Map.entry("BTCUSDT", Fixtures.trade(2, 8, 7, t + 1))));
    TestTopics.produce(executions, List.of(
        Map.entry("7", Fixtures.execution(10, 7, 100, Side.BUY, ExecutionType.NEW, OrderStatus.NEW, 30_000 * ONE, ONE, -1, t)),
        Map.entry("7", Fixtures.execution(12, 7, 100, Side.BUY, ExecutionType.TRADE, OrderStatus.FILLED, 30_000 * ONE, ONE, 1, t + 2)),
        Map.entry("7", Fixtures.execution(11, 7, 100, Side.BUY, ExecutionType.NEW, OrderStatus.NEW, 30_000 * ONE, ONE, -1, t + 1)),
        Map.entry("8", Fixtures.execution(13, 8, 101, Side.SELL, ExecutionType.NEW, OrderStatus.NEW, 31_000 * ONE, ONE, -1, t + 3))));
    TestTopics.produce(ledger, List.of(Map.entry("7", Fixtures.ledger(7, 1, "BTC", ONE / 10, ONE / 10, 1, t)),
        Map.entry("7", Fixtures.ledger(7, 2, "USDT", -3_000 * ONE, 7_000 * ONE, 1, t)),
        Map.entry("8", Fixtures.ledger(8, 1, "BTC", -ONE / 10, 0, 1, t))));
    TestTopics.produce(users, List.of(
        Map.entry("7", Fixtures.user(7, UserEventType.REGISTERED, KycStatus.NONE, 0, t)),
        Map.entry("7", Fixtures.user(7, UserEventType.KYC_APPROVED, KycStatus.VERIFIED, 2, t + 5)),
        Map.entry("0", Fixtures.user(0, UserEventType.COMMAND_REJECTED, KycStatus.NONE, 0, t + 6))));
    TestTopics.produce(candles, List.of(Map.entry("BTCUSDT", Fixtures.candle(t, 1, 30_000 * ONE, false)),
        Map.entry("BTCUSDT", Fixtures.candle(t, 3, 30_500 * ONE, true)),
        Map.entry("BTCUSDT", Fixtures.candle(t, 2, 30_200 * ONE, false))));

    // Then each table holds every record once, in its latest state
    ConnectorProgress.awaitCaughtUp(connector, topics, TIMEOUT);
    assertThat(db.count("trades")).isEqualTo(2);
    assertThat(db.count("ledger")).isEqualTo(3);
    assertThat(db.count("orders")).isEqualTo(2);
    assertThat(db.count("users")).isEqualTo(1);
    assertThat(db.count("candles")).isEqualTo(1);
    Map<String, Object> order = db.rows("SELECT * FROM orders WHERE order_id = 100").get(0);
    assertThat(order).containsEntry("status", "FILLED").containsEntry("execution_id", 12L)
        .containsEntry("cum_qty", new BigDecimal("1.00000000"));
    Map<String, Object> user = db.rows("SELECT * FROM users WHERE user_id = 7").get(0);
    assertThat(user).containsEntry("kyc_status", "VERIFIED").containsEntry("kyc_tier", 2);
    assertThat(user.get("registered_at")).isNotNull();
    Map<String, Object> candle = db.rows("SELECT * FROM candles").get(0);
    assertThat(candle).containsEntry("version", 3L).containsEntry("closed", true)
        .containsEntry("close", new BigDecimal("30500.00000000"));
    assertThat(db.rows("SELECT price, qty, quote_qty FROM trades WHERE trade_id = 1").get(0))
        .containsEntry("price", new BigDecimal("30000.00000000")).containsEntry("qty", new BigDecimal("0.10000000"))
        .containsEntry("quote_qty", new BigDecimal("3000.00000000"));
    Map<String, List<Map<String, Object>>> before = snapshot();

    // When the sink crashes before committing and everything is delivered again
    Crash.andReplayEverything(worker, connector);
    ConnectorProgress.awaitCaughtUp(connector, topics, TIMEOUT);

    // Then nothing changed, and the task's metrics show the redelivered rows as unchanged
    assertThat(snapshot()).isEqualTo(before);
    assertThat(SinkTaskMetrics.value(connector, "records-unchanged-total")).isGreaterThanOrEqualTo(9);
    assertThat(SinkTaskMetrics.value(connector, "records-skipped-total")).isGreaterThanOrEqualTo(1);
    assertThat(worker.isRunning(connector)).isTrue();
  }

  @Test
  void poisonRecordsGoToTheDeadLetterTopicWithTheReasonAndTheSinkCarriesOn() {
    // Given a running JDBC sink
    startConnector();
    long t = 1_732_600_000_000L;

    // When bytes that are no Castle record, a ledger entry the table refuses and a tombstone arrive
    // among good records
    TestTopics.produceRaw(trades, List.of(Map.entry("BTCUSDT", "not avro".getBytes(StandardCharsets.UTF_8))));
    var refused = Fixtures.ledger(9, 1, "BTC", ONE, ONE, 1, t);
    refused.setScale(40);
    TestTopics.produce(ledger, List.of(Map.entry("9", Fixtures.ledger(9, 2, "BTC", ONE, 2 * ONE, 2, t)),
        Map.entry("9", refused), Map.entry("9", Fixtures.ledger(9, 3, "BTC", ONE, 3 * ONE, 3, t))));
    TestTopics.produceRaw(candles, java.util.Collections.singletonList(new java.util.AbstractMap.SimpleEntry<>("BTCUSDT", null)));
    TestTopics.produce(trades, List.of(Map.entry("BTCUSDT", Fixtures.trade(5, 7, 8, t))));

    // Then the three poison records are dead-lettered with their reasons, and the good ones are written
    List<ConsumerRecord<String, byte[]>> dead = TestTopics.awaitRecords(deadLetters, 3, TIMEOUT);
    assertThat(dead).hasSize(3);
    assertThat(dead).anySatisfy(r -> {
      assertThat(DeadLetterAssert.header(r, "topic")).isEqualTo(trades);
      assertThat(DeadLetterAssert.reason(r)).contains("Not a Castle record");
      assertThat(r.value()).isEqualTo("not avro".getBytes(StandardCharsets.UTF_8));
    });
    assertThat(dead).anySatisfy(r -> {
      assertThat(DeadLetterAssert.header(r, "topic")).isEqualTo(ledger);
      assertThat(DeadLetterAssert.reason(r)).contains("23514").contains("ledger");
      assertThat(CastleRecords.decode(r.value())).isEqualTo(refused);
    });
    assertThat(dead).anySatisfy(r -> {
      assertThat(DeadLetterAssert.header(r, "topic")).isEqualTo(candles);
      assertThat(DeadLetterAssert.reason(r)).contains("No table takes a null value");
    });
    assertThat(dead).allSatisfy(r -> assertThat(DeadLetterAssert.header(r, "connector.name")).isEqualTo(connector));
    ConnectorProgress.awaitCaughtUp(connector, topics, TIMEOUT);
    assertThat(db.rows("SELECT entry_id FROM ledger ORDER BY entry_id")).extracting(r -> r.get("entry_id"))
        .containsExactly(2L, 3L);
    assertThat(db.count("trades")).isEqualTo(1);
    assertThat(worker.isRunning(connector)).isTrue();
    assertThat(SinkTaskMetrics.value(connector, "records-dead-lettered-total")).isEqualTo(2);
  }

  private void startConnector() {
    startConnector(url, Map.of());
  }

  /** Runs the sink on the database at {@code jdbcUrl} and waits until its migrations made the tables. */
  private void startConnector(String jdbcUrl, Map<String, String> extra) {
    Map<String, String> settings = new HashMap<>(extra);
    settings.putAll(Map.of("jdbc.url", jdbcUrl, "jdbc.user", "postgres"));
    TestConnectors.start(worker, Sink.JDBC, connector, topics, 2, deadLetters, settings);
    Db tables = new Db(jdbcUrl);
    await().atMost(TIMEOUT).until(() -> tables.count("orders") >= 0);
  }

  @Test
  void recordsArrivingWhilePostgresIsDownAreRetriedAndWrittenOnceWhenItIsBack() throws Exception {
    // Given a sink that tries twice per delivery, writing to a PostgreSQL server of this test's own
    // (the shared one serves the other tests), with two trades and their ledger entries written
    Path data = Files.createTempDirectory("castle-postgres-outage-");
    int port = FreePorts.next();
    EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(data, port);
    String ownUrl = "jdbc:postgresql://localhost:" + port + "/" + EmbeddedPostgresServer.DATABASE;
    Db own = new Db(ownUrl);
    startConnector(ownUrl, Map.of("retry.max.attempts", "2", "retry.backoff.ms", "100", "retry.backoff.max.ms", "1000"));
    long t = 1_732_600_000_000L;
    TestTopics.produce(trades, List.of(Map.entry("BTCUSDT", Fixtures.trade(1, 7, 8, t)),
        Map.entry("BTCUSDT", Fixtures.trade(2, 8, 7, t + 1))));
    TestTopics.produce(ledger, List.of(Map.entry("7", Fixtures.ledger(7, 1, "BTC", ONE / 10, ONE / 10, 1, t)),
        Map.entry("8", Fixtures.ledger(8, 1, "BTC", -ONE / 10, 0, 1, t))));
    ConnectorProgress.awaitCaughtUp(connector, topics, TIMEOUT);
    assertThat(own.count("trades")).isEqualTo(2);

    // When PostgreSQL stops, two more trades are made, and it starts again once the sink has retried
    postgres.close();
    TestTopics.produce(trades, List.of(Map.entry("BTCUSDT", Fixtures.trade(3, 7, 8, t + 2)),
        Map.entry("BTCUSDT", Fixtures.trade(4, 8, 7, t + 3))));
    TestTopics.produce(ledger, List.of(Map.entry("7", Fixtures.ledger(7, 2, "BTC", ONE / 10, 2 * ONE / 10, 3, t + 2)),
        Map.entry("8", Fixtures.ledger(8, 2, "BTC", -ONE / 10, 0, 3, t + 2))));
    await().atMost(TIMEOUT).until(() -> SinkTaskMetrics.value(connector, "write-retries-total") >= 1);
    postgres = EmbeddedPostgresServer.start(data, port);

    // Then every record is written once, nothing is dead-lettered, and the task still runs
    ConnectorProgress.awaitCaughtUp(connector, topics, TIMEOUT);
    assertThat(own.rows("SELECT trade_id FROM trades ORDER BY trade_id")).extracting(r -> r.get("trade_id"))
        .containsExactly(1L, 2L, 3L, 4L);
    assertThat(own.rows("SELECT account_id, entry_id FROM ledger ORDER BY account_id, entry_id"))
        .extracting(r -> r.get("account_id") + "/" + r.get("entry_id")).containsExactly("7/1", "7/2", "8/1", "8/2");
    assertThat(TestTopics.count(deadLetters)).isZero();
    assertThat(worker.isRunning(connector)).isTrue();
    worker.deleteConnector(connector);
    postgres.close();
  }

  private Map<String, List<Map<String, Object>>> snapshot() {
    return Map.of(
        "trades", db.snapshot("trades", "symbol, trade_id"),
        "orders", db.snapshot("orders", "order_id"),
        "ledger", db.snapshot("ledger", "account_id, entry_id"),
        "users", db.snapshot("users", "user_id"),
        "candles", db.snapshot("candles", "symbol, interval, open_time"));
  }
}
