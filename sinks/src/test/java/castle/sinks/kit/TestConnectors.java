package castle.sinks.kit;

import castle.sinks.worker.ConnectWorker;
import castle.sinks.worker.ConnectorConfigs;
import castle.sinks.worker.Sink;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Starts a sink connector of a test on its own topics and dead-letter topic, and waits until it runs. */
public final class TestConnectors {

  private TestConnectors() {}

  /** Creates the topics, then runs {@code sink} as {@code name} over them with {@code settings}. */
  public static void start(ConnectWorker worker, Sink sink, String name, List<String> topics, int partitions,
      String deadLetters, Map<String, String> settings) {
    TestTopics.create(partitions, topics.toArray(String[]::new));
    Map<String, String> config = new HashMap<>(settings);
    config.put("name", name);
    config.put("topics", String.join(",", topics));
    config.put("errors.deadletterqueue.topic.name", deadLetters);
    worker.putConnector(name, ConnectorConfigs.of(sink, config, 1));
    worker.awaitRunning(name, Duration.ofSeconds(60));
  }

  /** The settings that point an AWS sink at a stand-in. */
  public static Map<String, String> standIn(String endpoint) {
    return Map.of("aws.region", "us-east-1", "aws.endpoint.override", endpoint,
        "aws.access.key.id", "castle", "aws.secret.access.key", "castle");
  }
}
