package castle.app.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import castle.app.Resources;
import castle.app.config.SecretsKey;
import castle.topics.Topic;
import castle.topics.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local role end to end: topics, readiness, the data lock, and a restart that keeps the data. */
class LocalCastleTest {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aRestartOnTheSameDataKeepsTopicsAndRecords(@TempDir Path dir) throws Exception {
    LocalCastle.Settings settings = new LocalCastle.Settings(dir.resolve("data"), "127.0.0.1", 0, 0);
    String secretsKey;
    try (LocalCastle first = LocalCastle.start(settings, new Resources())) {
      assertThat(ready(first)).isEqualTo(200);
      assertThat(status(first, "/api/v3/exchangeInfo")).isEqualTo(200);
      secretsKey = Files.readString(first.dataDir().resolve(SecretsKey.LOCAL_FILE));
      assertThat(topicNames(first)).containsAll(Topics.all().stream().map(Topic::name).toList());
      produce(first, "orders.commands", "acknowledged before the restart");

      assertThatThrownBy(() -> LocalCastle.start(settings, new Resources()))
          .isInstanceOf(DataDirectoryLock.AlreadyLockedException.class)
          .hasMessageContaining("Another castle is already running on");
    }

    try (LocalCastle second = LocalCastle.start(settings, new Resources())) {
      assertThat(ready(second)).isEqualTo(200);
      assertThat(Files.readString(second.dataDir().resolve(SecretsKey.LOCAL_FILE))).as("sealed secrets stay readable")
          .isEqualTo(secretsKey);
      assertThat(consumeAll(second, "orders.commands")).containsExactly("acknowledged before the restart");
    }
  }

  private int ready(LocalCastle castle) throws Exception {
    return status(castle, "/health/ready");
  }

  private int status(LocalCastle castle, String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + castle.gatewayPort() + path)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  private static Set<String> topicNames(LocalCastle castle) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, castle.broker().bootstrapServers()))) {
      return admin.listTopics().names().get();
    }
  }

  private static void produce(LocalCastle castle, String topic, String value) throws Exception {
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, castle.broker().bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
        new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, "1".getBytes(), value.getBytes())).get();
    }
  }

  private static List<String> consumeAll(LocalCastle castle, String topic) {
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, castle.broker().bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG, "restart-check",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(Set.of(topic));
      List<String> values = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (values.isEmpty() && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          values.add(new String(record.value()));
        }
      }
      return values;
    }
  }
}
