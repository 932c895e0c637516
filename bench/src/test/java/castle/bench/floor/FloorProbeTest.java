package castle.bench.floor;

import static org.assertj.core.api.Assertions.assertThat;

import castle.bench.stats.ChannelResult;
import castle.broker.SharedBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The floor hop on the shared broker: every record sent comes back once, and gets a latency. */
class FloorProbeTest {

  @Test
  void measuresEveryRecordThroughTheHop(@TempDir Path state) throws Exception {
    FloorProbe probe = new FloorProbe(
        Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, SharedBroker.bootstrapServers()), state, 2);

    ChannelResult floor = probe.run(200, Duration.ofSeconds(2));

    assertThat(floor.name()).isEqualTo("floor");
    assertThat(floor.total().getTotalCount()).isEqualTo(400);
    assertThat(floor.millisAt(50)).isPositive();
  }
}
