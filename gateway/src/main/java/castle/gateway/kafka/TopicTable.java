package castle.gateway.kafka;

import castle.topics.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The latest value of every key of a compacted topic (users.apikeys, symbols), kept in memory by
 * every gateway and updated as committed records arrive; a tombstone removes its key. Writers that
 * must read their own write wait with {@link #awaitValue} until the table has it.
 *
 * @param <V> the value type
 */
public final class TopicTable<V extends SpecificRecord> implements AutoCloseable {

  private final Map<String, V> values = new ConcurrentHashMap<>();
  private final Object changed = new Object();
  private final TopicReader<V> reader;
  private final String topicName;

  private TopicTable(KafkaClients clients, Topic<V> topic) {
    this.topicName = topic.name();
    this.reader = TopicReader.start(clients, topic, true, this::apply);
  }

  /** Starts reading {@code topic} from its beginning. */
  public static <V extends SpecificRecord> TopicTable<V> start(KafkaClients clients, Topic<V> topic) {
    return new TopicTable<>(clients, topic);
  }

  /** The latest value under {@code key}. */
  public Optional<V> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /** A snapshot of every key's latest value. */
  public Map<String, V> snapshot() {
    return Map.copyOf(values);
  }

  /**
   * Waits until the value under {@code key} satisfies {@code condition}.
   *
   * @return whether it did within {@code timeout}
   */
  public boolean awaitValue(String key, Predicate<V> condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (changed) {
      while (true) {
        V value = values.get(key);
        if (value != null && condition.test(value)) {
          return true;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        changed.wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  /** Why the table cannot be trusted yet (still loading, or its reader stopped), or empty. */
  public Optional<String> problem() {
    if (!reader.alive()) {
      return Optional.of("reader of " + topicName + " stopped");
    }
    return reader.caughtUp() ? Optional.empty() : Optional.of("still loading " + topicName);
  }

  private void apply(List<ConsumerRecord<String, V>> batch) {
    if (batch.isEmpty()) {
      return;
    }
    for (ConsumerRecord<String, V> record : batch) {
      if (record.value() == null) {
        values.remove(record.key());
      } else {
        values.put(record.key(), record.value());
      }
    }
    synchronized (changed) {
      changed.notifyAll();
    }
  }

  @Override
  public void close() {
    reader.close();
  }
}
