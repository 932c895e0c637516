package castle.app;

import castle.app.admin.AdminCommand;
import castle.app.bench.BenchRole;
import castle.app.config.CastleDefaults;
import castle.app.connect.ConnectRole;
import castle.app.gateway.GatewayRole;
import castle.app.local.DataDirectoryLock;
import castle.app.local.LocalRole;
import castle.app.streams.StreamsRole;
import castle.app.topics.TopicsRole;
import castle.serde.AvroTrust;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar castle.jar [ROLE] [OPTIONS]}: one artifact, several roles. Without a role it runs
 * {@code local}. Every option can also come from the environment ({@code CASTLE_PORT}) or a properties
 * file ({@code --config castle.properties}, {@code port=8080}).
 */
@Command(
    name = "castle",
    mixinStandardHelpOptions = true,
    version = "Castle 0.1.0",
    description = {
      "Castle: a spot exchange on Kafka Streams.",
      "Options also come from CASTLE_<OPTION> environment variables and from a properties file",
      "given by --config FILE or CASTLE_CONFIG (default ./castle.properties).",
      "Without a role, castle runs 'local'."
    },
    subcommands = {
      LocalRole.class, GatewayRole.class, StreamsRole.class, ConnectRole.class, TopicsRole.class, AdminCommand.class,
      BenchRole.class
    })
public final class Castle implements Runnable {

  private static final Set<String> TOP_LEVEL_FLAGS = Set.of("-h", "--help", "-V", "--version");

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /** Entry point of castle.jar. */
  public static void main(String[] args) {
    AvroTrust.install();
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    System.exit(execute(args));
  }

  /** Parses and runs a command line; returns the exit code. */
  public static int execute(String[] args) {
    List<String> rest = new ArrayList<>(Arrays.asList(args));
    Path configFile = takeConfigFile(rest);
    CommandLine cli = new CommandLine(new Castle());
    cli.setDefaultValueProvider(CastleDefaults.from(System.getenv(), configFile));
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof DataDirectoryLock.AlreadyLockedException) {
            commandLine.getErr().println(e.getMessage());
            return 2;
          }
          throw e;
        });
    return cli.execute(withDefaultRole(cli, rest).toArray(String[]::new));
  }

  private static List<String> withDefaultRole(CommandLine cli, List<String> args) {
    boolean namesRole = !args.isEmpty() && cli.getSubcommands().containsKey(args.get(0));
    boolean topLevelFlag = !args.isEmpty() && TOP_LEVEL_FLAGS.contains(args.get(0));
    if (namesRole || topLevelFlag) {
      return args;
    }
    List<String> withLocal = new ArrayList<>(args);
    withLocal.add(0, "local");
    return withLocal;
  }

  /** Removes {@code --config FILE} or {@code --config=FILE} from the arguments and returns FILE. */
  static Path takeConfigFile(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--config") && i + 1 < args.size()) {
        args.remove(i);
        return Path.of(args.remove(i));
      }
      if (arg.startsWith("--config=")) {
        args.remove(i);
        return Path.of(arg.substring("--config=".length()));
      }
    }
    String fromEnvironment = System.getenv("CASTLE_CONFIG");
    return fromEnvironment != null ? Path.of(fromEnvironment) : CastleDefaults.DEFAULT_FILE;
  }
}
