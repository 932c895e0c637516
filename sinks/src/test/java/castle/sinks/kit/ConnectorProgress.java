package castle.sinks.kit;

import castle.broker.SharedBroker;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.awaitility.Awaitility;

/**
 * Waits until a sink connector has written every committed record of its topics.
 *
 * <p>Committed offsets at the end offsets are not the test: on topics written in transactions (the
 * outputs of every exactly-once app) the end offset also counts commit markers and aborted records,
 * which no {@code read_committed} consumer is ever given, and Connect commits the offset after the
 * last record it was given. A connector that has written everything can so stay short of the end for
 * good. Where it is short, a {@code read_committed} reader from the committed offset decides: caught
 * up when it reaches the end without receiving a record.
 */
public final class ConnectorProgress {

  /** How long one check reads past a committed offset; an open transaction holds a reader back this long. */
  private static final Duration READ_LIMIT = Duration.ofSeconds(1);

  private ConnectorProgress() {}

  /** Blocks until connector {@code name} has committed past every committed record of {@code topics}. */
  public static void awaitCaughtUp(String name, Collection<String> topics, Duration timeout) {
    try (Admin admin = admin(); KafkaConsumer<byte[], byte[]> reader = reader()) {
      Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(200))
          .until(() -> caughtUp(admin, reader, name, topics));
    }
  }

  /** Whether connector {@code name} has committed past every committed record of {@code topics} now. */
  static boolean isCaughtUp(String name, Collection<String> topics) throws Exception {
    try (Admin admin = admin(); KafkaConsumer<byte[], byte[]> reader = reader()) {
      return caughtUp(admin, reader, name, topics);
    }
  }

  private static boolean caughtUp(Admin admin, KafkaConsumer<byte[], byte[]> reader, String name,
      Collection<String> topics) throws Exception {
    Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(topics).allTopicNames().get().values().stream()
        .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
        .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
    Map<TopicPartition, Long> ends = admin.listOffsets(latest).all().get().entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets("connect-" + name).partitionsToOffsetAndMetadata().get();
    Map<TopicPartition, Long> behind = new HashMap<>();
    ends.forEach((partition, end) -> {
      long at = committed.get(partition) == null ? 0 : committed.get(partition).offset();
      if (at < end) {
        behind.put(partition, at);
      }
    });
    return behind.isEmpty() || nothingToRead(reader, behind, ends);
  }

  /** Whether a read_committed reader from {@code from} reaches {@code ends} without being given a record. */
  private static boolean nothingToRead(KafkaConsumer<byte[], byte[]> reader, Map<TopicPartition, Long> from,
      Map<TopicPartition, Long> ends) {
    reader.assign(from.keySet());
    from.forEach(reader::seek);
    long deadline = System.nanoTime() + READ_LIMIT.toNanos();
    while (from.keySet().stream().anyMatch(partition -> reader.position(partition) < ends.get(partition))) {
      if (!reader.poll(Duration.ofMillis(50)).isEmpty() || System.nanoTime() > deadline) {
        return false;
      }
    }
    return true;
  }

  private static Admin admin() {
    return Admin.create(Map.of("bootstrap.servers", SharedBroker.bootstrapServers()));
  }

  private static KafkaConsumer<byte[], byte[]> reader() {
    return new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedBroker.bootstrapServers(),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }
}
