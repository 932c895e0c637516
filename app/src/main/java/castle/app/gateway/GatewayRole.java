package castle.app.gateway;

import castle.app.Metrics;
import castle.app.Resources;
import castle.app.Roles;
import castle.app.identity.IdentityOptions;
import castle.app.kafka.KafkaOptions;
import castle.gateway.GatewayServer;
import castle.gateway.GatewaySettings;
import castle.gateway.identity.IdentityConfig;
import castle.gateway.kafka.KafkaClients;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code castle gateway}: the stateless REST and WebSocket front door, against any Kafka cluster. */
@Command(
    name = "gateway",
    mixinStandardHelpOptions = true,
    description = "Run the REST and WebSocket gateway against a Kafka cluster. Stateless: run as many as you need.")
public final class GatewayRole implements Callable<Integer> {

  @Mixin KafkaOptions kafka;

  @Mixin QueryOptions queries;

  @Mixin IdentityOptions identity;

  @Mixin BinanceOptions binance;

  @Option(names = "--host", defaultValue = "0.0.0.0", description = "Address to bind. Default: ${DEFAULT-VALUE}.")
  String host;

  @Option(names = "--port", defaultValue = "8080", description = "HTTP port. Default: ${DEFAULT-VALUE}.")
  int port;

  @Override
  public Integer call() throws Exception {
    Resources resources = new Resources();
    return Roles.runUntilStopped(resources, () -> {
      IdentityConfig identityConfig = identity.resolve(null);
      PrometheusMeterRegistry registry = Metrics.registry();
      GatewayApis apis = GatewayApis.start(identityConfig, binance.settings(identityConfig.nodeId()),
          new KafkaClients(kafka.clientProperties(), registry), queries.queries(), resources);
      GatewayServer server =
          GatewayWiring.start(
              new GatewaySettings(host, port), kafka.clientProperties(), registry, apis.checks(),
              apis.routes(), resources);
      System.out.println("Castle gateway listening on http://" + host + ":" + server.port());
    });
  }
}
