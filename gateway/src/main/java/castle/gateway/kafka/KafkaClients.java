package castle.gateway.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

/**
 * How the gateway's parts reach Kafka: the cluster's client properties, and the meter registry their
 * clients report to. Every producer and consumer the gateway owns binds its metrics here, so {@code
 * /metrics} shows the gateway's own send latencies, errors and fetch lag next to the Streams apps'.
 */
public final class KafkaClients {

  private final Map<String, Object> properties;
  private final MeterRegistry registry;

  /** Clients of the cluster {@code properties} point at, whose metrics go to {@code registry}. */
  public KafkaClients(Map<String, Object> properties, MeterRegistry registry) {
    this.properties = Collections.unmodifiableMap(new HashMap<>(properties));
    this.registry = registry;
  }

  /** A copy of the cluster's client properties, for one client to add its own settings to. */
  public Map<String, Object> properties() {
    return new HashMap<>(properties);
  }

  /**
   * Binds the producer's metrics to the registry. Close the result right after the producer: that
   * removes its meters, which would otherwise report a closed client forever.
   */
  public KafkaClientMetrics bind(Producer<?, ?> producer) {
    return bound(new KafkaClientMetrics(producer));
  }

  /** Binds the consumer's metrics to the registry; close the result right after the consumer. */
  public KafkaClientMetrics bind(Consumer<?, ?> consumer) {
    return bound(new KafkaClientMetrics(consumer));
  }

  private KafkaClientMetrics bound(KafkaClientMetrics metrics) {
    metrics.bindTo(registry);
    return metrics;
  }
}
