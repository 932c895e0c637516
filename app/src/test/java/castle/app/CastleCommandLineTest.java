package castle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

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
    for (String role : List.of("local", "gateway", "streams", "connect", "topics", "admin")) {
      assertThat(Castle.execute(new String[] {role, "--help"})).as(role).isZero();
    }
    assertThat(Castle.execute(new String[] {"--help"})).isZero();
    assertThat(Castle.execute(new String[] {"admin", "trader", "--help"})).isZero();
    assertThat(Castle.execute(new String[] {"admin", "symbol", "create", "--help"})).isZero();
  }

  @Test
  void anUnknownOptionIsAUsageError() {
    assertThat(Castle.execute(new String[] {"topics", "--no-such-flag"})).isEqualTo(2);
  }

}
