package castle.sinks.dynamodb;

import castle.sinks.aws.AwsFailures;
import castle.sinks.core.RetriableWriteException;
import castle.sinks.core.WriteResult;
import castle.sinks.core.WriteResult.Rejection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Writes each item with a PutItem conditional on {@code attribute_not_exists(pk)}: a trade already in
 * the table fails the condition and is counted as unchanged, so a redelivery writes nothing at all.
 * The puts of one batch (at most 25) run concurrently. DynamoDB's conditional writes need no
 * transactions, so this works on every DynamoDB-compatible store, dynalite included.
 */
final class ConditionalTradeHistoryWriter extends TradeHistoryWriter {

  private enum Outcome { APPLIED, UNCHANGED, REJECTED, TRANSIENT }

  private record Attempt(Outcome outcome, String reason) {}

  private final ExecutorService executor;

  ConditionalTradeHistoryWriter(DynamoDbClient dynamo, String table, int concurrency) {
    super(dynamo, table);
    this.executor = Executors.newFixedThreadPool(concurrency, runnable -> {
      Thread thread = new Thread(runnable, "dynamodb-conditional-put");
      thread.setDaemon(true);
      return thread;
    });
  }

  @Override
  public WriteResult write(List<Map<String, AttributeValue>> items) throws RetriableWriteException {
    List<CompletableFuture<Attempt>> attempts = new ArrayList<>(items.size());
    for (Map<String, AttributeValue> item : items) {
      attempts.add(CompletableFuture.supplyAsync(() -> put(item), executor));
    }
    int applied = 0;
    int unchanged = 0;
    List<Rejection> rejections = new ArrayList<>();
    String transientReason = null;
    for (int i = 0; i < attempts.size(); i++) {
      Attempt attempt = attempts.get(i).join();
      switch (attempt.outcome()) {
        case APPLIED -> applied++;
        case UNCHANGED -> unchanged++;
        case REJECTED -> rejections.add(new Rejection(i, attempt.reason()));
        case TRANSIENT -> transientReason = attempt.reason();
      }
    }
    if (transientReason != null) {
      // The items that did go in fail their condition on the retry and count as unchanged then.
      throw new RetriableWriteException(transientReason);
    }
    return new WriteResult(applied, unchanged, rejections);
  }

  private Attempt put(Map<String, AttributeValue> item) {
    try {
      dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(#pk)")
          .expressionAttributeNames(Map.of("#pk", TradeHistoryItems.PARTITION_KEY)));
      return new Attempt(Outcome.APPLIED, null);
    } catch (ConditionalCheckFailedException e) {
      return new Attempt(Outcome.UNCHANGED, null);
    } catch (SdkException e) {
      String reason = "DynamoDB PutItem: " + e.getMessage();
      return new Attempt(AwsFailures.isTransient(e) ? Outcome.TRANSIENT : Outcome.REJECTED, reason);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
    super.close();
  }
}
