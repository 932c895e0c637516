package castle.gateway.binance.orders;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Finds every partition of a topic for a consumer that reads all of them itself, without a consumer
 * group: gateways read whole topics (caches, executions), so a group's rebalances would only add
 * pauses. Waits while the topic does not exist yet, as on a cluster whose topics are still being
 * applied.
 */
final class TopicPartitions {

  private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(5);
  private static final long RETRY_MS = 250;

  private TopicPartitions() {}

  /** Every partition of {@code topic}, waiting until it exists; throws WakeupException when woken. */
  static List<TopicPartition> await(Consumer<?, ?> consumer, String topic) {
    while (true) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic, METADATA_TIMEOUT);
      if (infos != null && !infos.isEmpty()) {
        return infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
      }
      try {
        Thread.sleep(RETRY_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new WakeupException();
      }
    }
  }
}
