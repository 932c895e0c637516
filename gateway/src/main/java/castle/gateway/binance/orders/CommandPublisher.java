package castle.gateway.binance.orders;

import castle.gateway.kafka.KafkaClients;
import castle.schema.orders.OrderCommand;
import castle.topics.Keys;
import castle.topics.Topics;
import castle.topology.StageStamp;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes order commands to {@code orders.commands}, keyed by account so each account's commands stay
 * in order. A command counts as sent only once every in-sync replica has it ({@code acks=all}), and
 * the idempotent producer never writes a retried command twice. The record's timestamp is when the
 * gateway received the request (every later stage derives its times from it); the {@link
 * StageStamp#GATEWAY} header carries the same instant in microseconds for latency breakdowns.
 */
public final class CommandPublisher implements AutoCloseable {

  private final KafkaProducer<String, OrderCommand> producer;
  private final KafkaClientMetrics metrics;
  private final String topic;

  /** A publisher writing to {@code topic} of the cluster of {@code clients}. */
  public CommandPublisher(KafkaClients clients, String topic) {
    Map<String, Object> props = clients.properties();
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "castle-gateway-commands");
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    // Concurrent orders arriving within a millisecond share a batch; every ACK waits at most 1 ms more.
    props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
    // A client is waiting: give up (and answer -1007, status unknown) after 10 s rather than Kafka's 2 min.
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Duration.ofSeconds(5).toMillis());
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Duration.ofSeconds(10).toMillis());
    // Never block a request thread for long on missing metadata: fail fast instead.
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) Duration.ofSeconds(2).toMillis());
    this.producer = new KafkaProducer<>(props, new StringSerializer(), Topics.ORDER_COMMANDS.valueSerde().serializer());
    this.metrics = clients.bind(producer);
    this.topic = topic;
  }

  /** Sends a command received at {@code receivedAtMicros}; completes once Kafka has acknowledged it. */
  public CompletableFuture<RecordMetadata> publish(OrderCommand command, long receivedAtMicros) {
    RecordHeaders headers = new RecordHeaders();
    // The stamp is the receive time rather than now, so the breakdown includes the gateway's own work.
    headers.add(StageStamp.GATEWAY, ByteBuffer.allocate(Long.BYTES).putLong(receivedAtMicros).array());
    ProducerRecord<String, OrderCommand> record = new ProducerRecord<>(
        topic, null, receivedAtMicros / 1000, Keys.account(command.getAccountId()), command, headers);
    CompletableFuture<RecordMetadata> sent = new CompletableFuture<>();
    try {
      producer.send(record, (metadata, error) -> {
        if (error != null) {
          sent.completeExceptionally(error);
        } else {
          sent.complete(metadata);
        }
      });
    } catch (RuntimeException e) {
      sent.completeExceptionally(e);
    }
    return sent;
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
    metrics.close();
  }
}
