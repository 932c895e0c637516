package castle.sinks.dynamodb;

import java.time.Duration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Creates the trade-history table when asked to: on-demand capacity, keys pk and sk, both strings. */
public final class TradeHistoryTable {

  private TradeHistoryTable() {}

  /** Creates {@code table} unless it exists, then waits until it is active. */
  public static void ensure(DynamoDbClient dynamo, String table) {
    try {
      dynamo.describeTable(b -> b.tableName(table));
    } catch (ResourceNotFoundException missing) {
      try {
        dynamo.createTable(b -> b.tableName(table)
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(
                a -> a.attributeName(TradeHistoryItems.PARTITION_KEY).attributeType(ScalarAttributeType.S),
                a -> a.attributeName(TradeHistoryItems.SORT_KEY).attributeType(ScalarAttributeType.S))
            .keySchema(
                k -> k.attributeName(TradeHistoryItems.PARTITION_KEY).keyType(KeyType.HASH),
                k -> k.attributeName(TradeHistoryItems.SORT_KEY).keyType(KeyType.RANGE)));
      } catch (ResourceInUseException createdMeanwhile) {
        // Another task or worker created it first.
      }
    }
    // The SDK's default waiter polls every 20 s; a new on-demand table is active within seconds.
    try (DynamoDbWaiter waiter = DynamoDbWaiter.builder().client(dynamo)
        .overrideConfiguration(o -> o.backoffStrategyV2(BackoffStrategy.fixedDelay(Duration.ofMillis(250))).maxAttempts(480))
        .build()) {
      waiter.waitUntilTableExists(b -> b.tableName(table));
    }
  }
}
