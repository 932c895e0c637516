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

/**
 * Everything committed to one topic, read with {@code read_committed} from the beginning of every
 * partition, as a downstream consumer sees it: aborted transactions never show.
 *
 * @param <V> the topic's value type
 */
final class CommittedReader<V extends SpecificRecord> implements AutoCloseable {

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
  List<V> poll() {
    for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(2))) {
      values.add(record.value());
    }
    return values;
  }

  /** The values read so far, in each partition's order. */
  List<V> values() {
    return values;
  }

  @Override
  public void close() {
    consumer.close();
  }
}
