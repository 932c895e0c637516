package castle.app.gateway;

import castle.app.Metrics;
import castle.app.Resources;
import castle.app.Roles;
import castle.app.kafka.KafkaOptions;
import castle.app.streams.QueryWiring;
import castle.gateway.GatewayServer;
import castle.gateway.GatewaySettings;
import castle.iq.RemoteStoreQueries;
import castle.iq.StoreQueries;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
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

  @Option(names = "--host", defaultValue = "0.0.0.0", description = "Address to bind. Default: ${DEFAULT-VALUE}.")
  String host;

  @Option(names = "--port", defaultValue = "8080", description = "HTTP port. Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(
      names = "--streams-url",
      description = "Base URL of the streams deployment (any instance), for Streams state such as market data.")
  String streamsUrl;

  @Option(names = "--internal-token", description = "Shared secret of the streams instances' internal query routes.")
  String internalToken;

  @Override
  public Integer call() throws Exception {
    Resources resources = new Resources();
    return Roles.runUntilStopped(resources, () -> {
      List<Consumer<JavalinConfig>> routes = new ArrayList<>();
      if (streamsUrl != null) {
        if (internalToken == null) {
          throw new IllegalArgumentException("--internal-token is required with --streams-url");
        }
        StoreQueries queries = new RemoteStoreQueries(streamsUrl, internalToken, new ObjectMapper(), QueryWiring.RETRY_BUDGET);
        routes.add(MarketWiring.start(queries, kafka.clientProperties(), resources));
      }
      GatewayServer server =
          GatewayWiring.start(
              new GatewaySettings(host, port), kafka.clientProperties(), Metrics.registry(), Map.of(), routes, resources);
      System.out.println("Castle gateway listening on http://" + host + ":" + server.port());
    });
  }
}
