package castle.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

class CastleDefaultsTest {

  @Command(name = "probe")
  static final class Probe implements Callable<Integer> {
    @Option(names = "--kafka-port", defaultValue = "9092") int kafkaPort;
    @Option(names = "--port", defaultValue = "8080") int port;
    @Option(names = "--host", defaultValue = "127.0.0.1") String host;

    @Override
    public Integer call() {
      return 0;
    }
  }

  @Test
  void flagsBeatEnvironmentWhichBeatsTheFileWhichBeatsBuiltInDefaults() {
    Properties file = new Properties();
    file.setProperty("kafka.port", "7000");
    file.setProperty("port", "7001");
    CastleDefaults defaults = new CastleDefaults(Map.of("CASTLE_PORT", "6001", "CASTLE_HOST", "0.0.0.0"), file);
    Probe probe = new Probe();
    CommandLine cli = new CommandLine(probe);
    cli.setDefaultValueProvider(defaults);

    cli.parseArgs("--host", "10.0.0.1");

    assertThat(probe.host).isEqualTo("10.0.0.1");
    assertThat(probe.port).isEqualTo(6001);
    assertThat(probe.kafkaPort).isEqualTo(7000);

    Probe plain = new Probe();
    CommandLine none = new CommandLine(plain);
    none.setDefaultValueProvider(new CastleDefaults(Map.of(), new Properties()));
    none.parseArgs();
    assertThat(plain.port).isEqualTo(8080);
  }

  @Test
  void namesFollowTheOption() {
    assertThat(CastleDefaults.key("--kafka-port")).isEqualTo("kafka.port");
    assertThat(CastleDefaults.environmentName("kafka.port")).isEqualTo("CASTLE_KAFKA_PORT");
  }
}
