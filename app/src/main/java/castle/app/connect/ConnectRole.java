package castle.app.connect;

import castle.app.Resources;
import castle.app.Roles;
import castle.app.kafka.KafkaOptions;
import castle.sinks.worker.ConnectWorker;
import castle.sinks.worker.ConnectorConfigs;
import castle.sinks.worker.Sink;
import castle.sinks.worker.WorkerProperties;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code castle connect}: a Kafka Connect worker with Castle's sink connectors, for deployments that
 * run Connect themselves (EKS) rather than on MSK Connect. By default the worker is distributed:
 * replicas with the same group id share the connectors' tasks and take over from one that dies, and
 * configurations, offsets and statuses live in Kafka. Standalone mode suits a single box.
 */
@Command(
    name = "connect",
    mixinStandardHelpOptions = true,
    description = {
      "Run a Kafka Connect worker with Castle's sinks (PostgreSQL/Aurora, DynamoDB, Timestream, SNS/SQS).",
      "The sinks given by --sinks are created or updated from --sink-config at start;",
      "the Connect REST API manages them afterwards."
    })
public final class ConnectRole implements Callable<Integer> {

  @Mixin KafkaOptions kafka;

  @Mixin SinkOptions sinks;

  @Option(names = "--mode", defaultValue = "distributed",
      description = "distributed (replicas share the work; state in Kafka) or standalone. Default: ${DEFAULT-VALUE}.")
  String mode;

  @Option(names = "--group-id", defaultValue = "castle-connect",
      description = "Distributed mode: the Connect cluster's group id; its topics are <group-id>.configs, .offsets and"
          + " .status. Default: ${DEFAULT-VALUE}.")
  String groupId;

  @Option(names = "--rest-listener", defaultValue = "http://0.0.0.0:8083",
      description = "Connect REST API listener. Default: ${DEFAULT-VALUE}.")
  String restListener;

  @Option(names = "--dead-letter-replication", defaultValue = "3",
      description = "Replication factor of the dead-letter topic if Connect creates it. Default: ${DEFAULT-VALUE}.")
  int deadLetterReplication;

  @Override
  public Integer call() throws Exception {
    if (!mode.equals("distributed") && !mode.equals("standalone")) {
      throw new IllegalArgumentException("--mode must be distributed or standalone, not " + mode);
    }
    Map<Sink, Map<String, String>> selected = sinks.selection("");
    Resources resources = new Resources();
    return Roles.runUntilStopped(resources, () -> {
      boolean distributed = mode.equals("distributed");
      Map<String, String> props = distributed
          ? WorkerProperties.distributed(kafka.clientProperties(), groupId, restListener)
          : WorkerProperties.standalone(kafka.clientProperties(), Files.createTempDirectory("castle-connect-"), restListener);
      ConnectWorker worker = resources.add("Connect worker", ConnectWorker.start(props, distributed));
      selected.forEach((sink, settings) -> {
        Map<String, String> config = ConnectorConfigs.of(sink, settings, deadLetterReplication);
        worker.putConnector(config.get("name"), config);
      });
      System.out.println("Castle Connect worker (" + mode + ") with REST API at " + worker.restUrl()
          + "; connectors configured: " + selected.keySet());
    });
  }
}
