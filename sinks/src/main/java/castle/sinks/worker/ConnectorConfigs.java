package castle.sinks.worker;

import castle.sinks.convert.CastleAvroConverter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.connect.storage.StringConverter;

/**
 * The configuration of each Castle connector: the connector's own settings on top of what all share,
 * namely Castle's converters and dead-letter handling. A record the connector cannot take goes to the
 * dead-letter topic with the reason, connector, topic, partition and offset in its headers, and the
 * connector carries on.
 */
public final class ConnectorConfigs {

  /** The dead-letter topic every Castle connector shares (its headers name the connector). */
  public static final String DEAD_LETTER_TOPIC = "sinks.dead-letters";

  private ConnectorConfigs() {}

  /**
   * The full configuration of {@code sink}.
   *
   * @param settings the connector's own settings (they win over the shared ones)
   * @param deadLetterReplication replication factor if Connect has to create the dead-letter topic
   */
  public static Map<String, String> of(Sink sink, Map<String, String> settings, int deadLetterReplication) {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("name", sink.connectorName());
    config.put("connector.class", sink.connector().getName());
    config.put("tasks.max", "1");
    config.put("topics", String.join(",", sink.topics()));
    config.put("key.converter", StringConverter.class.getName());
    config.put("value.converter", CastleAvroConverter.class.getName());
    config.put("errors.tolerance", "all");
    config.put("errors.log.enable", "true");
    config.put("errors.deadletterqueue.topic.name", DEAD_LETTER_TOPIC);
    config.put("errors.deadletterqueue.topic.replication.factor", Integer.toString(deadLetterReplication));
    config.put("errors.deadletterqueue.context.headers.enable", "true");
    config.putAll(settings);
    return config;
  }
}
