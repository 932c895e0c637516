package castle.topology;

import static org.assertj.core.api.Assertions.assertThat;

import castle.accounts.AccountsApp;
import castle.market.MarketApp;
import castle.matching.MatchingApp;
import castle.notifications.OrderNotificationsApp;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsSettingsTest {

  private static final StreamsEnvironment LOCAL =
      StreamsEnvironment.local(Map.of("bootstrap.servers", "127.0.0.1:9092"), Path.of("state"), null);

  @Test
  void everyAppRunsExactlyOnce() {
    for (StreamsApp app : new StreamsApp[] {new AccountsApp(), new MatchingApp(), new MarketApp(), new OrderNotificationsApp()}) {
      assertThat(StreamsSettings.forApp(app, LOCAL).get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
          .as(app.name()).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    }
  }

  @Test
  void appsOnTheOrderPathCommitAtTheTunedIntervalAndTheOthersAtLeastEveryHundredMilliseconds() {
    assertThat(commitInterval(new AccountsApp(), LOCAL)).isEqualTo(10L);
    assertThat(commitInterval(new MatchingApp(), LOCAL)).isEqualTo(10L);
    assertThat(commitInterval(new MarketApp(), LOCAL)).isEqualTo(100L);
    assertThat(commitInterval(new OrderNotificationsApp(), LOCAL)).isEqualTo(100L);

    StreamsEnvironment slow = LOCAL.withTuning(new StreamsTuning(250, 5, 1));
    assertThat(commitInterval(new AccountsApp(), slow)).isEqualTo(250L);
    assertThat(commitInterval(new MarketApp(), slow)).isEqualTo(250L);
  }

  private static Object commitInterval(StreamsApp app, StreamsEnvironment environment) {
    Properties properties = StreamsSettings.forApp(app, environment);
    return properties.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
  }
}
