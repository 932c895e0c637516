package castle.sinks.dynamodb;

import castle.sinks.aws.AwsFailures;
import castle.sinks.core.Backoff;
import castle.sinks.core.RejectedBatchException;
import castle.sinks.core.RetriableWriteException;
import castle.sinks.core.WriteResult;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes up to 25 items per BatchWriteItem. DynamoDB may leave some items unprocessed under load; they
 * are sent again with backoff until none remain. Writing an item twice stores the same item, so a
 * redelivery changes nothing. A batch DynamoDB refuses as a whole (an item over 400 KB, say) is split
 * by the task until the bad item is found.
 */
final class BatchTradeHistoryWriter extends TradeHistoryWriter {

  private static final int UNPROCESSED_ROUNDS = 8;

  private final Backoff backoff;

  BatchTradeHistoryWriter(DynamoDbClient dynamo, String table, Backoff backoff) {
    super(dynamo, table);
    this.backoff = backoff;
  }

  @Override
  public WriteResult write(List<Map<String, AttributeValue>> items) throws RetriableWriteException, RejectedBatchException {
    List<WriteRequest> pending =
        items.stream().map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build()).toList();
    for (int round = 0; round < UNPROCESSED_ROUNDS; round++) {
      BatchWriteItemResponse response;
      try {
        List<WriteRequest> batch = pending;
        response = dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, batch)));
      } catch (SdkException e) {
        throw AwsFailures.rethrow("DynamoDB BatchWriteItem", e);
      }
      pending = response.unprocessedItems().getOrDefault(table, List.of());
      if (pending.isEmpty()) {
        return WriteResult.allApplied(items.size());
      }
      pause(backoff.delayMs(round));
    }
    throw new RetriableWriteException(pending.size() + " items still unprocessed after " + UNPROCESSED_ROUNDS + " rounds");
  }

  private static void pause(long millis) throws RetriableWriteException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetriableWriteException("Interrupted while waiting to resend unprocessed items", e);
    }
  }
}
