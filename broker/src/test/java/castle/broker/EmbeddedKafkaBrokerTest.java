package castle.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerTest {

  @Test
  void aRestartOnTheSameDirectoryKeepsTopicsAndRecords(@TempDir Path dir) throws Exception {
    Path logDir = dir.resolve("kafka");
    try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(BrokerSettings.local(logDir))) {
      try (Admin admin = admin(first)) {
        admin.createTopics(List.of(new NewTopic("kept", 2, (short) 1))).all().get();
      }
      try (KafkaProducer<String, String> producer = producer(first)) {
        producer.send(new ProducerRecord<>("kept", "k", "before restart")).get();
      }
    }

    try (EmbeddedKafkaBroker second = EmbeddedKafkaBroker.start(BrokerSettings.local(logDir))) {
      try (Admin admin = admin(second)) {
        assertThat(admin.listTopics().names().get()).contains("kept");
      }
      assertThat(readAll(second, "kept")).containsExactly("before restart");
    }
    assertThat(Files.exists(logDir.resolve("meta.properties"))).isTrue();
  }

  @Test
  void transactionsWorkOnOneNode() throws Exception {
    EmbeddedKafkaBroker broker = SharedBroker.get();
    try (Admin admin = admin(broker)) {
      admin.createTopics(List.of(new NewTopic("tx", 1, (short) 1))).all().get();
    }
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-test"),
            new StringSerializer(),
            new StringSerializer())) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>("tx", "k", "committed"));
      producer.commitTransaction();
    }

    assertThat(readAll(broker, "tx")).containsExactly("committed");
  }

  private static Admin admin(EmbeddedKafkaBroker broker) {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
  }

  private static KafkaProducer<String, String> producer(EmbeddedKafkaBroker broker) {
    return new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
        new StringSerializer(),
        new StringSerializer());
  }

  private static List<String> readAll(EmbeddedKafkaBroker broker, String topic) {
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.subscribe(Set.of(topic));
      List<String> values = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (values.isEmpty() && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          values.add(record.value());
        }
      }
      return values;
    }
  }
}

