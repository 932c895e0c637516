package castle.gateway.market.feed;

import castle.gateway.kafka.KafkaClients;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows topics from their end on a thread of its own, for fan-out to this gateway's WebSocket
 * clients: every partition is assigned (no consumer group, every gateway sees everything), only
 * committed records are read, and the listener also gets a tick after every poll to run its timers.
 * A gateway that restarts starts again from the end: streams are live data, not history.
 */
final class TopicTail implements AutoCloseable {

  /** What the tail hands its records and ticks to; runs on the tail's thread only. */
  interface Listener {
    /** A batch of records; {@code lag} tells how far a partition is behind its end after the batch. */
    void onRecords(ConsumerRecords<String, byte[]> records, Lag lag);

    /** Called after every poll, with the wall clock. */
    void onTick(long now);
  }

  /** The lag of a partition after the last poll, when the consumer knows it. */
  @FunctionalInterface
  interface Lag {
    OptionalLong of(TopicPartition partition);
  }

  private static final Logger LOG = LoggerFactory.getLogger(TopicTail.class);
  private static final Duration POLL = Duration.ofMillis(20);

  private final KafkaConsumer<String, byte[]> consumer;
  private final KafkaClientMetrics metrics;
  private final List<String> topics;
  private final Listener listener;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile boolean positioned;

  TopicTail(String name, KafkaClients clients, List<String> topics, Listener listener) {
    Map<String, Object> config = clients.properties();
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "castle-gateway-" + name);
    this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    this.metrics = clients.bind(consumer);
    this.topics = List.copyOf(topics);
    this.listener = listener;
    this.thread = new Thread(this::run, "gateway-" + name);
    this.thread.setDaemon(true);
  }

  /** Starts following; returns at once. */
  TopicTail start() {
    thread.start();
    return this;
  }

  private void run() {
    try {
      List<TopicPartition> partitions = partitions();
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position);
      positioned = true;
      while (running) {
        ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
        if (!records.isEmpty()) {
          listener.onRecords(records, consumer::currentLag);
        }
        listener.onTick(System.currentTimeMillis());
      }
    } catch (WakeupException e) {
      // Closing.
    } catch (RuntimeException e) {
      LOG.error("Following {} failed; this gateway's streams from them stop", topics, e);
    } finally {
      consumer.close(Duration.ofSeconds(2));
      metrics.close();
    }
  }

  /** Every partition of the topics, waiting for topics that do not exist yet. */
  private List<TopicPartition> partitions() {
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : topics) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic);
      while (running && (infos == null || infos.isEmpty())) {
        LOG.info("Waiting for topic {} to exist", topic);
        sleep();
        infos = consumer.partitionsFor(topic);
      }
      if (infos != null) {
        infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
      }
    }
    return partitions;
  }

  private void sleep() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  /** Whether the tail has assigned its partitions and positioned at their ends. */
  boolean started() {
    return positioned;
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
