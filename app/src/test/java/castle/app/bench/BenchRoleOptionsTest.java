package castle.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchRoleOptionsTest {

  @Test
  void parsesRatesAndStreamsSwitch() {
    BenchRole role = new BenchRole();
    new CommandLine(role).parseArgs("--rate", "1000,2500", "--no-streams");

    assertThat(role.rates).containsExactly(1000.0, 2500.0);
    assertThat(role.noStreams).isTrue();

    BenchRole defaults = new BenchRole();
    new CommandLine(defaults).parseArgs();
    assertThat(defaults.noStreams).isFalse();
    assertThat(defaults.pairs).isEqualTo(List.of("BTC/USDT"));
  }
}
