package castle.gateway.health;

import static org.assertj.core.api.Assertions.assertThat;

import castle.broker.SharedBroker;
import castle.gateway.GatewayServer;
import castle.gateway.GatewaySettings;
import castle.gateway.kafka.KafkaClients;
import castle.gateway.kafka.TopicProducer;
import castle.gateway.kafka.TopicTable;
import castle.schema.reference.SymbolConfig;
import castle.topics.Topic;
import castle.topics.Topics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class HealthRoutesTest {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void readyOnlyWhileEveryCheckPasses() throws Exception {
    AtomicReference<Optional<String>> streams = new AtomicReference<>(Optional.of("accounts is REBALANCING"));
    Map<String, ReadinessCheck> checks = new LinkedHashMap<>();
    checks.put("kafka", Optional::empty);
    checks.put("streams", streams::get);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    try (GatewayServer server = start(new HealthRoutes(checks, registry))) {
      HttpResponse<String> notReady = get(server, "/health/ready");
      assertThat(notReady.statusCode()).isEqualTo(503);
      assertThat(notReady.body()).contains("NOT_READY").contains("accounts is REBALANCING");

      streams.set(Optional.empty());
      HttpResponse<String> ready = get(server, "/health/ready");
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(ready.body()).contains("\"READY\"");

      assertThat(get(server, "/health/live").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void metricsArePrometheusText() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);

    try (GatewayServer server = start(new HealthRoutes(Map.of(), registry))) {
      HttpResponse<String> metrics = get(server, "/metrics");

      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
      assertThat(metrics.body()).contains("# TYPE jvm_memory_used_bytes gauge");
    }
  }

  @Test
  void metricsShowTheGatewaysKafkaClientsUntilTheyClose() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Map<String, Object> cluster = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, SharedBroker.bootstrapServers());
    KafkaClients clients = new KafkaClients(cluster, registry);
    Topic<SymbolConfig> symbols = new Topic<>(
        "health-" + UUID.randomUUID() + "." + Topics.SYMBOLS.name(), Topics.SYMBOLS.keyedBy(), Topics.SYMBOLS.valueSerde());
    try (Admin admin = Admin.create(cluster)) {
      admin.createTopics(List.of(new NewTopic(symbols.name(), 1, (short) 1))).all().get();
    }

    try (GatewayServer server = start(new HealthRoutes(Map.of(), registry))) {
      TopicProducer producer = new TopicProducer(clients, "health-producer");
      TopicTable<SymbolConfig> table = TopicTable.start(clients, symbols);
      try {
        String metrics = get(server, "/metrics").body();
        assertThat(series(metrics, "kafka_producer_")).anyMatch(line -> line.contains("client_id=\"health-producer\""));
        assertThat(series(metrics, "kafka_consumer_")).isNotEmpty();
      } finally {
        producer.close();
        table.close();
      }

      String afterClose = get(server, "/metrics").body();
      assertThat(series(afterClose, "kafka_producer_")).isEmpty();
      assertThat(series(afterClose, "kafka_consumer_")).isEmpty();
    }
  }

  @Test
  void brokerReachabilityAsksTheRealBroker() {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedBroker.bootstrapServers()))) {
      assertThat(new BrokerReachability(admin).problem()).isEmpty();
    }
    try (Admin nowhere = Admin.create(Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1",
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "2000",
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "1000"))) {
      assertThat(new BrokerReachability(nowhere).problem()).hasValueSatisfying(p -> assertThat(p).contains("Kafka unreachable"));
    }
  }

  /** The samples of the series whose names start with {@code prefix}. */
  private static List<String> series(String metrics, String prefix) {
    return metrics.lines().filter(line -> line.startsWith(prefix)).toList();
  }

  private static GatewayServer start(HealthRoutes routes) {
    return GatewayServer.start(new GatewaySettings("127.0.0.1", 0), List.of(routes::register));
  }

  private HttpResponse<String> get(GatewayServer server, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
