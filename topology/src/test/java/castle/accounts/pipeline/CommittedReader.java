package castle.accounts.pipeline;

import castle.topics.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/**
 * Everything committed to one topic, read with {@code read_committed} from the beginning of every
 * partition, as a downstream consumer sees it: aborted transactions never show.
 *
 * @param <V> the topic's value type
 */
public final class CommittedReader<V extends SpecificRecord> implements AutoCloseable {

  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaConsumer<String, V> consumer;
  private final List<V> values = new ArrayList<>();

  CommittedReader(Map<String, Object> kafka, Topic<V> topic) {
    Map<String, Object> config = new HashMap<>(kafka);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    consumer = new KafkaConsumer<>(config, new StringDeserializer(), topic.valueSerde().deserializer());
    List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
        .map(p -> new TopicPartition(topic.name(), p.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /** Reads what has been committed since the last call; returns every value read so far. */
  public List<V> poll() {
    for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(2))) {
      values.add(record.value());
    }
    return values;
  }

  /**
   * Reads every partition up to its end as it is now, so that, once the writers have stopped, the
   * values are all the topic will ever hold; returns them.
   */
  public List<V> readToEnd() {
    Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
    Awaitility.await().atMost(READ_TIMEOUT).until(() -> {
      poll();
      return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    });
    return values;
  }

  /** The values read so far, in each partition's order. */
  public List<V> values() {
    return values;
  }

  @Override
  public void close() {
    consumer.close();
  }
}
