package castle.app.local;

import castle.app.Resources;
import castle.app.Roles;
import castle.app.gateway.BinanceOptions;
import castle.app.identity.IdentityOptions;
import castle.app.streams.StreamsTuningOptions;
import castle.app.identity.LocalAdmin;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import castle.app.connect.SinkOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code castle local}: runs {@link LocalCastle} until SIGTERM or Ctrl-C. */
@Command(
    name = "local",
    mixinStandardHelpOptions = true,
    description = {
      "Run all of Castle in one JVM on an embedded Kafka broker, with its data kept in --data-dir.",
      "This is what ./castle runs when no role is given."
    })
public final class LocalRole implements Callable<Integer> {

  @Option(names = "--data-dir", defaultValue = "data", description = "Where Kafka and all state live. Default: ./${DEFAULT-VALUE}.")
  Path dataDir;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address every listener binds. Default: ${DEFAULT-VALUE}.")
  String host;

  @Option(names = "--port", defaultValue = "8080", description = "Gateway HTTP port. Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(names = "--kafka-port", defaultValue = "9092", description = "Embedded Kafka client port. Default: ${DEFAULT-VALUE}.")
  int kafkaPort;

  @Mixin IdentityOptions identity;

  @Mixin BinanceOptions binance;

  @Mixin StreamsTuningOptions tuning;

  @Mixin SinkOptions sinks;

  @Option(names = "--postgres-port", defaultValue = "0",
      description = "Port of the embedded PostgreSQL the JDBC sink writes to; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
  int postgresPort;

  @Override
  public Integer call() throws Exception {
    long begin = System.nanoTime();
    Resources resources = new Resources();
    return Roles.runUntilStopped(resources, () -> {
      LocalSinks.Settings sinkSettings = new LocalSinks.Settings(sinks.enabled("jdbc"), sinks.settingsFile(), postgresPort);
      LocalCastle castle = LocalCastle.start(
          new LocalCastle.Settings(dataDir, host, port, kafkaPort, sinkSettings, tuning.tuning()), identity, binance,
          resources);
      printBanner(System.out, castle, (System.nanoTime() - begin) / 1_000_000);
    });
  }

  private void printBanner(PrintStream out, LocalCastle castle, long startupMs) {
    String http = "http://" + host + ":" + castle.gatewayPort();
    out.println();
    out.println("  Castle is running (started in " + startupMs + " ms)");
    out.println();
    out.println("  REST API     " + http + "/api/v3/ping");
    out.println("  WebSocket    ws://" + host + ":" + castle.gatewayPort() + "/ws");
    out.println("  Readiness    " + http + "/health/ready");
    out.println("  Metrics      " + http + "/metrics");
    out.println("  Admin        castle admin --help  (credentials in " + castle.dataDir().resolve(LocalAdmin.FILE) + ")");
    out.println("  Kafka        " + castle.broker().bootstrapServers());
    out.println("  Data         " + castle.dataDir() + "  (Kafka logs in " + castle.broker().logDir() + ")");
    if (!castle.sinks().enabled().isEmpty()) {
      out.println("  Sinks        " + String.join(", ", castle.sinks().enabled())
          + " (starting in the background; the log shows PostgreSQL and Connect addresses when they run)");
    }
    out.println();
    out.println("  Press Ctrl-C to stop.");
    out.println();
  }
}
