package castle.sinks.worker;

import castle.sinks.convert.CastleAvroConverter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.connect.storage.StringConverter;

/** The properties of an in-process Connect worker, standalone or distributed. */
public final class WorkerProperties {

  private WorkerProperties() {}

  /**
   * A standalone worker: connectors come from this process, and sink offsets live in Kafka's consumer
   * groups like any sink's, so nothing but a placeholder offsets file is kept on disk.
   *
   * @param kafka client properties: bootstrap servers and security settings
   * @param workDir where the worker may keep files
   * @param restListener the REST listener, such as {@code http://127.0.0.1:0}
   */
  public static Map<String, String> standalone(Map<String, ?> kafka, Path workDir, String restListener) {
    Map<String, String> props = common(kafka, restListener);
    props.put("offset.storage.file.filename", workDir.resolve("connect.offsets").toString());
    return props;
  }

  /**
   * A distributed worker: workers with the same {@code groupId} share the connectors and their tasks,
   * keeping configurations, offsets and statuses in three compacted topics named after the group.
   */
  public static Map<String, String> distributed(Map<String, ?> kafka, String groupId, String restListener) {
    Map<String, String> props = common(kafka, restListener);
    props.put("group.id", groupId);
    props.put("config.storage.topic", groupId + ".configs");
    props.put("offset.storage.topic", groupId + ".offsets");
    props.put("status.storage.topic", groupId + ".status");
    // -1 takes the cluster's default replication factor (3 on MSK, 1 on the embedded broker).
    props.put("config.storage.replication.factor", "-1");
    props.put("offset.storage.replication.factor", "-1");
    props.put("status.storage.replication.factor", "-1");
    return props;
  }

  private static Map<String, String> common(Map<String, ?> kafka, String restListener) {
    Map<String, String> props = new LinkedHashMap<>();
    kafka.forEach((key, value) -> {
      String text = String.valueOf(value);
      props.put(key, text);
      // The worker's own clients take the plain keys; its connectors' clients need the prefixes.
      props.put("consumer." + key, text);
      props.put("producer." + key, text);
      props.put("admin." + key, text);
    });
    props.put("key.converter", StringConverter.class.getName());
    props.put("value.converter", CastleAvroConverter.class.getName());
    // Castle's connectors are on the classpath and declare themselves in META-INF/services: no
    // plugin.path scan, which keeps startup fast.
    props.put("plugin.discovery", "service_load");
    props.put("listeners", restListener);
    // Money-moving topics are written in transactions: sinks read only what was committed.
    props.put("consumer.isolation.level", "read_committed");
    // How often sink offsets are committed: at most this much is redelivered after a crash, and the
    // writes are idempotent, so a redelivery costs time but never correctness.
    props.put("offset.flush.interval.ms", "5000");
    return props;
  }
}
