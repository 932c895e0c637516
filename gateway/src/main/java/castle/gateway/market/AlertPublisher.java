package castle.gateway.market;

import castle.gateway.api.ApiException;
import castle.gateway.kafka.KafkaClients;
import castle.schema.alerts.AlertCommand;
import castle.topics.Topics;
import castle.topology.TopicNames;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes alert commands to {@code alerts.commands}, keyed by symbol, with an idempotent producer and
 * {@code acks=all}: a request is answered only once Kafka has the command, so nothing acknowledged
 * is lost.
 */
final class AlertPublisher implements AutoCloseable {

  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(5);

  private final KafkaProducer<String, AlertCommand> producer;
  private final KafkaClientMetrics metrics;
  private final String topic;

  AlertPublisher(KafkaClients clients, TopicNames topics) {
    Map<String, Object> config = clients.properties();
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "castle-gateway-alerts");
    this.producer = new KafkaProducer<>(config, Topics.ALERT_COMMANDS.keySerde().serializer(),
        Topics.ALERT_COMMANDS.valueSerde().serializer());
    this.metrics = clients.bind(producer);
    this.topic = topics.of(Topics.ALERT_COMMANDS);
  }

  /** Sends the command and waits for Kafka's acknowledgement; a 503 if it does not come. */
  void publish(AlertCommand command) {
    try {
      producer.send(new ProducerRecord<>(topic, command.getSymbol(), command))
          .get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiException.backendUnavailable();
    } catch (ExecutionException | TimeoutException e) {
      throw ApiException.backendUnavailable();
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
    metrics.close();
  }
}
