package castle.sinks.dynamodb;

import castle.schema.orders.Execution;
import castle.sinks.core.RecordValues;
import castle.sinks.core.SinkWriter;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.sink.SinkRecord;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What both ways of writing the trade history share: TRADE executions become items of one table. */
abstract class TradeHistoryWriter implements SinkWriter<Map<String, AttributeValue>> {

  protected final DynamoDbClient dynamo;
  protected final String table;

  TradeHistoryWriter(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public Optional<Map<String, AttributeValue>> prepare(SinkRecord record) {
    return TradeHistoryItems.item(RecordValues.valueOf(record, Execution.class));
  }

  @Override
  public int maxBatchSize() {
    return DynamoDbSinkConfig.BATCH_LIMIT;
  }

  @Override
  public void close() {
    dynamo.close();
  }
}
