package castle.app;

import static org.assertj.core.api.Assertions.assertThat;

import castle.app.config.CastleDefaults;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CastleCommandLineTest {

  @Test
  void takesTheConfigFileOutOfTheArguments() {
    List<String> args = new ArrayList<>(List.of("local", "--config", "my.properties", "--port", "9000"));

    assertThat(Castle.takeConfigFile(args)).isEqualTo(Path.of("my.properties"));
    assertThat(args).containsExactly("local", "--port", "9000");

    List<String> inline = new ArrayList<>(List.of("--config=other.properties"));
    assertThat(Castle.takeConfigFile(inline)).isEqualTo(Path.of("other.properties"));
    assertThat(inline).isEmpty();
  }

  @Test
  void everyRoleHasHelp() {
    List<List<String>> commands = commandsUnder(new CommandLine(new Castle()), List.of());
    assertThat(commands).as("the walk reaches every role and the commands nested in them")
        .contains(List.of("local"), List.of("gateway"), List.of("streams"), List.of("connect"), List.of("topics"),
            List.of("admin"), List.of("bench"), List.of("admin", "symbol", "create"));

    assertThat(Castle.execute(new String[] {"--help"})).isZero();
    for (List<String> command : commands) {
      List<String> args = new ArrayList<>(command);
      args.add("--help");
      assertThat(Castle.execute(args.toArray(String[]::new))).as(String.join(" ", command)).isZero();
    }
  }

  @Test
  void theBenchConfigurationNamesOptionsOfTheLocalRole() throws Exception {
    Properties bench = new Properties();
    try (Reader file = Files.newBufferedReader(Path.of("..", "bench", "castle-bench.properties"))) {
      bench.load(file);
    }
    List<String> localKeys = new CommandLine(new Castle()).getSubcommands().get("local").getCommandSpec().options()
        .stream().map(option -> CastleDefaults.key(option.longestName())).toList();

    assertThat(bench.stringPropertyNames()).isNotEmpty().allSatisfy(key -> assertThat(localKeys).contains(key));
  }

  @Test
  void anUnknownOptionIsAUsageError() {
    assertThat(Castle.execute(new String[] {"topics", "--no-such-flag"})).isEqualTo(2);
  }

  /** Every command below {@code parent} (the roles and their sub-commands, at any depth), as argument lists. */
  private static List<List<String>> commandsUnder(CommandLine parent, List<String> path) {
    List<List<String>> commands = new ArrayList<>();
    parent.getSubcommands().values().stream().distinct().forEach(child -> {
      List<String> childPath = new ArrayList<>(path);
      childPath.add(child.getCommandName());
      commands.add(childPath);
      commands.addAll(commandsUnder(child, childPath));
    });
    return commands;
  }
}
