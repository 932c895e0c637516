package castle.gateway.binance.cache;

import castle.serde.AvroSerde;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gateway's own copy of a compacted topic (symbols, API keys): it reads the topic whole from the
 * beginning, then follows it, so every request is answered from memory without a call to another
 * process. A tombstone removes its key. The cache is "caught up" once it has read everything that
 * was in the topic when it started; until then lookups may miss entries, and callers should say
 * "try again" rather than "unknown".
 *
 * @param <V> the value type
 */
public final class CompactedTopicCache<V extends SpecificRecord> implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CompactedTopicCache.class);
  private static final Duration POLL = Duration.ofMillis(500);

  private final String topic;
  private final AvroSerde<V> serde;
  private final KafkaConsumer<String, byte[]> consumer;
  private final Map<String, V> entries = new ConcurrentHashMap<>();
  private final CountDownLatch caughtUp = new CountDownLatch(1);
  private final Thread reader;
  private volatile boolean running = true;
  private volatile String failure;

  private CompactedTopicCache(String topic, AvroSerde<V> serde, Map<String, Object> kafkaProperties) {
    this.topic = topic;
    this.serde = serde;
    Map<String, Object> props = new HashMap<>(kafkaProperties);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "castle-gateway-cache-" + topic);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    // Never show a value from an aborted transaction (admin tools may write transactionally).
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    this.reader = new Thread(this::run, "cache-" + topic);
    this.reader.setDaemon(true);
  }

  /** Starts reading {@code topic} into memory. */
  public static <V extends SpecificRecord> CompactedTopicCache<V> start(
      String topic, AvroSerde<V> serde, Map<String, Object> kafkaProperties) {
    CompactedTopicCache<V> cache = new CompactedTopicCache<>(topic, serde, kafkaProperties);
    cache.reader.start();
    return cache;
  }

  /** The current value of a key. */
  public Optional<V> get(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  /** Every current value. */
  public Collection<V> values() {
    return Collections.unmodifiableCollection(entries.values());
  }

  /** Whether everything the topic held at start-up has been read. */
  public boolean isCaughtUp() {
    return caughtUp.getCount() == 0;
  }

  /** Waits until caught up; false if {@code timeout} passed first. */
  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Why the cache is not usable, for the readiness check; empty when it is. */
  public Optional<String> problem() {
    if (failure != null) {
      return Optional.of(failure);
    }
    return isCaughtUp() ? Optional.empty() : Optional.of("still reading " + topic);
  }

  private void run() {
    try {
      List<TopicPartition> partitions = TopicPartitions.await(consumer, topic);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> endAtStart = consumer.endOffsets(partitions);
      while (running) {
        poll();
        if (!isCaughtUp() && reached(endAtStart)) {
          LOG.info("Read {} entries of {}", entries.size(), topic);
          caughtUp.countDown();
        }
      }
    } catch (WakeupException e) {
      // close() asked us to stop.
    } catch (RuntimeException e) {
      failure = "reading " + topic + " failed: " + e.getMessage();
      LOG.error("Stopped reading {}", topic, e);
    } finally {
      consumer.close();
    }
  }

  private void poll() {
    // Values are decoded one by one, so a record no schema can read is skipped, not fatal.
    for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
      apply(record);
    }
  }

  private void apply(ConsumerRecord<String, byte[]> record) {
    if (record.key() == null) {
      return;
    }
    if (record.value() == null) {
      entries.remove(record.key());
      return;
    }
    try {
      entries.put(record.key(), serde.decode(record.value()));
    } catch (RuntimeException e) {
      LOG.warn("Skipping undecodable {} record at {}-{}@{}: {}",
          topic, record.topic(), record.partition(), record.offset(), e.getMessage());
    }
  }

  private boolean reached(Map<TopicPartition, Long> ends) {
    for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
      if (consumer.position(end.getKey()) < end.getValue()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      reader.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
