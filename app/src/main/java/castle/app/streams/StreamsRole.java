package castle.app.streams;

import castle.app.Metrics;
import castle.app.Resources;
import castle.app.Roles;
import castle.app.kafka.KafkaOptions;
import castle.topology.StreamsEnvironment;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code castle streams}: runs Castle's Kafka Streams apps against a cluster; scales by partitions. */
@Command(
    name = "streams",
    mixinStandardHelpOptions = true,
    description = {
      "Run Castle's Kafka Streams apps (accounts, matching, market, users) against a Kafka cluster.",
      "Run one per node; partitions spread over the instances and standbys keep failover fast."
    })
public final class StreamsRole implements Callable<Integer> {

  @Mixin KafkaOptions kafka;

  @Option(names = "--state-dir", defaultValue = "data/streams", description = "Local state stores. Default: ${DEFAULT-VALUE}.")
  Path stateDir;

  @Option(
      names = "--deployment",
      defaultValue = "cluster",
      description = "local (replication 1, no standbys) or cluster (replication 3, min ISR 2, one standby). Default: ${DEFAULT-VALUE}.")
  String deployment;

  @Option(
      names = "--application-server",
      description = "host:port other instances reach this one on for interactive queries.")
  String applicationServer;

  @Override
  public Integer call() throws Exception {
    StreamsEnvironment environment = switch (deployment) {
      case "local" -> StreamsEnvironment.local(kafka.clientProperties(), stateDir, applicationServer);
      case "cluster" -> StreamsEnvironment.cluster(kafka.clientProperties(), stateDir, applicationServer);
      default -> throw new IllegalArgumentException("--deployment must be local or cluster, not " + deployment);
    };
    Resources resources = new Resources();
    return Roles.runUntilStopped(resources, () ->
        StreamsWiring.start(CastleApps.all(), environment, Metrics.registry(), resources));
  }
}
