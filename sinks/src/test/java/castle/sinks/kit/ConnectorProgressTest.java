package castle.sinks.kit;

import static org.assertj.core.api.Assertions.assertThat;

import castle.broker.SharedBroker;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Whether a connector has caught up, on topics written as Castle's exactly-once apps write them: in
 * transactions, so each partition's end offset also counts commit markers and aborted records. The
 * connector's group commits what Connect commits, the offset after the last record it was given.
 */
class ConnectorProgressTest {

  @Test
  void aConnectorThatWroteEveryCommittedRecordHasCaughtUpThoughMarkersFollow() throws Exception {
    // Given five committed records then two aborted ones on partition 0, and three committed on partition 1
    String topic = TestTopics.unique("progress");
    TestTopics.create(2, topic);
    try (KafkaProducer<String, String> producer = transactionalProducer()) {
      producer.initTransactions();
      producer.beginTransaction();
      send(producer, topic, 0, 5);
      send(producer, topic, 1, 3);
      producer.commitTransaction();
      producer.beginTransaction();
      send(producer, topic, 0, 2);
      producer.flush();
      producer.abortTransaction();
    }
    String connector = "progress-" + UUID.randomUUID();

    // When the connector has committed past the last committed record of each partition
    commit(connector, topic, 5, 3);

    // Then it has caught up, though the ends (9 and 4) count markers and aborted records
    assertThat(TestTopics.count(topic)).isEqualTo(13);
    assertThat(ConnectorProgress.isCaughtUp(connector, List.of(topic))).isTrue();
  }

  @Test
  void aCommittedRecordNotYetWrittenKeepsTheConnectorBehind() throws Exception {
    String topic = TestTopics.unique("progress");
    TestTopics.create(1, topic);
    try (KafkaProducer<String, String> producer = transactionalProducer()) {
      producer.initTransactions();
      producer.beginTransaction();
      send(producer, topic, 0, 3);
      producer.commitTransaction();
    }
    String connector = "progress-" + UUID.randomUUID();

    assertThat(ConnectorProgress.isCaughtUp(connector, List.of(topic))).as("nothing committed yet").isFalse();
    commit(connector, topic, 2);
    assertThat(ConnectorProgress.isCaughtUp(connector, List.of(topic))).as("the third record unwritten").isFalse();
    commit(connector, topic, 3);
    assertThat(ConnectorProgress.isCaughtUp(connector, List.of(topic))).isTrue();
  }

  private static KafkaProducer<String, String> transactionalProducer() {
    return new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedBroker.bootstrapServers(),
        ProducerConfig.TRANSACTIONAL_ID_CONFIG, "progress-" + UUID.randomUUID()), new StringSerializer(), new StringSerializer());
  }

  private static void send(KafkaProducer<String, String> producer, String topic, int partition, int count) {
    for (int i = 0; i < count; i++) {
      producer.send(new ProducerRecord<>(topic, partition, "k" + i, "v" + i));
    }
  }

  /** Commits offsets for the connector's group as Connect does: per partition, in partition order. */
  private static void commit(String connector, String topic, long... offsets) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
    for (int partition = 0; partition < offsets.length; partition++) {
      committed.put(new TopicPartition(topic, partition), new OffsetAndMetadata(offsets[partition]));
    }
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", SharedBroker.bootstrapServers()))) {
      admin.alterConsumerGroupOffsets("connect-" + connector, committed).all().get();
    }
  }
}
