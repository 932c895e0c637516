package castle.sinks.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import castle.schema.orders.Execution;
import castle.schema.orders.ExecutionType;
import castle.schema.orders.OrderStatus;
import castle.schema.orders.Side;
import castle.sinks.kit.ConnectorProgress;
import castle.sinks.kit.Crash;
import castle.sinks.kit.DeadLetterAssert;
import castle.sinks.kit.Fixtures;
import castle.sinks.kit.SharedWorker;
import castle.sinks.kit.SinkTaskMetrics;
import castle.sinks.kit.TestConnectors;
import castle.sinks.kit.TestTopics;
import castle.sinks.standins.ChildProcess;
import castle.sinks.standins.FreePorts;
import castle.sinks.standins.NodeStandIns;
import castle.sinks.standins.ThrottledDynamoDb;
import castle.sinks.worker.ConnectWorker;
import castle.sinks.worker.Sink;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The DynamoDB sink in a real Connect worker, writing to dynalite, in both write modes: replays, poison
 * items, an outage of the store, and throttling that leaves items unprocessed.
 */
@ExtendWith(SharedWorker.DeleteConnectorsAfterAll.class)
class DynamoDbSinkTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final long T = 1_732_600_000_000L;
  private static final long RETRY_BACKOFF_MS = 100;
  /** Two attempts per delivery and short pauses, so the retries of a test take seconds. */
  private static final Map<String, String> RETRY_QUICKLY = Map.of("retry.max.attempts", "2",
      "retry.backoff.ms", Long.toString(RETRY_BACKOFF_MS), "retry.backoff.max.ms", "400");
  private final ConnectWorker worker = SharedWorker.get();
  private final String executions = TestTopics.unique("orders.executions");
  private final String deadLetters = TestTopics.unique("dead-letters");
  private final String table = "trades-" + UUID.randomUUID();
  private final String connector = "dynamodb-" + UUID.randomUUID();
  private final DynamoDbClient dynamo = client(NodeStandIns.dynalite().url());

  @ParameterizedTest
  @ValueSource(strings = {DynamoDbSinkConfig.MODE_CONDITIONAL, DynamoDbSinkConfig.MODE_BATCH})
  void keepsEachFillOnceInItsAccountsHistoryEvenAfterAReplay(String mode) {
    // Given a DynamoDB sink that creates its table
    startConnector(mode, NodeStandIns.dynalite().url(), Map.of());

    // When 30 trades fill orders of accounts 1..3 (more than one batch of 25), among NEW events
    TestTopics.produce(executions, trades(1, 30));

    // Then each fill is one item under its account, sorted by time
    ConnectorProgress.awaitCaughtUp(connector, List.of(executions), TIMEOUT);
    List<Map<String, AttributeValue>> items = scan();
    assertThat(items).hasSize(60);
    Map<String, AttributeValue> first = query("2").get(0);
    assertThat(first.get("sk").s()).isEqualTo(TradeHistoryItems.sortKey(T + 1, "BTCUSDT", 1, "BUY"));
    // DynamoDB keeps numbers as exact decimals and drops trailing zeros.
    assertThat(new BigDecimal(first.get("price").n())).isEqualByComparingTo("30000.00000000");
    assertThat(new BigDecimal(first.get("qty").n())).isEqualByComparingTo("0.1");
    assertThat(new BigDecimal(first.get("quoteQty").n())).isEqualByComparingTo("3000");
    assertThat(first.get("isMaker").bool()).isFalse();
    assertThat(query("1")).extracting(i -> i.get("sk").s()).isSorted();

    // When the sink crashes before committing and every execution is delivered again
    Crash.andReplayEverything(worker, connector);
    ConnectorProgress.awaitCaughtUp(connector, List.of(executions), TIMEOUT);

    // Then the table is as it was
    assertThat(scan()).containsExactlyInAnyOrderElementsOf(items);
  }

  @ParameterizedTest
  @ValueSource(strings = {DynamoDbSinkConfig.MODE_CONDITIONAL, DynamoDbSinkConfig.MODE_BATCH})
  void anItemDynamoDbRefusesIsDeadLetteredAndTheRestIsWritten(String mode) {
    // Given a DynamoDB sink
    startConnector(mode, NodeStandIns.dynalite().url(), Map.of());

    // When a fill whose item would exceed DynamoDB's 400 KB item limit arrives between two good ones
    var oversized = Fixtures.fill(2, 5, 20, Side.BUY, 2, T + 2);
    oversized.setClientOrderId("x".repeat(410_000));
    TestTopics.produce(executions, List.of(Map.entry("5", Fixtures.fill(1, 5, 10, Side.BUY, 1, T + 1)),
        Map.entry("5", oversized), Map.entry("5", Fixtures.fill(3, 5, 30, Side.BUY, 3, T + 3))));

    // Then it is dead-lettered with DynamoDB's reason, and both good fills are in the table
    List<ConsumerRecord<String, byte[]>> dead = TestTopics.awaitRecords(deadLetters, 1, TIMEOUT);
    assertThat(DeadLetterAssert.reason(dead.get(0))).contains("DynamoDB").containsIgnoringCase("size");
    ConnectorProgress.awaitCaughtUp(connector, List.of(executions), TIMEOUT);
    assertThat(query("5")).extracting(i -> i.get("tradeId").n()).containsExactly("1", "3");
    assertThat(worker.isRunning(connector)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {DynamoDbSinkConfig.MODE_CONDITIONAL, DynamoDbSinkConfig.MODE_BATCH})
  void fillsArrivingWhileDynamoDbIsDownAreRetriedAndStoredOnceWhenItIsBack(String mode) throws Exception {
    // Given a sink that tries twice per delivery, writing to a DynamoDB that keeps its tables on disk,
    // with the fills of 10 trades stored
    Path data = Files.createTempDirectory("castle-dynalite-");
    int port = FreePorts.next();
    ChildProcess dynalite = NodeStandIns.persistentDynalite(data, port);
    startConnector(mode, dynalite.url(), RETRY_QUICKLY);
    TestTopics.produce(executions, trades(1, 10));
    ConnectorProgress.awaitCaughtUp(connector, List.of(executions), TIMEOUT);
    DynamoDbClient store = client(dynalite.url());
    assertThat(scan(store)).hasSize(20);

    // When DynamoDB goes away, 10 more trades are made, and it comes back once the sink has retried
    dynalite.stop();
    TestTopics.produce(executions, trades(11, 20));
    await().atMost(TIMEOUT).until(() -> SinkTaskMetrics.value(connector, "write-retries-total") >= 1);
    dynalite = NodeStandIns.persistentDynalite(data, port);

    // Then every fill is stored once, nothing is dead-lettered, and the task still runs
    ConnectorProgress.awaitCaughtUp(connector, List.of(executions), TIMEOUT);
    assertThat(scan(store)).extracting(item -> item.get(TradeHistoryItems.SORT_KEY).s())
        .containsExactlyInAnyOrderElementsOf(sortKeys(1, 20));
    assertThat(TestTopics.count(deadLetters)).isZero();
    assertThat(worker.isRunning(connector)).isTrue();
    worker.deleteConnector(connector);
    dynalite.stop();
  }

  @Test
  void unprocessedItemsAreSentAgainWithBackoffUntilNoneRemain() {
    // Given the executions of 30 trades (60 fills: batches of 25, 25 and 10) waiting in the topic, and a
    // DynamoDB short of write capacity that stores only 2 writes of each of the next 12 BatchWriteItems
    TestTopics.create(1, executions);
    TestTopics.produce(executions, trades(1, 30));
    try (ThrottledDynamoDb throttled = ThrottledDynamoDb.start(NodeStandIns.dynalite().url())) {
      throttled.throttleNext(12, 2);

      // When a batch-mode sink reads them
      startConnector(DynamoDbSinkConfig.MODE_BATCH, throttled.url(), RETRY_QUICKLY);

      // Then the unprocessed items are sent again, after a backoff each time, until none remain: the
      // first batch outlasts the writer's rounds, so the task retries it whole, which is harmless
      ConnectorProgress.awaitCaughtUp(connector, List.of(executions), TIMEOUT);
      assertThat(scan()).extracting(item -> item.get(TradeHistoryItems.SORT_KEY).s())
          .containsExactlyInAnyOrderElementsOf(sortKeys(1, 30));
      assertThat(throttled.unprocessed()).isPositive();
      assertThat(throttled.shortestPauseAfterThrottling()).isGreaterThanOrEqualTo(Duration.ofMillis(RETRY_BACKOFF_MS / 2));
      assertThat(SinkTaskMetrics.value(connector, "write-retries-total")).isGreaterThanOrEqualTo(1);
      assertThat(TestTopics.count(deadLetters)).isZero();
      assertThat(worker.isRunning(connector)).isTrue();
    }
  }

  /** Trades {@code first..last} as orders.executions carries them: the buyer's NEW event, then both sides' fills. */
  private static List<Map.Entry<String, Execution>> trades(int first, int last) {
    List<Map.Entry<String, Execution>> events = new ArrayList<>();
    for (int trade = first; trade <= last; trade++) {
      long buyer = 1 + trade % 3;
      long seller = 1 + (trade + 1) % 3;
      events.add(Map.entry(Long.toString(buyer), Fixtures.execution(trade * 3L, buyer, trade * 2L, Side.BUY,
          ExecutionType.NEW, OrderStatus.NEW, 30_000 * Fixtures.ONE, Fixtures.ONE / 10, -1, T + trade)));
      events.add(Map.entry(Long.toString(buyer), Fixtures.fill(trade * 3L + 1, buyer, trade * 2L, Side.BUY, trade, T + trade)));
      events.add(Map.entry(Long.toString(seller), Fixtures.fill(trade * 3L + 2, seller, trade * 2L + 1, Side.SELL, trade, T + trade)));
    }
    return events;
  }

  /** The sort keys of the fills of trades {@code first..last}, one per side. */
  private static List<String> sortKeys(int first, int last) {
    List<String> keys = new ArrayList<>();
    for (int trade = first; trade <= last; trade++) {
      for (Side side : List.of(Side.BUY, Side.SELL)) {
        keys.add(TradeHistoryItems.sortKey(T + trade, Fixtures.SYMBOL, trade, side.name()));
      }
    }
    return keys;
  }

  private void startConnector(String mode, String endpoint, Map<String, String> retries) {
    Map<String, String> settings = new HashMap<>(TestConnectors.standIn(endpoint));
    settings.putAll(Map.of(DynamoDbSinkConfig.TABLE, table, DynamoDbSinkConfig.CREATE_TABLE, "true",
        DynamoDbSinkConfig.WRITE_MODE, mode));
    settings.putAll(retries);
    TestConnectors.start(worker, Sink.DYNAMODB, connector, List.of(executions), 2, deadLetters, settings);
  }

  private static DynamoDbClient client(String endpoint) {
    return DynamoDbClient.builder()
        .endpointOverride(URI.create(endpoint))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("castle", "castle")))
        .build();
  }

  private List<Map<String, AttributeValue>> scan() {
    return scan(dynamo);
  }

  private List<Map<String, AttributeValue>> scan(DynamoDbClient store) {
    return store.scanPaginator(b -> b.tableName(table)).items().stream().toList();
  }

  private List<Map<String, AttributeValue>> query(String account) {
    return dynamo.queryPaginator(b -> b.tableName(table).keyConditionExpression("pk = :pk")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(account)))).items().stream().toList();
  }
}
