package castle.sinks.dynamodb;

import castle.sinks.aws.AwsSettings;
import castle.sinks.core.CastleSinkConnector;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Keeps each account's trade history in DynamoDB, from the TRADE events of orders.executions: one item
 * per fill, keyed by account and time, for fast "my trades" pages at any scale.
 */
public final class DynamoDbSinkConnector extends CastleSinkConnector {

  @Override
  protected void onStart(Map<String, String> props) {
    AbstractConfig config = new AbstractConfig(DynamoDbSinkConfig.DEF, props);
    if (config.getBoolean(DynamoDbSinkConfig.CREATE_TABLE)) {
      try (DynamoDbClient dynamo = AwsSettings.from(config).build(DynamoDbClient.builder())) {
        TradeHistoryTable.ensure(dynamo, config.getString(DynamoDbSinkConfig.TABLE));
      }
    }
  }

  @Override
  public Class<? extends Task> taskClass() {
    return DynamoDbSinkTask.class;
  }

  @Override
  public ConfigDef config() {
    return DynamoDbSinkConfig.DEF;
  }
}
