package castle.sinks.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import castle.schema.orders.ExecutionType;
import castle.schema.orders.OrderStatus;
import castle.schema.orders.Side;
import castle.sinks.kit.ConnectorProgress;
import castle.sinks.kit.Crash;
import castle.sinks.kit.DeadLetterAssert;
import castle.sinks.kit.Fixtures;
import castle.sinks.kit.SharedWorker;
import castle.sinks.kit.TestConnectors;
import castle.sinks.kit.TestTopics;
import castle.sinks.standins.NodeStandIns;
import castle.sinks.worker.ConnectWorker;
import castle.sinks.worker.Sink;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The DynamoDB sink in a real Connect worker, writing to dynalite, in both write modes. */
class DynamoDbSinkTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private final ConnectWorker worker = SharedWorker.get();
  private final String executions = TestTopics.unique("orders.executions");
  private final String deadLetters = TestTopics.unique("dead-letters");
  private final String table = "trades-" + UUID.randomUUID();
  private final String connector = "dynamodb-" + UUID.randomUUID();
  private final DynamoDbClient dynamo = DynamoDbClient.builder()
      .endpointOverride(URI.create(NodeStandIns.dynalite().url()))
      .region(Region.US_EAST_1)
      .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("castle", "castle")))
      .build();

  @ParameterizedTest
  @ValueSource(strings = {DynamoDbSinkConfig.MODE_CONDITIONAL, DynamoDbSinkConfig.MODE_BATCH})
  void keepsEachFillOnceInItsAccountsHistoryEvenAfterAReplay(String mode) {
    // Given a DynamoDB sink that creates its table
    startConnector(mode);

    // When 30 trades fill orders of accounts 1..3 (more than one batch of 25), among NEW events
    long t = 1_732_600_000_000L;
    List<Map.Entry<String, castle.schema.orders.Execution>> events = new ArrayList<>();
    for (int trade = 1; trade <= 30; trade++) {
      long buyer = 1 + trade % 3;
      long seller = 1 + (trade + 1) % 3;
      events.add(Map.entry(Long.toString(buyer), Fixtures.execution(trade * 3L, buyer, trade * 2L, Side.BUY,
          ExecutionType.NEW, OrderStatus.NEW, 30_000 * Fixtures.ONE, Fixtures.ONE / 10, -1, t + trade)));
      events.add(Map.entry(Long.toString(buyer), Fixtures.fill(trade * 3L + 1, buyer, trade * 2L, Side.BUY, trade, t + trade)));
      events.add(Map.entry(Long.toString(seller), Fixtures.fill(trade * 3L + 2, seller, trade * 2L + 1, Side.SELL, trade, t + trade)));
    }
    TestTopics.produce(executions, events);

    // Then each fill is one item under its account, sorted by time
    ConnectorProgress.awaitCaughtUp(connector, List.of(executions), TIMEOUT);
    List<Map<String, AttributeValue>> items = scan();
    assertThat(items).hasSize(60);
    Map<String, AttributeValue> first = query("2").get(0);
    assertThat(first.get("sk").s()).isEqualTo(TradeHistoryItems.sortKey(t + 1, "BTCUSDT", 1, "BUY"));
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
    startConnector(mode);

    // When a fill whose item would exceed DynamoDB's 400 KB item limit arrives between two good ones
    long t = 1_732_600_000_000L;
    var oversized = Fixtures.fill(2, 5, 20, Side.BUY, 2, t + 2);
    oversized.setClientOrderId("x".repeat(410_000));
    TestTopics.produce(executions, List.of(Map.entry("5", Fixtures.fill(1, 5, 10, Side.BUY, 1, t + 1)),
        Map.entry("5", oversized), Map.entry("5", Fixtures.fill(3, 5, 30, Side.BUY, 3, t + 3))));

    // Then it is dead-lettered with DynamoDB's reason, and both good fills are in the table
    List<ConsumerRecord<String, byte[]>> dead = TestTopics.awaitRecords(deadLetters, 1, TIMEOUT);
    assertThat(DeadLetterAssert.reason(dead.get(0))).contains("DynamoDB").containsIgnoringCase("size");
    ConnectorProgress.awaitCaughtUp(connector, List.of(executions), TIMEOUT);
    assertThat(query("5")).extracting(i -> i.get("tradeId").n()).containsExactly("1", "3");
    assertThat(worker.isRunning(connector)).isTrue();
  }

  private void startConnector(String mode) {
    Map<String, String> settings = new HashMap<>(TestConnectors.standIn(NodeStandIns.dynalite().url()));
    settings.putAll(Map.of(DynamoDbSinkConfig.TABLE, table, DynamoDbSinkConfig.CREATE_TABLE, "true",
        DynamoDbSinkConfig.WRITE_MODE, mode));
    TestConnectors.start(worker, Sink.DYNAMODB, connector, List.of(executions), 2, deadLetters, settings);
  }

  private List<Map<String, AttributeValue>> scan() {
    return dynamo.scanPaginator(b -> b.tableName(table)).items().stream().toList();
  }

  private List<Map<String, AttributeValue>> query(String account) {
    return dynamo.queryPaginator(b -> b.tableName(table).keyConditionExpression("pk = :pk")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(account)))).items().stream().toList();
  }
}
