package castle.sinks.notify;

import castle.sinks.core.CastleSinkConnector;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;

/**
 * Delivers the notifications topic (fired price alerts, order updates) to Amazon SNS, with message
 * attributes for subscription filter policies, or straight to an SQS queue. With a FIFO topic or queue
 * the notification id is the deduplication id, so a redelivery never notifies twice.
 */
public final class NotificationSinkConnector extends CastleSinkConnector {

  @Override
  public Class<? extends Task> taskClass() {
    return NotificationSinkTask.class;
  }

  @Override
  public ConfigDef config() {
    return NotificationSinkConfig.DEF;
  }
}
