package castle.topology.floor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import castle.broker.SharedBroker;
import castle.topology.StreamsEnvironment;
import castle.topology.runtime.StreamsRuntime;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The floor hop and the runtime, on the shared embedded broker, exactly once end to end. */
class PassThroughAppTest {

  @Test
  void copiesCommittedRecordsAndReportsReadiness(@TempDir Path state) throws Exception {
    Map<String, Object> kafka = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, SharedBroker.bootstrapServers());
    try (Admin admin = Admin.create(kafka)) {
      admin.createTopics(List.of(new NewTopic("floor.in", 2, (short) 1), new NewTopic("floor.out", 2, (short) 1)))
          .all().get();
    }
    StreamsEnvironment environment = StreamsEnvironment.local(kafka, state, null);

    try (StreamsRuntime runtime = StreamsRuntime.start(
        List.of(new PassThroughApp("floor.in", "floor.out")), environment, new SimpleMeterRegistry(), Duration.ofSeconds(5))) {
      assertThat(runtime.awaitRunning(Duration.ofSeconds(60))).isTrue();
      assertThat(runtime.problem("floor")).isEmpty();

      try (KafkaProducer<String, String> producer = new KafkaProducer<>(kafka, new StringSerializer(), new StringSerializer())) {
        for (int i = 0; i < 10; i++) {
          producer.send(new ProducerRecord<>("floor.in", "k" + i, "v" + i));
        }
      }

      List<String> copied = new ArrayList<>();
      try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
          CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, SharedBroker.bootstrapServers(),
          ConsumerConfig.GROUP_ID_CONFIG, "floor-check",
          ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
          ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new StringDeserializer())) {
        consumer.subscribe(Set.of("floor.out"));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
          for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
            copied.add(record.value());
          }
          return copied.size() >= 10;
        });
      }
      assertThat(copied).containsExactlyInAnyOrder("v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9");
    }
  }
}
