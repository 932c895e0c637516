package castle.sinks.dynamodb;

import castle.sinks.aws.AwsSettings;
import castle.sinks.core.CastleSinkTask;
import castle.sinks.core.SinkSettings;
import castle.sinks.core.SinkWriter;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Writes each account's fills from orders.executions to the DynamoDB trade-history table. */
public final class DynamoDbSinkTask extends CastleSinkTask<Map<String, AttributeValue>> {

  @Override
  protected ConfigDef configDef() {
    return DynamoDbSinkConfig.DEF;
  }

  @Override
  protected SinkWriter<Map<String, AttributeValue>> openWriter(AbstractConfig config) {
    DynamoDbClient dynamo = AwsSettings.from(config).build(DynamoDbClient.builder());
    String table = config.getString(DynamoDbSinkConfig.TABLE);
    if (DynamoDbSinkConfig.MODE_BATCH.equals(config.getString(DynamoDbSinkConfig.WRITE_MODE))) {
      return new BatchTradeHistoryWriter(dynamo, table, SinkSettings.from(config).backoff());
    }
    return new ConditionalTradeHistoryWriter(dynamo, table, config.getInt(DynamoDbSinkConfig.CONCURRENCY));
  }
}
