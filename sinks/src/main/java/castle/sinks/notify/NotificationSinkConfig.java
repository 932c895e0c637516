package castle.sinks.notify;

import castle.sinks.aws.AwsSettings;
import castle.sinks.core.SinkSettings;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;

/** The notification sink's settings: SNS topic or SQS queue. */
public final class NotificationSinkConfig {

  public static final String TARGET = "notify.target";
  public static final String TOPIC_ARN = "sns.topic.arn";
  public static final String QUEUE_URL = "sqs.queue.url";

  public static final String TARGET_SNS = "sns";
  public static final String TARGET_SQS = "sqs";

  /** SNS PublishBatch and SQS SendMessageBatch take at most 10 entries. */
  public static final int BATCH_LIMIT = 10;

  /** Every setting of the notification sink. */
  public static final ConfigDef DEF = define();

  private NotificationSinkConfig() {}

  private static ConfigDef define() {
    ConfigDef def = new ConfigDef()
        .define(TARGET, Type.STRING, TARGET_SNS, ValidString.in(TARGET_SNS, TARGET_SQS), Importance.HIGH,
            "sns: publish to an SNS topic (fan out to queues, e-mail, mobile push, with filter policies on the"
                + " message attributes); sqs: send straight to one SQS queue.")
        .define(TOPIC_ARN, Type.STRING, "", Importance.HIGH,
            "SNS topic ARN. A FIFO topic (.fifo) de-duplicates redeliveries by notificationId.")
        .define(QUEUE_URL, Type.STRING, "", Importance.HIGH,
            "SQS queue URL. A FIFO queue (.fifo) de-duplicates redeliveries by notificationId.");
    AwsSettings.define(def);
    return SinkSettings.define(def, BATCH_LIMIT, BATCH_LIMIT);
  }
}
