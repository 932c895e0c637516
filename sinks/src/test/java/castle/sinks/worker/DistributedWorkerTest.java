package castle.sinks.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import castle.broker.SharedBroker;
import castle.sinks.kit.TestTopics;
import castle.sinks.standins.SharedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The distributed worker that {@code castle connect} runs: it joins its group through Kafka, runs a
 * Castle connector, and serves Connect's REST API on Jetty 12.1 (Connect was built against 12.0).
 */
class DistributedWorkerTest {

  @Test
  void runsACastleConnectorAndServesItsStatusOverRest() throws Exception {
    String group = "castle-connect-" + UUID.randomUUID();
    String topic = TestTopics.unique("market.trades");
    TestTopics.create(1, topic);
    Map<String, String> props = WorkerProperties.distributed(
        Map.of("bootstrap.servers", SharedBroker.bootstrapServers()), group, "http://127.0.0.1:0");
    try (ConnectWorker worker = ConnectWorker.start(props, true)) {
      Map<String, String> config = ConnectorConfigs.of(Sink.JDBC,
          Map.of("topics", topic, "jdbc.url", SharedPostgres.newDatabase("distributed"), "jdbc.user", "postgres"), 1);
      worker.putConnector(config.get("name"), config);
      worker.awaitRunning(config.get("name"), Duration.ofSeconds(60));

      HttpResponse<String> status = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(worker.restUrl() + "connectors/castle-jdbc-sink/status")).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(status.statusCode()).isEqualTo(200);
      assertThat(status.body()).contains("\"state\":\"RUNNING\"").contains("castle-jdbc-sink");
      assertThat(worker.connectors()).containsExactly("castle-jdbc-sink");

      worker.deleteConnector("castle-jdbc-sink");
      await().atMost(Duration.ofSeconds(30)).until(() -> worker.connectors().isEmpty());
    }
  }
}
