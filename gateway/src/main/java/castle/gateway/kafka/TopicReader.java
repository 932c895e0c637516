package castle.gateway.kafka;

import castle.topics.Topic;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every partition of one topic on a background thread, without a consumer group (each gateway
 * reads the whole topic for itself), {@code read_committed} so that only committed Streams output is
 * seen. The position is fixed before {@link #start} returns, so nothing written afterwards is missed.
 */
final class TopicReader<V extends SpecificRecord> implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TopicReader.class);
  private static final Duration POLL = Duration.ofMillis(100);
  // Two readers of one topic in a process (the native and Binance APIs each keep a symbols table)
  // need distinct client ids, or their series on /metrics collide and vanish with the first closed.
  private static final AtomicInteger READERS = new AtomicInteger();

  /** What to do with each batch; runs on the reader's thread. */
  interface BatchHandler<V> {
    void handle(List<ConsumerRecord<String, V>> batch);
  }

  private final KafkaConsumer<String, byte[]> consumer;
  private final KafkaClientMetrics metrics;
  private final Topic<V> topic;
  private final BatchHandler<V> handler;
  private final Map<TopicPartition, Long> initialEnd;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile boolean caughtUp;

  private TopicReader(
      KafkaConsumer<String, byte[]> consumer, KafkaClientMetrics metrics, Topic<V> topic, BatchHandler<V> handler,
      Map<TopicPartition, Long> initialEnd) {
    this.consumer = consumer;
    this.metrics = metrics;
    this.topic = topic;
    this.handler = handler;
    this.initialEnd = initialEnd;
    this.thread = new Thread(this::run, "reader-" + topic.name());
    this.thread.setDaemon(true);
  }

  /**
   * Starts reading {@code topic} from its beginning ({@code fromStart}) or its current end.
   *
   * @throws IllegalStateException when the topic does not exist
   */
  static <V extends SpecificRecord> TopicReader<V> start(
      KafkaClients clients, Topic<V> topic, boolean fromStart, BatchHandler<V> handler) {
    Map<String, Object> props = clients.properties();
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "castle-gateway-" + topic.name() + "-" + READERS.incrementAndGet());
    // A command's outcome should reach the waiting request as soon as it is committed.
    props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
    KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    KafkaClientMetrics metrics = clients.bind(consumer);
    try {
      List<PartitionInfo> partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30));
      if (partitions == null || partitions.isEmpty()) {
        throw new IllegalStateException("Topic " + topic.name() + " does not exist; create it with 'castle topics'");
      }
      List<TopicPartition> assigned =
          partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(assigned);
      if (fromStart) {
        consumer.seekToBeginning(assigned);
      } else {
        consumer.seekToEnd(assigned);
      }
      assigned.forEach(partition -> consumer.position(partition, Duration.ofSeconds(30)));
      Map<TopicPartition, Long> end = consumer.endOffsets(assigned, Duration.ofSeconds(30));
      TopicReader<V> reader = new TopicReader<>(consumer, metrics, topic, handler, end);
      reader.thread.start();
      return reader;
    } catch (RuntimeException e) {
      consumer.close();
      metrics.close();
      throw e;
    }
  }

  /** Whether it has read everything that was in the topic when it started. */
  boolean caughtUp() {
    return caughtUp;
  }

  private void run() {
    try {
      while (running) {
        List<ConsumerRecord<String, V>> batch = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
          V value;
          try {
            value = topic.valueSerde().decode(record.value());
          } catch (RuntimeException e) {
            LOG.warn("Skipping an undecodable record at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
            continue;
          }
          batch.add(new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.key(), value));
        }
        handler.handle(batch);
        if (!caughtUp) {
          caughtUp = initialEnd.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.error("Reader of {} stopped", topic.name(), e);
    } finally {
      consumer.close(Duration.ofSeconds(2));
      metrics.close();
    }
  }

  /** Whether the reader's thread still runs. */
  boolean alive() {
    return thread.isAlive();
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
