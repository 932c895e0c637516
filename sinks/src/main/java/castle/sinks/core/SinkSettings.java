package castle.sinks.core;

import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * Settings every Castle sink shares: batch size and retries. A transient failure is retried inside
 * the task {@code retry.max.attempts} times with exponential backoff; after that the task hands the
 * batch back to Connect, which redelivers it after {@code retry.backoff.max.ms} without failing the
 * task, so a long outage of the store never loses records nor trips the consumer's poll timeout.
 *
 * @param batchMaxSize the most items in one write
 * @param maxAttempts write attempts inside one {@code put} before handing back to Connect
 * @param backoff the delays between attempts
 */
public record SinkSettings(int batchMaxSize, int maxAttempts, Backoff backoff) {

  public static final String BATCH_MAX_SIZE = "batch.max.size";
  public static final String RETRY_MAX_ATTEMPTS = "retry.max.attempts";
  public static final String RETRY_BACKOFF_MS = "retry.backoff.ms";
  public static final String RETRY_BACKOFF_MAX_MS = "retry.backoff.max.ms";

  /** The shared settings, with a store's own default and limit for the batch size. */
  public static ConfigDef define(ConfigDef def, int defaultBatch, int batchLimit) {
    return def.define(BATCH_MAX_SIZE, Type.INT, defaultBatch, Range.between(1, batchLimit), Importance.MEDIUM,
            "Most records in one write to the store (at most " + batchLimit + ").")
        .define(RETRY_MAX_ATTEMPTS, Type.INT, 5, Range.atLeast(1), Importance.LOW,
            "Write attempts within one delivery before the batch goes back to Connect for redelivery.")
        .define(RETRY_BACKOFF_MS, Type.LONG, 100L, Range.atLeast(1), Importance.LOW,
            "First delay before retrying a transient failure; it doubles on each attempt.")
        .define(RETRY_BACKOFF_MAX_MS, Type.LONG, 10_000L, Range.atLeast(1), Importance.LOW,
            "Longest delay between attempts, and the pause before Connect redelivers a batch.");
  }

  /** Reads the shared settings from a task's parsed configuration. */
  public static SinkSettings from(AbstractConfig config) {
    return new SinkSettings(
        config.getInt(BATCH_MAX_SIZE),
        config.getInt(RETRY_MAX_ATTEMPTS),
        new Backoff(config.getLong(RETRY_BACKOFF_MS), config.getLong(RETRY_BACKOFF_MAX_MS)));
  }

  /** Parses properties against a definition, naming the connector in errors. */
  public static AbstractConfig parse(ConfigDef def, Map<String, String> props) {
    return new AbstractConfig(def, props);
  }
}
