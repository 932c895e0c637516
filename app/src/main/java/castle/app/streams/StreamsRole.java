package castle.app.streams;

import castle.app.Metrics;
import castle.app.Resources;
import castle.app.Roles;
import castle.app.gateway.GatewayWiring;
import castle.app.kafka.KafkaOptions;
import castle.gateway.GatewaySettings;
import castle.topology.StreamsEnvironment;
import castle.topology.runtime.StreamsRuntime;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.state.HostInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code castle streams}: runs Castle's Kafka Streams apps against a cluster, with an HTTP port for
 * health, metrics and the interactive queries other instances and gateways forward to it.
 */
@Command(
    name = "streams",
    mixinStandardHelpOptions = true,
    description = {
      "Run Castle's Kafka Streams apps (users, accounts, matching, market, order-notifications) against a Kafka cluster.",
      "Run one per node; partitions spread over the instances and standbys keep failover fast."
    })
public final class StreamsRole implements Callable<Integer> {

  @Mixin KafkaOptions kafka;

  @Mixin StreamsTuningOptions tuning;

  @Option(names = "--state-dir", defaultValue = "data/streams", description = "Local state stores. Default: ${DEFAULT-VALUE}.")
  Path stateDir;

  @Option(
      names = "--deployment",
      defaultValue = "cluster",
      description = "local (replication 1, no standbys) or cluster (replication 3, min ISR 2, one standby). Default: ${DEFAULT-VALUE}.")
  String deployment;

  @Option(names = "--host", defaultValue = "0.0.0.0", description = "Address the HTTP port binds. Default: ${DEFAULT-VALUE}.")
  String host;

  @Option(names = "--port", defaultValue = "8081", description = "HTTP port for health, metrics and queries. Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(
      names = "--advertised-host",
      description = "Host name other instances reach this one by (default: this machine's host name).")
  String advertisedHost;

  @Option(
      names = "--internal-token",
      required = true,
      description = "Shared secret of the internal query routes; the same on every instance and gateway.")
  String internalToken;

  @Override
  public Integer call() throws Exception {
    String advertised = advertisedHost != null ? advertisedHost : InetAddress.getLocalHost().getHostName();
    String applicationServer = advertised + ":" + port;
    StreamsEnvironment environment = (switch (deployment) {
      case "local" -> StreamsEnvironment.local(kafka.clientProperties(), stateDir, applicationServer);
      case "cluster" -> StreamsEnvironment.cluster(kafka.clientProperties(), stateDir, applicationServer);
      default -> throw new IllegalArgumentException("--deployment must be local or cluster, not " + deployment);
    }).withTuning(tuning.tuning());
    Resources resources = new Resources();
    return Roles.runUntilStopped(resources, () -> {
      PrometheusMeterRegistry registry = Metrics.registry();
      StreamsRuntime streams = StreamsWiring.start(CastleApps.all(), environment, registry, resources);
      QueryWiring queries = new QueryWiring(streams, new HostInfo(advertised, port), internalToken);
      GatewayWiring.start(
          new GatewaySettings(host, port),
          kafka.clientProperties(),
          registry,
          StreamsWiring.readiness(streams),
          List.of(queries.routes()),
          resources);
    });
  }
}
