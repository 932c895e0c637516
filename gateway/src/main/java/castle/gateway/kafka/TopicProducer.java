package castle.gateway.kafka;

import castle.topics.Topic;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The gateway's writer of commands: idempotent and {@code acks=all}, so a command the gateway
 * acknowledged is on every in-sync replica and a retried send is never duplicated. Values are encoded
 * with each topic's own serde, so one producer serves every topic.
 */
public final class TopicProducer implements AutoCloseable {

  private final KafkaProducer<String, byte[]> producer;
  private final KafkaClientMetrics metrics;

  /** A producer on the cluster of {@code clients}. */
  public TopicProducer(KafkaClients clients, String clientId) {
    Map<String, Object> props = clients.properties();
    props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    // Each request waits for its own command: batching would only delay it. Bursts still batch
    // while a request is in flight.
    props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    this.metrics = clients.bind(producer);
  }

  /**
   * Sends one record with the given timestamp and waits until every in-sync replica has it.
   *
   * @throws TimeoutException when the cluster did not acknowledge within {@code timeout}
   */
  public <V extends SpecificRecord> RecordMetadata send(Topic<V> topic, String key, V value, long timestamp, Duration timeout)
      throws TimeoutException {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(topic.name(), null, timestamp, key, topic.valueSerde().encode(value));
    try {
      return producer.send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TimeoutException("interrupted while sending to " + topic.name());
    } catch (ExecutionException e) {
      throw new IllegalStateException("Kafka refused a record for " + topic.name() + ": " + e.getCause().getMessage(), e.getCause());
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
    metrics.close();
  }
}
