package castle.sinks.notify;

import castle.sinks.aws.AwsSettings;
import castle.sinks.core.CastleSinkTask;
import castle.sinks.core.SinkWriter;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Delivers notifications to SNS or SQS. */
public final class NotificationSinkTask extends CastleSinkTask<OutgoingMessage> {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationSinkTask.class);

  @Override
  protected ConfigDef configDef() {
    return NotificationSinkConfig.DEF;
  }

  @Override
  protected SinkWriter<OutgoingMessage> openWriter(AbstractConfig config) {
    AwsSettings aws = AwsSettings.from(config);
    boolean sns = NotificationSinkConfig.TARGET_SNS.equals(config.getString(NotificationSinkConfig.TARGET));
    String key = sns ? NotificationSinkConfig.TOPIC_ARN : NotificationSinkConfig.QUEUE_URL;
    String target = config.getString(key);
    if (target.isBlank()) {
      throw new ConfigException(key, target, "the " + (sns ? "SNS topic" : "SQS queue") + " is required");
    }
    if (!OutgoingMessage.isFifo(target)) {
      LOG.warn("{} is not FIFO: a redelivery after a crash may notify twice (subscribers can de-duplicate"
          + " on the notificationId attribute). Use a .fifo {} for exactly-once delivery.", target, sns ? "topic" : "queue");
    }
    return sns
        ? new SnsNotificationWriter(aws.build(SnsClient.builder()), target)
        : new SqsNotificationWriter(aws.build(SqsClient.builder()), target);
  }
}
