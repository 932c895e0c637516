package castle.sinks.dynamodb;

import castle.sinks.aws.AwsSettings;
import castle.sinks.core.SinkSettings;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;

/** The DynamoDB sink's settings. */
public final class DynamoDbSinkConfig {

  public static final String TABLE = "dynamodb.table";
  public static final String CREATE_TABLE = "dynamodb.table.create";
  public static final String WRITE_MODE = "dynamodb.write.mode";
  public static final String CONCURRENCY = "dynamodb.conditional.concurrency";

  /** Conditional PutItem per trade: a redelivered trade is not written again. */
  public static final String MODE_CONDITIONAL = "conditional";
  /** BatchWriteItem, 25 items a call: cheapest; a redelivered trade overwrites itself with the same item. */
  public static final String MODE_BATCH = "batch";

  /** DynamoDB's limit of items in one BatchWriteItem. */
  public static final int BATCH_LIMIT = 25;

  /** Every setting of the DynamoDB sink. */
  public static final ConfigDef DEF = define();

  private DynamoDbSinkConfig() {}

  private static ConfigDef define() {
    ConfigDef def = new ConfigDef()
        .define(TABLE, Type.STRING, "castle-trade-history", Importance.HIGH,
            "Table of per-account trade history: partition key pk (account id), sort key sk (time#trade).")
        .define(CREATE_TABLE, Type.BOOLEAN, false, Importance.MEDIUM,
            "Create the table, on-demand capacity, when it does not exist. Production tables usually come from IaC.")
        .define(WRITE_MODE, Type.STRING, MODE_CONDITIONAL, ValidString.in(MODE_CONDITIONAL, MODE_BATCH), Importance.MEDIUM,
            "conditional: one PutItem per trade with attribute_not_exists, so a redelivery writes nothing;"
                + " batch: BatchWriteItem of up to 25 items, cheaper, and idempotent because an item never changes.")
        .define(CONCURRENCY, Type.INT, 8, Range.between(1, 64), Importance.LOW,
            "Conditional puts in flight at once per task.");
    AwsSettings.define(def);
    return SinkSettings.define(def, BATCH_LIMIT, BATCH_LIMIT);
  }
}
